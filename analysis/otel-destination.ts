// Where a file's OpenTelemetry exporter sends: HoneyHive or somewhere else. Decided from the OTLP trace
// exporters the file makes (`new OTLPTraceExporter({ url, headers })`): the `url` as written (a literal,
// a template, a `process.env.X` read, a const), a key header read from a HoneyHive key variable, and for
// an exporter without `url` the OTLP endpoint variables the project's Lambda configuration sets for this
// handler (serverless.yml / SAM). The exporters are recognized by their bindings (an exporter class of
// knowledge/trace-exporters.ts, imported under an alias or read through a namespace), and so is a call that builds
// its exporter from those variables (@vercel/otel's `registerOTel()` without `traceExporter`). `.env` files are not
// read: they are local and per developer, often absent from the repository, and a deployment sets its own values
// (the docs of the flush rule say so). The text test `mayExportOtelToHoneyhive` stays
// the cheap prefilter; a file whose exporters cannot be read falls back to it on the code without comments
// (a comment naming HoneyHive sends nothing anywhere).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { memberName, unwrapExpression } from "./ast.js";
import { AttachedCache } from "./attached-cache.js";
import { getAnalysisContext } from "./context.js";
import type { AnalysisInput } from "./input.js";
import { configuredEnvironmentValues, configuredPreloads } from "./knowledge/frameworks/lambda-functions-config.js";
import { mayExportOtelToHoneyhive, namesOtelPackage, OTEL_COMPONENTS, OTEL_USE_MEMBERS, type OtelComponent, opentelemetryProfile } from "./knowledge/sdks/opentelemetry.js";
import { ENV_CONFIGURED_PIPELINES, exporterVariablesIn, mayMakeTraceExporter, TRACE_EXPORTERS } from "./knowledge/trace-exporters.js";
import { nodesOfType } from "./nodes.js";
import { originMatches } from "./value-specifier.js";

export type Destination = "honeyhive" | "other" | "unknown";

const { honeyhiveEndpoint, honeyhiveOtlp } = opentelemetryProfile;
/** How far a const holding the url is followed (`const url = BASE + "/v1/traces"`). */
const MAX_DEPTH = 3;
/** How many steps from a provider to its exporter are followed (provider → const → processor → const → exporter). */
const MAX_PART_DEPTH = 8;

const verdicts = new AttachedCache<TSESTree.Program, boolean>("honeyhive.otelToHoneyhive");

/** Does the file's OpenTelemetry pipeline export to HoneyHive? */
export function exportsOtelToHoneyhive(input: AnalysisInput): boolean {
  if (!namesOtelPackage(input.text)) return false;
  const named = mayExportOtelToHoneyhive(input.text);
  // Without HoneyHive in the text, only an exporter whose endpoint the configuration sets can send there.
  if (!named && !mayMakeTraceExporter(input.text)) return false;
  return verdicts.getOrCompute(input.ast, () => decide(input, named), true);
}

function decide(input: AnalysisInput, named: boolean): boolean {
  const { bindings } = getAnalysisContext(input);
  const destinations: Destination[] = [];
  for (const creation of nodesOfType(input.ast, AST_NODE_TYPES.NewExpression)) {
    const origin = bindings.originOf(creation.callee);
    if (!origin || !TRACE_EXPORTERS.some((target) => originMatches(origin, target))) continue;
    destinations.push(exporterDestination(input, creation));
  }
  // `registerOTel("svc")`: no exporter in the options, so the one the environment configures. `traceloop.initialize({ baseUrl })`:
  // the address its option gives, else its variable's, else its own default (`addressedDestination`).
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const origin = bindings.originOf(call.callee);
    const pipeline = origin && ENV_CONFIGURED_PIPELINES.find((candidate) => originMatches(origin, candidate.export));
    if (!pipeline) continue;
    const options = unwrapExpression(call.arguments[0]);
    const given = options?.type === AST_NODE_TYPES.ObjectExpression && pipeline.exporterOptions.some((key) => propertyValue(options, key) !== undefined);
    destinations.push(given || pipeline.addressed ? componentDestination(input, call) : configuredDestination(input, pipeline.variables));
  }
  if (destinations.includes("honeyhive")) return true;
  if (destinations.length > 0 && destinations.every((destination) => destination === "other")) return false;
  return named && honeyhiveEndpoint.test(codeWithoutComments(input));
}

function exporterDestination(input: AnalysisInput, creation: TSESTree.NewExpression | TSESTree.CallExpression): Destination {
  const options = unwrapExpression(creation.arguments[0]);
  const url = options?.type === AST_NODE_TYPES.ObjectExpression ? propertyValue(options, "url") : undefined;
  if (options !== undefined && options.type !== AST_NODE_TYPES.ObjectExpression) return "unknown";
  if (url !== undefined) {
    const destination = valueDestination(input, url, 0);
    if (destination !== "unknown") return destination;
  }
  const headers = options?.type === AST_NODE_TYPES.ObjectExpression ? unwrapExpression(propertyValue(options, "headers")) : undefined;
  if (headers?.type === AST_NODE_TYPES.ObjectExpression && sendsHoneyhiveKey(input, headers)) return "honeyhive";
  if (url !== undefined) return "unknown";
  return configuredDestination(input);
}

/**
 * Where one OpenTelemetry component the file makes sends its spans (`new NodeTracerProvider(…)`, a span
 * processor, an exporter, `new NodeSDK(…)`, `registerOTel(…)`): through the processors a provider is given (`spanProcessors:
 * […]`, `provider.addSpanProcessor(p)`), the exporter a processor is given (`traceExporter` for NodeSDK),
 * to that exporter's destination; each followed through a `const` of the file. "unknown" where a part
 * cannot be read. What tells two pipelines of one file apart (a Honeycomb provider beside one exporting to
 * HoneyHive): the flush a fix writes and the flushes that count go by it.
 */
export function componentDestination(input: AnalysisInput, creation: TSESTree.NewExpression | TSESTree.CallExpression, depth = 0): Destination {
  if (depth > MAX_PART_DEPTH) return "unknown";
  const { bindings } = getAnalysisContext(input);
  const origin = bindings.originOf(creation.callee);
  const component = origin ? OTEL_COMPONENTS.find((candidate) => originMatches(origin, candidate.export)) : undefined;
  if (!component) return "unknown";
  if (component.role === "exporter") return exporterDestination(input, creation);
  if (component.destination) return addressedDestination(input, creation, component.destination);
  const options = unwrapExpression(creation.arguments[0]);
  const inputs: TSESTree.Node[] = [];
  if (component.role === "processor") {
    if (options) inputs.push(options);
  } else if (options?.type === AST_NODE_TYPES.ObjectExpression) {
    for (const key of ["spanProcessors", "spanProcessor", "traceExporter"]) {
      const value = unwrapExpression(propertyValue(options, key));
      if (value?.type === AST_NODE_TYPES.ArrayExpression) inputs.push(...value.elements.flatMap((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? [element] : [])));
      else if (value) inputs.push(value);
    }
  }
  // 1.x providers: `provider.addSpanProcessor(processor)` on the variable holding this one.
  const holder = creation.parent?.type === AST_NODE_TYPES.VariableDeclarator && creation.parent.init === creation && creation.parent.id.type === AST_NODE_TYPES.Identifier ? creation.parent.id : undefined;
  for (const reference of (holder && bindings.variableOf(holder)?.references) || []) {
    const member = reference.identifier.parent;
    const call = member?.parent;
    if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === reference.identifier && call?.type === AST_NODE_TYPES.CallExpression && call.callee === member && call.arguments[0]) {
      if (memberName(member) === "addSpanProcessor") inputs.push(call.arguments[0]);
    }
  }
  const found = inputs.map((part) => partDestination(input, part, depth + 1));
  if (found.includes("honeyhive")) return "honeyhive";
  return found.length > 0 && found.every((part) => part === "other") ? "other" : "unknown";
}

/** A processor or exporter given to a component: made there, or a `const` of the file holding one. */
function partDestination(input: AnalysisInput, node: TSESTree.Node, depth: number): Destination {
  const value = unwrapExpression(node);
  if (value?.type === AST_NODE_TYPES.NewExpression) return componentDestination(input, value, depth);
  if (value?.type !== AST_NODE_TYPES.Identifier || depth > MAX_PART_DEPTH) return "unknown";
  const def = getAnalysisContext(input).bindings.variableOf(value)?.defs;
  const only = def?.length === 1 ? def[0] : undefined;
  const init = only?.node.type === AST_NODE_TYPES.VariableDeclarator ? only.node.init : null;
  return init && only?.parent?.type === AST_NODE_TYPES.VariableDeclaration && only.parent.kind === "const" ? partDestination(input, init, depth + 1) : "unknown";
}

/**
 * Where a pipeline made by a call with an address option sends (`traceloop.initialize({ baseUrl })`): the option as
 * written; without it, the variable the project's Lambda configuration sets, else the component's own default
 * (Traceloop's cloud). Options that are not an object literal cannot be read.
 */
function addressedDestination(input: AnalysisInput, call: TSESTree.NewExpression | TSESTree.CallExpression, address: NonNullable<OtelComponent["destination"]>): Destination {
  const options = unwrapExpression(call.arguments[0]);
  if (options !== undefined && options.type !== AST_NODE_TYPES.ObjectExpression) return "unknown";
  const given = unwrapExpression(options && propertyValue(options, address.option));
  // `baseUrl: process.env.TRACELOOP_BASE_URL` says what the default says: the variable.
  const readsVariable = given?.type === AST_NODE_TYPES.MemberExpression && environmentName(given) === address.variable;
  if (given !== undefined && !readsVariable) return valueDestination(input, given, 0);
  const values = configuredEnvironmentValues(input.filename, [address.variable], input.cwd);
  return [...(values.length > 0 ? values : [address.fallback])].some((value) => honeyhiveEndpoint.test(value)) ? "honeyhive" : "other";
}

/** The OTLP endpoint the project's configuration sets for this handler's function: HoneyHive's or another. */
function configuredDestination(input: AnalysisInput, variables: readonly string[] = honeyhiveOtlp.endpointVariables): Destination {
  const values = configuredEnvironmentValues(input.filename, variables, input.cwd);
  if (values.length === 0) return "unknown";
  return values.some((value) => honeyhiveEndpoint.test(value)) ? "honeyhive" : "other";
}

function valueDestination(input: AnalysisInput, node: TSESTree.Node, depth: number): Destination {
  const value = unwrapExpression(node);
  if (!value || depth > MAX_DEPTH) return "unknown";
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return typeof value.value === "string" ? (honeyhiveEndpoint.test(value.value) ? "honeyhive" : "other") : "unknown";
    case AST_NODE_TYPES.TemplateLiteral: {
      if (value.quasis.some((quasi) => honeyhiveEndpoint.test(quasi.value.cooked ?? quasi.value.raw))) return "honeyhive";
      const parts = value.expressions.map((expression) => valueDestination(input, expression, depth + 1));
      if (parts.includes("honeyhive")) return "honeyhive";
      // A literal host in the text (`https://collector:4318/${path}`) names the place; a template of variables does not.
      const host = /^[a-z][\w+.-]*:\/\/[^/$]/i.test(value.quasis[0]?.value.raw ?? "");
      return host || parts.every((part) => part === "other") ? "other" : "unknown";
    }
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.ConditionalExpression: {
      const parts = value.type === AST_NODE_TYPES.LogicalExpression ? [value.left, value.right] : [value.consequent, value.alternate];
      const found = parts.map((part) => valueDestination(input, part, depth + 1));
      return found.includes("honeyhive") ? "honeyhive" : found.every((part) => part === "other") ? "other" : "unknown";
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (value.operator !== "+") return "unknown";
      const found = [value.left, value.right].map((part) => valueDestination(input, part, depth + 1));
      return found.includes("honeyhive") ? "honeyhive" : found.includes("other") && value.left.type === AST_NODE_TYPES.Literal ? "other" : "unknown";
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = environmentName(value);
      if (name === undefined) return "unknown";
      if (honeyhiveOtlp.honeyhiveVariable.test(name)) return "honeyhive";
      return (honeyhiveOtlp.endpointVariables as readonly string[]).includes(name) ? configuredDestination(input) : "unknown";
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = getAnalysisContext(input).bindings.variableOf(value);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      const init = def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id.type === AST_NODE_TYPES.Identifier ? def.node.init : null;
      if (init && def?.parent?.type === AST_NODE_TYPES.VariableDeclaration && def.parent.kind === "const") return valueDestination(input, init, depth + 1);
      // A variable named for HoneyHive (`honeyhiveUrl`, `HH_OTLP_ENDPOINT`) says where it points.
      return honeyhiveOtlp.honeyhiveVariable.test(value.name) ? "honeyhive" : "unknown";
    }
    default:
      return "unknown";
  }
}

/** `process.env.NAME`, `process.env["NAME"]`: the variable's name. */
function environmentName(node: TSESTree.MemberExpression): string | undefined {
  const object = unwrapExpression(node.object);
  if (object?.type !== AST_NODE_TYPES.MemberExpression || object.computed) return undefined;
  if (object.object.type !== AST_NODE_TYPES.Identifier || object.object.name !== "process" || object.property.type !== AST_NODE_TYPES.Identifier || object.property.name !== "env") return undefined;
  return keyName(node.property, node.computed);
}

function keyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier && !computed) return key.name;
  return key.type === AST_NODE_TYPES.Literal && typeof key.value === "string" ? key.value : undefined;
}

function propertyValue(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && keyName(property.key, property.computed) === name) return property.value;
  }
  return undefined;
}

/** `headers: { Authorization: \`Bearer ${process.env.HH_API_KEY}\` }`: a key header whose value reads a HoneyHive key variable. */
function sendsHoneyhiveKey(input: AnalysisInput, headers: TSESTree.ObjectExpression): boolean {
  return headers.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    const key = keyName(property.key, property.computed)?.toLowerCase();
    if (key === undefined || !(honeyhiveOtlp.keyHeaders as readonly string[]).includes(key)) return false;
    const text = input.text.slice(property.value.range[0], property.value.range[1]);
    return honeyhiveOtlp.apiKeyVariables.some((name) => new RegExp(`\\b${name}\\b`).test(text));
  });
}

/** The file's text without its comments. */
function codeWithoutComments(input: AnalysisInput): string {
  const comments = input.ast.comments ?? [];
  if (comments.length === 0) return input.text;
  let text = "";
  let at = 0;
  for (const comment of comments) {
    text += input.text.slice(at, comment.range[0]);
    at = comment.range[1];
  }
  return text + input.text.slice(at);
}

/**
 * The parse-free test for `migrate`'s prefilter and the flush rule's gate: a file making an OTLP trace exporter (or an environment-configured
 * pipeline, `registerOTel()`, Traceloop's `initialize()`: knowledge/trace-exporters.ts) whose endpoint the
 * project's Lambda configuration points at HoneyHive for this handler (its text need not name HoneyHive).
 */
export function configurationSendsOtelToHoneyhive(text: string, filename: string, cwd?: string): boolean {
  const variables = namesOtelPackage(text) ? exporterVariablesIn(text) : [];
  return variables.length > 0 && configuredEnvironmentValues(filename, variables, cwd).some((value) => honeyhiveEndpoint.test(value));
}

/**
 * The parse-free test for `migrate`'s prefilter: a file that may trace through OpenTelemetry (it names a pipeline's
 * package, or calls a member of a pipeline's objects: `.getTracer(`, `.startActiveSpan(`) in a Lambda whose configuration
 * preloads a project module (`NODE_OPTIONS: --require ./otel.js`), where the pipeline may be registered. Whether it is,
 * and sends to HoneyHive, is decided after the parse (analysis/flush-calls.ts `preloadedModulesOf`).
 */
export function configurationPreloadsProjectModule(text: string, filename: string): boolean {
  if (!namesOtelPackage(text) && !OTEL_USE_MEMBERS.some((member) => text.includes(`.${member}(`))) return false;
  return configuredPreloads(filename).some(({ specifier }) => specifier.startsWith("."));
}
