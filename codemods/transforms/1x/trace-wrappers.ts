// 1.x → this SDK: the function wrappers. 1.x had `traceFunction(options)(fn)` and the shorthands
// `traceModel/traceTool/traceChain(fn, options?)`, on the tracer and (from 1.0.33) as free functions
// that found the session in the context; here one `trace(options, fn)` takes the event type as an
// option. The free forms become the SDK's `trace(…)` without a tracer: the 2.x transform
// `explicit-tracer`, which runs after this set, binds the tracer it can reach (or marks the call),
// the same fix the lint rule applies. 1.x `tracer.trace(fn, ...args)` ran `fn` at once and made no
// span, so it becomes the direct call `fn(...args)` (a recorded finding: see the 1.x data).
//
// The wrapped function is never moved (edits inside it, by this or another transform, stay valid):
// the options text moves in front of it instead.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { enclosingFunction, findProperty, findVariable, isFunctionNode, memberName, skipTrivia, staticName, unwrapExpression } from "../../../analysis/ast.js";
import type { EditList } from "../../../analysis/edits.js";
import { getAnalysisContext } from "../../../analysis/context.js";
import { getEvaluateModel } from "../../../analysis/evaluate.js";
import { isTypeScriptInput, type AnalysisInput } from "../../../analysis/input.js";
import { EVENT_TYPES_1X, METHODS_GONE_1X, OPTIONS_1X } from "../../../analysis/knowledge/sdks/honeyhive-1x.js";
import { discardedInit, moduleInitPromiseAt, isImportedHoldersOwnFunction, isKnownFunction, keyedProperties, knownFunctionOf, option1x, sdkFunctionCalls, soleTracerAt, tracerMethodCalls, uses1xSdk } from "../../../analysis/honeyhive-1x.js";
import { nodesOfType } from "../../../analysis/nodes.js";
import { isUnusedAfter, semicolonBefore } from "../../../analysis/rewrite.js";
import { SdkImports } from "../../../analysis/sdk-imports.js";
import { constOptionsLiteral } from "../../../analysis/implicit-tracer.js";
import { getSdkModel, type SdkModel } from "../../../analysis/sdk-model.js";
import { MARKER_MESSAGES } from "../../../analysis/fixes/review-markers.js";
import { addMarker } from "../../engine/markers.js";
import type { CodemodTransform, TransformContext } from "../../engine/transform-api.js";
import { transformMeta } from "../meta.js";
import { MESSAGES_1X } from "./messages.js";
import { receiverNamedLikeTracer, receiverOfAnotherLibrary, removeProperties } from "./shared.js";
import { exportPath } from "../../../analysis/bindings.js";
import { isSdkModule } from "../../../analysis/settings.js";
import { importedFact, importedModule, importOrigin } from "../../../analysis/project-modules.js";

export const meta = transformMeta("1x-trace-wrappers");

const EVENT_TYPE_OF: Readonly<Record<string, string>> = { traceModel: "model", traceTool: "tool", traceChain: "chain" };
const WRAPPERS: ReadonlySet<string> = new Set(["traceFunction", ...Object.keys(EVENT_TYPE_OF)]);
const INSTANCE_METHODS: ReadonlySet<string> = new Set([...WRAPPERS, "trace", "logModel"]);
/** A call of a tracer method only 1.x has, by text: the cheap test before a file without the SDK is walked. */
const ONLY_1X_MEMBER_CALL = new RegExp(`\\.(?:${[...INSTANCE_METHODS].filter((name) => name !== "trace").join("|")})\\s*\\(`);

/**
 * This SDK's options text for 1.x wrapper options: `{ eventType: "model", ...the 1.x keys }` (the type
 * after them where they spread an object), and
 * `extra` last (`tracer: tracerReady`). A 1.x `config` option has no counterpart on a wrapper: it is
 * left out and reported (returned true).
 */
function optionsText(text: string, options: TSESTree.Node | undefined, eventType: string | undefined, extra?: string): { text: string; droppedConfig: boolean } {
  const head = eventType === undefined ? [] : [`eventType: ${JSON.stringify(eventType)}`];
  const tail = extra === undefined ? [] : [extra];
  const braced = (parts: readonly string[]) => (parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`);
  if (options === undefined) return { text: braced([...head, ...tail]), droppedConfig: false };
  if (options.type !== AST_NODE_TYPES.ObjectExpression) {
    const source = text.slice(options.range[0], options.range[1]);
    // The event type after the spread: 1.0.42 set it after spreading the options (below), so an
    // `eventType` the held options carry never counted.
    return { text: head.length + tail.length === 0 ? source : braced([`...${source}`, ...head, ...tail]), droppedConfig: false };
  }
  const config = keyedProperties(options).find(({ key }) => key === "config")?.property;
  // `traceTool(fn, { eventType: "chain" })`: 1.0.42 spread the options first and set its own type after
  // (`traceFunction({ ...options, eventType: "tool" })`, sdk/tracer.js), so the written one never counted:
  // it goes, and no second key is written (TS1117).
  const overridden = eventType === undefined ? undefined : keyedProperties(options).find(({ key }) => key === "eventType")?.property;
  const miscased = keyedProperties(options).find(({ key, property }) => key === "eventType" && lowerCasedEventType(property.value) !== undefined)?.property;
  const kept = options.properties
    .filter((property) => property !== config && property !== overridden)
    .map((property) =>
      property === miscased ? `${text.slice(property.range[0], property.value.range[0])}${JSON.stringify(lowerCasedEventType(property.value))}` : text.slice(property.range[0], property.range[1]),
    );
  if (eventType === undefined && config === undefined && extra === undefined && !miscased) return { text: text.slice(options.range[0], options.range[1]), droppedConfig: false };
  // `traceTool(fn, { ...base, eventName })`: the type goes after a spread for the same reason.
  const spreads = options.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement);
  return { text: braced(spreads ? [...kept, ...head, ...tail] : [...head, ...kept, ...tail]), droppedConfig: config !== undefined };
}

const EVENT_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES_1X);

/** `"Model"`, `"TOOL"`: a literal 1.x lower-cased to one of its event types → that type (undefined for one written right, or any other value). */
function lowerCasedEventType(value: TSESTree.Node): string | undefined {
  if (value.type !== AST_NODE_TYPES.Literal || typeof value.value !== "string") return undefined;
  const lower = value.value.toLowerCase();
  return lower !== value.value && EVENT_TYPES.has(lower) ? lower : undefined;
}

/**
 * The marker an `eventType` of a wrapper's options needs: a literal that is no event type even
 * lower-cased (`"llm"`: 1.x recorded none), or a value that is no literal (`kind`, a `const` of the file
 * holding a right literal excepted): this SDK's `trace()` takes exactly "model", "tool" or "chain".
 */
function eventTypeMarker(input: AnalysisInput, text: string, options: TSESTree.Node | undefined): string | undefined {
  const object = options && options.type !== AST_NODE_TYPES.SpreadElement ? getAnalysisContext(input).bindings.objectOf(options) : undefined;
  const property = object && keyedProperties(object).find(({ key }) => key === "eventType")?.property;
  if (!property) return undefined;
  const value = unwrapExpression(property.value as TSESTree.Node) ?? property.value;
  const held = value.type === AST_NODE_TYPES.Identifier ? getAnalysisContext(input).bindings.valueOf(value) : undefined;
  const literal = held?.type === AST_NODE_TYPES.Literal ? held : value.type === AST_NODE_TYPES.Literal ? value : undefined;
  if (literal === undefined && value.type === AST_NODE_TYPES.Identifier && declaredEventTypes(input, value)) return undefined;
  if (literal === undefined) return MESSAGES_1X.eventTypeValue(text.slice(value.range[0], value.range[1]));
  if (typeof literal.value !== "string") return MESSAGES_1X.eventTypeValue(text.slice(value.range[0], value.range[1]));
  // A mis-cased literal in the call's own options is lower-cased by optionsText; one held elsewhere is not.
  if (EVENT_TYPES.has(literal.value) || (literal === value && object === options && lowerCasedEventType(value) !== undefined)) return undefined;
  return EVENT_TYPES.has(literal.value.toLowerCase()) ? MESSAGES_1X.eventTypeMiscased(literal.value) : MESSAGES_1X.eventTypeUnknown(literal.value);
}

/**
 * `const RETRIEVE = { eventType: "tool", … }` passed as traceFunction()'s options, or spread into them: TypeScript
 * widens the unannotated object's `eventType` to string, which 1.x's options type took and this SDK's trace() does
 * not (TS2345, blind-1x-9 shape 06). The held literal gets `as const`: the same value, the literal's type.
 */
function narrowHeldEventTypes(input: AnalysisInput, edits: EditList, options: TSESTree.Node | undefined): void {
  if (!options || !isTypeScriptInput(input)) return;
  const { bindings } = getAnalysisContext(input);
  const written = unwrapExpression(options);
  const sources =
    written?.type === AST_NODE_TYPES.ObjectExpression ? written.properties.flatMap((property) => (property.type === AST_NODE_TYPES.SpreadElement ? [property.argument] : [])) : written ? [written] : [];
  for (const source of sources) {
    if (unwrapExpression(source)?.type !== AST_NODE_TYPES.Identifier) continue;
    const held = bindings.objectOf(source);
    const declarator = held?.parent;
    // Annotated (`: TraceOptions`) or `as const` already: its type is not widened.
    if (!held || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== held || declarator.id.typeAnnotation) continue;
    const value = keyedProperties(held).find(({ key }) => key === "eventType")?.property.value;
    if (value?.type !== AST_NODE_TYPES.Literal || typeof value.value !== "string" || !EVENT_TYPES.has(value.value)) continue;
    if (!edits.edits.some((edit) => edit.start === value.range[1] && edit.text === " as const")) edits.insertAt(value.range[1], " as const");
  }
}

/**
 * `kind` is declared (a parameter, a variable) with a type that is one or more of this SDK's event types
 * as string literals (`kind: "model" | "tool" | "chain"`): the compiler already holds it to those.
 */
function declaredEventTypes(input: AnalysisInput, identifier: TSESTree.Identifier): boolean {
  const name = findVariable(input.scopeManager, identifier, identifier.name)?.defs[0]?.name;
  const type = name?.type === AST_NODE_TYPES.Identifier ? name.typeAnnotation?.typeAnnotation : undefined;
  const members = type?.type === AST_NODE_TYPES.TSUnionType ? type.types : type ? [type] : [];
  return (
    members.length > 0 &&
    members.every((member) => member.type === AST_NODE_TYPES.TSLiteralType && member.literal.type === AST_NODE_TYPES.Literal && typeof member.literal.value === "string" && EVENT_TYPES.has(member.literal.value))
  );
}

/** The keys of a 1.x wrapper's options object, from the data (`eventType`, `eventName`, `metadata`, `config`). */
const WRAPPER_OPTION_KEYS: ReadonlySet<string> = new Set(OPTIONS_1X.filter((option) => option.of === "traceFunction").map((option) => option.key));

/**
 * 1.0.5–1.0.6's `tracer.traceFunction(config, metadata)(fn)`: the span's config and metadata as
 * positional arguments, before the options object of 1.0.7. Two arguments, or one object (a literal or a
 * `const` of the file) with a key that is no option (`{ model: "gpt-4o" }`); undefined for the options form.
 */
function positionalWrapperArguments(input: AnalysisInput, call: TSESTree.CallExpression): { config: TSESTree.Node; metadata: TSESTree.Node | undefined } | undefined {
  const [first, second] = call.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement || second?.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (second) return { config: first, metadata: second };
  const object = getAnalysisContext(input).bindings.objectOf(first);
  const keys = object ? keyedProperties(object).map(({ key }) => key) : [];
  // Only where no key is an option: `{ eventName, metadata, inputs }` is the options object with a key too many.
  return keys.length > 0 && keys.every((key) => !WRAPPER_OPTION_KEYS.has(key)) ? { config: first, metadata: undefined } : undefined;
}

/** The keys of a wrapper's options object (a literal or a `const` of the file) that are no 1.x option (`inputs`, `sessionId`): trace() has none of them either. */
function unknownWrapperKeys(input: AnalysisInput, options: TSESTree.Node | undefined): string[] {
  const object = options && options.type !== AST_NODE_TYPES.SpreadElement ? getAnalysisContext(input).bindings.objectOf(options) : undefined;
  return object ? keyedProperties(object).map(({ key }) => key).filter((key) => !WRAPPER_OPTION_KEYS.has(key)) : [];
}

/** The options argument of a 1.x wrapper call: `traceFunction(options)`, `traceModel(fn, options)`. */
function wrapperOptions(call: TSESTree.CallExpression, name: string): TSESTree.Node | undefined {
  return call.arguments[name === "traceFunction" ? 0 : 1];
}

/**
 * The module an imported receiver (`import { tracer } from "./observability"`) comes from, where the
 * codemod cannot read it (absent, outside the project, a package): only the 1.x method called on it says it
 * is HoneyHive's tracer, so the rewrite gets a marker. undefined for any other receiver, an SDK or settings
 * module, or a module whose facts were read.
 */
function unreadTracerModule(input: AnalysisInput, receiver: TSESTree.Node): string | undefined {
  const object = unwrapExpression(receiver);
  const tracer = object ? getSdkModel(input).tracerOf(object) : undefined;
  if (tracer?.kind !== "imported" || !tracer.variable) return undefined;
  const origin = importOrigin(input, tracer.variable);
  if (!origin || isSdkModule(origin.specifier, input.settings)) return undefined;
  return importedModule(input, origin.specifier) === undefined ? origin.specifier : undefined;
}

/**
 * The wrapper's options become a spread in trace()'s: a literal with a spread, or (for the shorthands, whose
 * options go into a new literal beside `eventType`) any value but a literal; `traceFunction(options)` passes a
 * value on as it is, which explicit-tracer reads only where it is a const literal of the file read there alone
 * (`constOptionsLiteral`): a `base` also read by another call, a parameter or a call's result is left to the
 * default tracer unless it holds a `tracer` key.
 */
function spreadsOptions(sdk: SdkModel, call: TSESTree.CallExpression, name: string): boolean {
  const options = wrapperOptions(call, name);
  if (options === undefined || isEmptyArgument(options)) return false;
  const value = unwrapExpression(options);
  if (value?.type === AST_NODE_TYPES.ObjectExpression) return value.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement);
  if (options.type === AST_NODE_TYPES.SpreadElement) return false;
  if (name !== "traceFunction") return true;
  const held = value?.type === AST_NODE_TYPES.Identifier ? constOptionsLiteral(sdk, value) : undefined;
  if (held) return false;
  const defs = value?.type === AST_NODE_TYPES.Identifier ? (sdk.variableOf(value)?.defs ?? []) : [];
  const init = defs.length === 1 && defs[0]!.node.type === AST_NODE_TYPES.VariableDeclarator ? unwrapExpression(defs[0]!.node.init) : undefined;
  // A literal that names its tracer needs none (`const base = { tracer, eventName }` read by several calls).
  return !(init?.type === AST_NODE_TYPES.ObjectExpression && findProperty(init, "tracer"));
}

/** `undefined`, `null` or `{}` written as an argument: nothing to move. */
function isEmptyArgument(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return (
    (value?.type === AST_NODE_TYPES.Identifier && value.name === "undefined") ||
    (value?.type === AST_NODE_TYPES.Literal && value.value === null) ||
    (value?.type === AST_NODE_TYPES.ObjectExpression && value.properties.length === 0)
  );
}

/**
 * `<callee>(fn, options?)` → `<newCallee>(options', fn)`, or for `traceFunction`,
 * `<callee>(options)(fn)` → `<newCallee>(options', fn)` (on a tracer, 1.0.5's `(config, metadata)` →
 * `({ metadata }, fn)`). Returns whether a `config` option was dropped (for 1.0.5's form, the dropped
 * config argument's text), or undefined when the call has a shape 1.x did not have (left alone).
 */
function rewriteWrapper(edits: EditList, text: string, call: TSESTree.CallExpression, name: string, newCallee: string, input?: AnalysisInput, extra?: string): boolean | string | undefined {
  if (name === "traceFunction") {
    const applied = call.parent;
    if (applied?.type !== AST_NODE_TYPES.CallExpression || applied.callee !== call || applied.arguments.length !== 1 || call.arguments.length > 2) return undefined;
    const positional = input && positionalWrapperArguments(input, call);
    // 1.0.42's free `traceFunction(options, associationProperties)`: the properties become the span's metadata.
    const association = input ? undefined : associationProperties(text, call);
    if (call.arguments.length > 1 && !positional && association === undefined) return undefined;
    const extras = association === undefined || extra === undefined ? (association ?? extra) : `${association}, ${extra}`;
    const fn = applied.arguments[0];
    const options = positional
      ? {
          text: positional.metadata ? `{ metadata: ${text.slice(positional.metadata.range[0], positional.metadata.range[1])} }` : "{}",
          droppedConfig: isEmptyArgument(positional.config) ? false : text.slice(positional.config.range[0], positional.config.range[1]),
        }
      : optionsText(text, call.arguments[0], undefined, extras);
    // `traceFunction(o)(\n  fn,\n)`: one argument per line stays so (the options on the function's line,
    // the function on the next), not `trace(o, fn,\n)` with the function's old indentation.
    const lineBreak = /\(([^\S\r\n]*\r?\n[^\S\r\n]*)$/.exec(text.slice(call.range[1], fn.range[0]))?.[1];
    const comments = lineBreak === undefined ? commentsBefore(text, applied, fn) : undefined;
    if (lineBreak !== undefined) edits.replace([call.range[0], fn.range[0]], `${newCallee}${typeArgumentText(text, applied)}(${lineBreak}${reindented(text, options.text, call.arguments[0], lineBreak)},${lineBreak}`);
    else edits.replace([call.range[0], comments?.start ?? fn.range[0]], `${newCallee}${typeArgumentText(text, applied)}(${options.text},${comments ? "" : " "}`);
    return options.droppedConfig;
  }
  const [fn, options, ...rest] = call.arguments;
  if (fn === undefined || rest.length > 0 || fn.type === AST_NODE_TYPES.SpreadElement || options?.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const built = optionsText(text, options, EVENT_TYPE_OF[name], extra);
  // `traceTool<Handler>(fn, …)`: trace() takes the function's type as its one type argument too.
  const callee = newCallee + typeArgumentText(text, call);
  // One argument per line stays one per line: the options take the function's line, the function the next.
  const gap = text.slice(call.range[0], fn.range[0]);
  const lineBreak = /\(([^\S\r\n]*\r?\n[^\S\r\n]*)$/.exec(gap)?.[1];
  // Comments before the function (`traceModel(\n  // why\n  fn)`) stay in front of it.
  const comments = lineBreak === undefined ? commentsBefore(text, call, fn) : undefined;
  if (comments) edits.replace([call.range[0], comments.start], `${callee}(${built.text},`);
  else edits.replace([call.range[0], fn.range[0]], lineBreak === undefined ? `${callee}(${built.text}, ` : `${callee}(${lineBreak}${reindented(text, built.text, options, lineBreak)},${lineBreak}`);
  if (options) edits.remove([fn.range[1], options.range[1]]);
  return built.droppedConfig;
}

/**
 * Options written over lines (`traceFunction({⏎    eventType,⏎  })(⏎    fn⏎  )`) moved to a line of their own at
 * `lineBreak`'s indentation: their later lines move by as much as their first did (from the indentation of the
 * line they started on), so the literal keeps the file's indentation. Text with a template literal is left as written.
 */
function reindented(text: string, options: string, written: TSESTree.Node | undefined, lineBreak: string): string {
  if (!written || !options.includes("\n") || options.includes("`")) return options;
  const lineStart = text.lastIndexOf("\n", written.range[0] - 1) + 1;
  const from = /^[^\S\r\n]*/.exec(text.slice(lineStart))![0];
  const to = /[^\S\r\n]*$/.exec(lineBreak)![0];
  if (from === to) return options;
  return options.replace(/(\r?\n)([^\S\r\n]*)/g, (_, newline: string, indent: string) => newline + (indent.startsWith(from) ? to + indent.slice(from.length) : indent));
}

/**
 * `metadata: <associationProperties>` for 1.0.42's free `traceFunction(options, associationProperties)`
 * (Traceloop association properties: attributes of the span and its children), when the options are a
 * literal without `metadata` of its own; undefined for any other shape.
 */
function associationProperties(text: string, call: TSESTree.CallExpression): string | undefined {
  const [options, properties] = call.arguments;
  if (call.arguments.length !== 2 || !options || !properties || properties.type === AST_NODE_TYPES.SpreadElement || isEmptyArgument(properties)) return undefined;
  const literal = options.type === AST_NODE_TYPES.ObjectExpression && !keyedProperties(options).some(({ key }) => key === "metadata") && options.properties.every((property) => property.type === AST_NODE_TYPES.Property);
  return literal ? `metadata: ${text.slice(properties.range[0], properties.range[1])}` : undefined;
}

/**
 * `<Handler>` of `traceFunction(o)<Handler>(fn)` or `traceTool<Handler>(fn)`: the wrapped function's type,
 * which trace<F>(options, fn: F) takes as its one type argument (dropping it leaves a contextually typed
 * inline arrow's parameters `any`, TS7006). Nothing for none or several.
 */
function typeArgumentText(text: string, call: TSESTree.CallExpression): string {
  const params = call.typeArguments?.params;
  return params?.length === 1 ? `<${text.slice(params[0]!.range[0], params[0]!.range[1])}>` : "";
}

/**
 * The trivia between the `(` that opens `call`'s arguments and its argument `fn`, when it holds a
 * comment: `start` is just after that `(`, so the trivia can stay where it is.
 */
function commentsBefore(text: string, call: TSESTree.CallExpression, fn: TSESTree.Node): { start: number } | undefined {
  let open = skipTrivia(text, (call.typeArguments ?? call.callee).range[1]);
  if (call.optional && text.startsWith("?.", open)) open = skipTrivia(text, open + 2);
  if (text[open] !== "(" || skipTrivia(text, open + 1) !== fn.range[0]) return undefined;
  return /\/[/*]/.test(text.slice(open + 1, fn.range[0])) ? { start: open + 1 } : undefined;
}

/**
 * A 1.x tracer passed to a function of the file whose parameter is typed by an interface (or a type
 * literal alias) of the file asking for 1.x methods (`interface Traces { traceFunction(…) }`, blind-1x-3
 * D21): after the migration the tracer no longer fits it (TS2345), and the interface's 1.x member is the
 * person's design. A marker at each such member and at the call.
 */
function markStructuralTracerParameters(input: AnalysisInput, edits: EditList, text: string): void {
  const sdk = getSdkModel(input);
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    if (!call.arguments.some((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && sdk.tracerOf(argument))) continue;
    const params = knownFunctionOf(input, call.callee)?.params;
    if (!params) continue;
    call.arguments.forEach((argument, index) => {
      const param = params[index];
      if (argument.type === AST_NODE_TYPES.SpreadElement || !param || param.type === AST_NODE_TYPES.RestElement || !sdk.tracerOf(argument)) return;
      const members = gone1xMembersOf(input, "typeAnnotation" in param ? param.typeAnnotation?.typeAnnotation : undefined);
      if (members.length === 0) return;
      for (const member of members) addMarker(edits, text, member.node, MESSAGES_1X.structuralTracerMember(member.name));
      addMarker(edits, text, call, MESSAGES_1X.tracerForStructuralType([...new Set(members.map(({ name }) => name))]));
    });
  }
}

/** The members of the file's interface or type literal `type` names that are 1.x tracer methods this SDK's tracer lacks. */
function gone1xMembersOf(input: AnalysisInput, type: TSESTree.TypeNode | undefined): { readonly node: TSESTree.TypeElement; readonly name: string }[] {
  let body: readonly TSESTree.TypeElement[] | undefined;
  if (type?.type === AST_NODE_TYPES.TSTypeLiteral) body = type.members;
  else if (type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier) {
    const def = findVariable(input.scopeManager, type.typeName, type.typeName.name)?.defs[0]?.node;
    if (def?.type === AST_NODE_TYPES.TSInterfaceDeclaration) body = def.body.body;
    else if (def?.type === AST_NODE_TYPES.TSTypeAliasDeclaration && def.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral) body = def.typeAnnotation.members;
  }
  return (body ?? []).flatMap((node) => {
    const key = node.type === AST_NODE_TYPES.TSMethodSignature || node.type === AST_NODE_TYPES.TSPropertySignature ? staticName(node.key, node.computed) : undefined;
    return key !== undefined && METHODS_GONE_1X.has(key) ? [{ node, name: key }] : [];
  });
}

function collect({ file, edits }: TransformContext): void {
  const { input, text } = file;
  const sdk = getSdkModel(input);
  renameOptionsForImportedHelpers(input, edits, text);
  if (!uses1xSdk(input)) {
    // A file that imports nothing of the SDK may still call 1.x wrappers on a tracer it imports in a way the model does not follow.
    if (ONLY_1X_MEMBER_CALL.test(text)) markUnresolvedReceivers(input, edits, text, new Set(), true);
    return;
  }

  const onTracers = tracerMethodCalls(input, INSTANCE_METHODS);
  markUnresolvedReceivers(input, edits, text, new Set(onTracers.map(({ call }) => call)), false);
  const imports = new SdkImports(file);
  for (const { call, callee, name } of onTracers) {
    const tracerText = receiverText(text, callee);
    const unread = unreadTracerModule(input, callee.object);
    if (unread !== undefined) addMarker(edits, text, call, MESSAGES_1X.tracerFromUnreadModule(name, unread));
    if (name === "traceFunction" && call.parent?.type === AST_NODE_TYPES.Decorator) {
      if (!rewriteTraceDecorator(edits, text, call, callee, tracerText, imports)) addMarker(edits, text, call, MESSAGES_1X.wrapperDecorator(name));
      continue;
    }
    if (name === "trace") {
      rewriteImmediateTrace(edits, text, input, call, callee.optional ? tracerText : undefined);
      continue;
    }
    if (name === "logModel") {
      rewriteLogModel(edits, text, input, call, callee, tracerText);
      continue;
    }
    const dropped = rewriteWrapper(edits, text, call, name, traceCallee(tracerText, call, callee), input);
    if (dropped === undefined) addMarker(edits, text, call, MESSAGES_1X.wrapperShape(name));
    else if (typeof dropped === "string") addMarker(edits, text, call, MESSAGES_1X.wrapperPositionalConfig(dropped));
    else if (dropped) addMarker(edits, text, call, MESSAGES_1X.wrapperConfig);
    const unknown = name === "traceFunction" && call.arguments.length === 1 && typeof dropped !== "string" ? unknownWrapperKeys(input, call.arguments[0]) : [];
    if (dropped !== undefined && unknown.length > 0) addMarker(edits, text, call, MESSAGES_1X.wrapperUnknownKeys(unknown));
    // A shorthand's own event type wins over its options' (see optionsText): only traceFunction's is read.
    const eventTypeNote = dropped !== undefined && typeof dropped !== "string" && name === "traceFunction" ? eventTypeMarker(input, text, wrapperOptions(call, name)) : undefined;
    if (eventTypeNote) addMarker(edits, text, call, eventTypeNote);
    if (dropped !== undefined && typeof dropped !== "string" && name === "traceFunction") narrowHeldEventTypes(input, edits, wrapperOptions(call, name));
  }

  dropConfigOfTypedOptions(input, edits, text);
  markStructuralTracerParameters(input, edits, text);
  const rewritten: TSESTree.Range[] = [];
  const wrapperVariables = new Set<Scope.Variable>();
  for (const { call, name } of sdkFunctionCalls(input, WRAPPERS)) {
    const root = unwrapExpression(call.callee);
    const rootIdentifier = root?.type === AST_NODE_TYPES.Identifier ? root : undefined;
    const variable = rootIdentifier ? sdk.variableOf(rootIdentifier) : undefined;
    // No tracer to write here in the 1.x model, but a module's `const tracerReady = HoneyHiveTracer.init(…)`:
    // the tracer itself here (explicit-tracer would read the name awaited elsewhere as a promise), bound now.
    const held = sdk.tracersInScopeAt(call).length === 0 && !discardedInit(input) ? moduleInitPromiseAt(input, call) : undefined;
    // `@traceFunction(options)` on a TC39 method: the free trace(options) is this SDK's decorator.
    if (name === "traceFunction" && call.parent?.type === AST_NODE_TYPES.Decorator) {
      if (!rewriteTraceDecorator(edits, text, call, call.callee, held, imports)) {
        addMarker(edits, text, call, MESSAGES_1X.wrapperDecorator(name));
        continue;
      }
      if (!held && sdk.tracers.length === 0 && sdk.moduleHeldTracers.length === 0 && !discardedInit(input)) addMarker(edits, text, call, MARKER_MESSAGES.explicitTracerNone);
      rewritten.push(call.callee.range);
      if (variable) wrapperVariables.add(variable);
      continue;
    }
    const traceText = imports.useAt("trace", call);
    // Another binding named `trace` in scope (OpenTelemetry's `import { trace } from "@opentelemetry/api"`): the one
    // tracer's own method needs no import (`hh.trace(options, fn)`), where writing nothing left the call to other
    // transforms, which bound it as `hh.traceTool(…)` and rewrote that only on a second run.
    const receiver = traceText === undefined ? (held ?? soleTracerAt(input, call)) : undefined;
    if (traceText === undefined && receiver === undefined) {
      addMarker(edits, text, call, MESSAGES_1X.traceNameTaken(name));
      continue;
    }
    // A package without the SDK gets no import of `trace`, so explicit-tracer (which binds the SDK's trace) passes
    // it no tracer: the one tracer in scope is written now.
    const withoutSdk = traceText === undefined ? undefined : imports.packageWithoutSdk("trace");
    const inScope = withoutSdk !== undefined && !held ? sdk.tracersInScopeAt(call) : [];
    const only = inScope.length === 1 && inScope[0]!.safe ? inScope[0]!.text : undefined;
    const tracerOption = traceText === undefined ? undefined : held ? `tracer: ${held}` : only && (only === "tracer" ? "tracer" : `tracer: ${only}`);
    const dropped = rewriteWrapper(edits, text, call, name, traceText ?? `${receiver}.trace`, undefined, tracerOption);
    if (dropped === undefined) {
      // Nothing written: the name useAt() took for it is not imported for this call.
      if (traceText !== undefined) imports.unuse("trace", call);
      addMarker(edits, text, call, traceText === undefined ? MESSAGES_1X.traceNameTaken(name) : MESSAGES_1X.wrapperShape(name));
      continue;
    }
    if (withoutSdk !== undefined) addMarker(edits, text, call, MESSAGES_1X.sdkNotADependency(withoutSdk, "trace"));
    if (name === "traceFunction" && call.arguments.length === 2) addMarker(edits, text, call, MESSAGES_1X.wrapperAssociationProperties);
    const eventTypeNote = name === "traceFunction" ? eventTypeMarker(input, text, wrapperOptions(call, name)) : undefined;
    if (eventTypeNote) addMarker(edits, text, call, eventTypeNote);
    if (name === "traceFunction") narrowHeldEventTypes(input, edits, wrapperOptions(call, name));
    if (dropped) addMarker(edits, text, call, MESSAGES_1X.wrapperConfig);
    // With a tracer in the file (also one held by a project module's binding, `tracing.tracer`, or a discarded init that 1x-init names),
    // explicit-tracer binds this call or marks it; without one it accepts the implicit form, which outside evaluate() would record through the default tracer.
    else if (sdk.tracers.length === 0 && sdk.moduleHeldTracers.length === 0 && !held && !discardedInit(input) && !getEvaluateModel(input).isRunByEvaluate(call)) addMarker(edits, text, call, MARKER_MESSAGES.explicitTracerNone);
    // Options spread in (`traceModel(fn, { ...base })`, `traceModel(fn, base)` → `trace({ ...base, eventType }, fn)`): explicit-tracer
    // leaves options it cannot read (they may carry a tracer), so this call would record through the default tracer unmarked.
    // With several tracers in scope, which one to pass is the question: the marker names them (blind-1x two-projects.ts).
    else if (!held && receiver === undefined && spreadsOptions(sdk, call, name) && !getEvaluateModel(input).isRunByEvaluate(call)) {
      const choices = [...new Set([...sdk.tracersInScopeAt(call), ...sdk.heldTracersInScopeAt(call)].map((candidate) => candidate.text))];
      addMarker(edits, text, call, choices.length > 1 ? MARKER_MESSAGES.explicitTracerSeveral(choices) : MESSAGES_1X.wrapperSpreadOptionsTracer);
    }
    rewritten.push(call.callee.range);
    if (variable) wrapperVariables.add(variable);
  }
  for (const variable of wrapperVariables) if (isUnusedAfter(variable, rewritten)) imports.remove(variable);
  imports.finish(edits);
}

/**
 * `const base: TraceFunctionOptions = { eventType, config, metadata }`: wrapper options held in a variable
 * typed with 1.x's options type (which 1x-names renames to TraceOptions) and spread into or passed to the
 * wrappers. `config` has no trace() option (TS2353 once the type is renamed, and ignored at run time), so
 * it goes here as it goes from a wrapper's own options, with the same marker.
 */
function dropConfigOfTypedOptions(input: AnalysisInput, edits: EditList, text: string): void {
  if (!text.includes("TraceFunctionOptions")) return;
  for (const declarator of nodesOfType(input.ast, AST_NODE_TYPES.VariableDeclarator)) {
    const type = declarator.id.typeAnnotation?.typeAnnotation;
    const init = declarator.init && unwrapExpression(declarator.init);
    if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeArguments || init?.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const origin = getAnalysisContext(input).bindings.originOf(type.typeName);
    if (!origin || !isSdkModule(origin.module, input.settings) || exportPath(origin).join(".") !== "TraceFunctionOptions") continue;
    const config = keyedProperties(init).find(({ key }) => key === "config")?.property;
    if (!config) continue;
    removeProperties(edits, text, [config]);
    addMarker(edits, text, declarator, MESSAGES_1X.wrapperConfig);
  }
}

/** A 1.x wrapper options key the 2.x TraceOptions type refuses or reads otherwise (the cheap test before the calls are read). */
const HELPER_OPTION_KEYS = /\b(?:eventType|config)\b/;

/**
 * `traced(fn, { eventType: "Tool", config })` with `traced` imported from a project module (a workspace
 * package too) whose parameter there is typed with 1.x's TraceFunctionOptions (that module's facts,
 * `traceOptionsParameters`): that module's own migration renames the type to TraceOptions, so options
 * built here are renamed as a wrapper's own are (a mis-cased event type lower-cased, `config` dropped with
 * the wrapper's marker) and an event type no rename makes right is marked; options held in a variable
 * the call reads get a marker naming the helper (they may be built for other calls too). blind-1x-3 D3.
 */
function renameOptionsForImportedHelpers(input: AnalysisInput, edits: EditList, text: string): void {
  if (!input.readModuleFacts || !HELPER_OPTION_KEYS.test(text)) return;
  const bindings = getAnalysisContext(input).bindings;
  const holdsOldKeys = (object: TSESTree.ObjectExpression | undefined) => object !== undefined && keyedProperties(object).some(({ key }) => key === "eventType" || key === "config");
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    if (call.callee.type !== AST_NODE_TYPES.Identifier || !call.arguments.some((argument) => holdsOldKeys(bindings.objectOf(argument)))) continue;
    const variable = findVariable(input.scopeManager, call.callee, call.callee.name);
    const origin = variable && importOrigin(input, variable);
    const indices = origin && importedModule(input, origin.specifier)?.facts.traceOptionsParameters?.[origin.name];
    for (const index of indices ?? []) {
      const argument = call.arguments[index];
      const object = argument && bindings.objectOf(argument);
      if (!argument || !object || !holdsOldKeys(object)) continue;
      if (object !== argument) {
        addMarker(edits, text, call, MESSAGES_1X.helperTraceOptions(`${call.callee.name}() from ${origin!.specifier}`));
        continue;
      }
      const eventType = keyedProperties(object).find(({ key }) => key === "eventType")?.property;
      const lowered = eventType && lowerCasedEventType(eventType.value);
      if (eventType && lowered !== undefined) edits.replace(eventType.value, JSON.stringify(lowered));
      const note = eventTypeMarker(input, text, object);
      if (note) addMarker(edits, text, call, note);
      const config = keyedProperties(object).find(({ key }) => key === "config")?.property;
      if (!config) continue;
      removeProperties(edits, text, [config]);
      addMarker(edits, text, call, MESSAGES_1X.wrapperConfig);
    }
  }
}

/**
 * The text of the receiver of `<receiver>.<method>`, with the parentheses the source has around it
 * (`(await tracerFor(p))`: the object's own range leaves them out, and without them the method would
 * bind to the awaited call).
 */
function receiverText(text: string, callee: TSESTree.MemberExpression): string {
  const object = text.slice(callee.object.range[0], callee.object.range[1]);
  if (callee.computed) return object;
  const written = text.slice(callee.range[0], callee.property.range[0]).replace(/\s*\??\.\s*$/, "");
  return written.startsWith("(") && written.endsWith(")") && written.includes(object) ? written : object;
}

/**
 * `<receiver>.trace` keeping the 1.x call's optional chain: `tracer?.traceModel(fn)` did nothing
 * when `tracer` was nullish, and `tracer?.trace(…)` still does nothing then (`tracer.trace(…)` would
 * throw); `tracer.traceFunction?.(o)` likewise keeps its `?.(`.
 */
function traceCallee(tracerText: string, call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): string {
  return `${tracerText}${callee.optional ? "?." : "."}trace${call.optional ? "?." : ""}`;
}

/**
 * 1.x `tracer.logModel(fields)` made a model span named `func` and enriched it: the same span through
 * this SDK's wrapper, marked so a person names it. The callback repeats the receiver, so only a
 * receiver that reads the same value twice without side effects (`tracer`, `this.tracer`) is
 * rewritten; `(await getTracer()).logModel(…)` would call the getter again (and `await` cannot go
 * into the callback), so it is only marked. With `?.` on the receiver, the callback runs only when
 * the receiver was not nullish: TypeScript keeps that narrowing inside the callback only for a binding
 * whose last assignment comes before it in its own function's code (a `const`, a parameter, `let tracer;
 * if (key) tracer = await init(…)` above); a member (a closure forgets narrowings of properties), or a
 * `let tracer` set in another function (`tracer = await init(…)` in a `start()`) or below, is not narrowed
 * there, so it gets a non-null assertion in a TypeScript file.
 */
function rewriteLogModel(
  edits: EditList,
  text: string,
  input: AnalysisInput,
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  tracerText: string,
): void {
  if (!isPlainReference(callee.object)) {
    addMarker(edits, text, call, MESSAGES_1X.logModelReceiver);
    return;
  }
  // 1.x defaulted the fields to `{}`; this SDK's enrichSpan() takes them (TS2554 without).
  const fields = call.arguments.length === 0 ? "{}" : call.arguments.map((argument) => text.slice(argument.range[0], argument.range[1])).join(", ");
  const assertion = callee.optional && !narrowedInClosures(input, callee.object) && isTypeScriptInput(input) ? "!" : "";
  edits.replace(call, `${traceCallee(tracerText, call, callee)}({ eventType: "model", eventName: "func" }, () => ${tracerText}${assertion}.enrichSpan(${fields}))()`);
  addMarker(edits, text, call, MESSAGES_1X.logModel);
}

/** An identifier whose every assignment is in its own function's code before `receiver`: TypeScript keeps its narrowing in a closure there. */
function narrowedInClosures(input: AnalysisInput, receiver: TSESTree.Node): boolean {
  if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(input.scopeManager, receiver, receiver.name);
  if (!variable) return false;
  const home = variable.scope.variableScope.block;
  const own = isFunctionNode(home) ? home : undefined;
  return variable.references.every((reference) => !reference.isWrite() || reference.init === true || (enclosingFunction(reference.identifier) === own && reference.identifier.range[0] < receiver.range[0]));
}

/** `tracer`, `this`, `this.deps.tracer`: read twice, the same value and no side effect. */
function isPlainReference(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) return true;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && !node.optional && isPlainReference(node.object);
}

/**
 * `x.traceModel(fn)` on something the model cannot tell is a tracer (`const [a, b] = await
 * Promise.all([init(…), init(…)])`, a parameter typed elsewhere, a default export of `await init(…)`
 * imported elsewhere), in a file that uses the SDK or on a receiver named like a tracer: these
 * names are 1.x HoneyHive's, and this SDK's tracer has none of them, so the call gets a marker
 * rather than staying 1.x silently. `trace` is this SDK's name too and is left alone.
 */
function markUnresolvedReceivers(
  input: TransformContext["file"]["input"],
  edits: EditList,
  text: string,
  resolved: ReadonlySet<TSESTree.CallExpression>,
  namedLikeTracer: boolean,
): void {
  const sdk = getSdkModel(input);
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const callee = unwrapExpression(call.callee);
    const name = callee?.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (name === undefined || name === "trace" || !INSTANCE_METHODS.has(name) || resolved.has(call) || sdk.sdkExportOf(callee!) !== undefined) continue;
    // The module's own function on an object another module's factory returns (its facts say so).
    if (isImportedHoldersOwnFunction(input, callee as TSESTree.MemberExpression)) continue;
    // Without the SDK in the file, only a receiver named like a tracer is evidence enough.
    if (namedLikeTracer && !receiverNamedLikeTracer(text, callee as TSESTree.MemberExpression) && !receiverOfHoneyhiveFactory(input, callee as TSESTree.MemberExpression)) continue;
    if (receiverOfAnotherLibrary(input, callee as TSESTree.MemberExpression)) continue;
    addMarker(edits, text, call, MESSAGES_1X.unresolvedReceiver(name));
  }
}

/**
 * In a file without the SDK: `tracing` of `const tracing = await getTracing()`, where `getTracing` is imported from a
 * project module whose facts say it makes a HoneyHive tracer (`initsTracer`): evidence enough that a 1.x wrapper
 * called on it is HoneyHive's, whatever its name (blind-1x-4 06: a getter returning a no-op stand-in or the tracer).
 */
function receiverOfHoneyhiveFactory(input: TransformContext["file"]["input"], member: TSESTree.MemberExpression): boolean {
  const object = unwrapExpression(member.object);
  if (object?.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVariable(input.scopeManager, object, object.name)?.defs[0];
  if (def?.type !== "Variable" || def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.parent?.kind !== "const") return false;
  const call = unwrapExpression(def.node.init);
  const callee = call?.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(call.callee) : undefined;
  const factory = callee?.type === AST_NODE_TYPES.Identifier ? findVariable(input.scopeManager, callee, callee.name) : undefined;
  return factory !== undefined && factory !== null && importedFact(input, factory, "initsTracer")?.api === "honeyhive";
}

/**
 * `@tracer.traceFunction({ eventType: "tool" })` on a method: with TC39 decorators 1.x's `(func) => wrapped` took
 * the method and gave its wrapper, so the decorator traced each call. This SDK's tracer has no decorator form;
 * the free `trace(options)` is one, bound to the tracer by its option: `@trace({ eventType: "tool", tracer })`.
 * The free `@traceFunction(options)` becomes `@trace(options)` (with `tracerText` undefined: no tracer option,
 * which the caller marks as it marks other free wrappers without a tracer).
 * Only options written in the call whose keys and event type trace() takes as they are; anything else keeps
 * the wrapper-shape marker. (1.x called the method with `this` undefined; the decorator keeps the instance.)
 */
function rewriteTraceDecorator(
  edits: EditList,
  text: string,
  call: TSESTree.CallExpression,
  callee: TSESTree.Expression,
  tracerText: string | undefined,
  imports: SdkImports,
): boolean {
  const optional = callee.type === AST_NODE_TYPES.MemberExpression && callee.optional;
  if (call.parent?.type !== AST_NODE_TYPES.Decorator || call.parent.expression !== call || optional || call.arguments.length > 1) return false;
  const options = call.arguments[0] && unwrapExpression(call.arguments[0]);
  if (options !== undefined && options.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const keyed = options ? keyedProperties(options) : [];
  if (options && keyed.length !== options.properties.length) return false;
  const takenAsWritten = ({ property, key }: (typeof keyed)[number]) => {
    if (!WRAPPER_OPTION_KEYS.has(key) || option1x("traceFunction", key)?.migration.decision !== "rename") return false;
    return key !== "eventType" || (property.value.type === AST_NODE_TYPES.Literal && EVENT_TYPES.has(String(property.value.value)));
  };
  if (!keyed.every(takenAsWritten)) return false;
  const traceText = imports.useAt("trace", call);
  if (traceText === undefined) return false;
  const withoutSdk = imports.packageWithoutSdk("trace");
  if (withoutSdk !== undefined) addMarker(edits, text, call, MESSAGES_1X.sdkNotADependency(withoutSdk, "trace"));
  if (tracerText !== undefined) {
    const tracerOption = tracerText === "tracer" ? "tracer" : `tracer: ${tracerText}`;
    const last = options?.properties.at(-1);
    if (last) edits.insertAfter(last, `, ${tracerOption}`);
    else edits.replace([call.callee.range[1], call.range[1]], `({ ${tracerOption} })`);
  } else if (!options) edits.replace([call.callee.range[1], call.range[1]], "({})");
  edits.replace(call.callee, traceText);
  return true;
}

/**
 * 1.x `tracer.trace(fn, ...args)` ran `fn(...args)` at once, in the tracer's session, with no span.
 * `tracer?.trace(fn)` ran nothing when `tracer` was nullish: `(tracer ? fn() : undefined)`, or
 * `if (tracer) fn();` as a statement, which evaluate the receiver once, as the chain did
 * (`optionalReceiver` is its text). A `?.(` on the call
 * alone (`tracer.trace?.(fn)`) changed nothing on a 1.x tracer, which always has the method.
 */
function rewriteImmediateTrace(
  edits: EditList,
  text: string,
  input: TransformContext["file"]["input"],
  call: TSESTree.CallExpression,
  optionalReceiver: string | undefined,
): void {
  const [fn, ...args] = call.arguments;
  // This SDK's `tracer.trace(options, fn)` (or anything not certainly 1.x) is left alone.
  if (fn === undefined || fn.type === AST_NODE_TYPES.SpreadElement) return;
  const unwrapped = unwrapExpression(fn);
  if (unwrapped?.type === AST_NODE_TYPES.MemberExpression) {
    addMarker(edits, text, call, MESSAGES_1X.traceMethod);
    return;
  }
  if (!isKnownFunction(input, fn) && !holdsWrappedFunction(input, fn) && !(unwrapped?.type !== AST_NODE_TYPES.ObjectExpression && args.every(isCertainlyNoFunction))) return;
  // `tracer.trace(() => this.complete(x))` → `this.complete(x)`: the call of an arrow that only
  // returns an expression is that expression (same `this`, same time, same throw).
  const body = args.length === 0 && optionalReceiver === undefined ? inlinableBody(text, unwrapped) : undefined;
  if (body) {
    const bodyText = text.slice(body.range[0], body.range[1]);
    const bare = INLINED_WITHOUT_PARENTHESES.has(body.type) || (call.parent !== undefined && VALUE_SLOTS.has(call.parent.type) && body.type !== AST_NODE_TYPES.SequenceExpression && body.type !== AST_NODE_TYPES.ObjectExpression);
    const replacement = bare ? bodyText : `(${bodyText})`;
    edits.replace(call, semicolonBefore(text, call, replacement) + replacement);
    return;
  }
  const argsText = args.length === 0 ? "" : text.slice(args[0].range[0], args.at(-1)!.range[1]);
  const parenthesize = unwrapped?.type !== AST_NODE_TYPES.Identifier;
  // `tracer.trace(\n    async () => {…},\n    query,\n  )`: the function written on lines of its own keeps
  // them, untouched, inside the IIFE's parentheses (`(\n    async () => {…}\n  )(query)`), not pulled up
  // to `(async () => {` with its body left at the old, deeper indentation.
  const opening = parenthesize ? /\(([^\S\r\n]*\r?\n[^\S\r\n]*)$/.exec(text.slice(call.range[0], fn.range[0]))?.[1] : undefined;
  const closing = opening === undefined ? undefined : /(\r?\n[^\S\r\n]*)\)$/.exec(text.slice(fn.range[1], call.range[1]))?.[1];
  let [before, after] = [parenthesize ? "(" : "", `${parenthesize ? ")" : ""}(${argsText})`];
  if (opening !== undefined && closing !== undefined) {
    // The arguments, one per line before, go on the call's line (where only commas and blanks part them: a comment stays where it was).
    const parts = args.map((argument) => text.slice(argument.range[0], argument.range[1]));
    const joined = args.every((argument, index) => index === 0 || /^\s*,\s*$/.test(text.slice(args[index - 1]!.range[1], argument.range[0]))) ? parts.join(", ") : argsText;
    [before, after] = [`(${opening}`, `${closing})(${joined})`];
  }
  if (optionalReceiver !== undefined) {
    // A statement of its own becomes an `if` (a conditional expression as a statement is what
    // no-unused-expressions reports); anywhere else (`await …`, an argument) the conditional is
    // parenthesized so that it does not bind to its neighbours.
    const statement = call.parent?.type === AST_NODE_TYPES.ChainExpression && call.parent.parent?.type === AST_NODE_TYPES.ExpressionStatement;
    if (statement) before = `if (${optionalReceiver}) ${before}`;
    else [before, after] = [`(${optionalReceiver} ? ${before}`, `${after} : undefined)`];
  }
  edits.replace([call.range[0], fn.range[0]], semicolonBefore(text, call, before) + before);
  edits.replace([fn.range[1], call.range[1]], after);
}

/** Expressions that bind as tightly as the call they replace: written without parentheses. */
const INLINED_WITHOUT_PARENTHESES: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.ThisExpression,
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.ArrayExpression,
]);

/** Where any expression but a comma list stands without parentheses (`const n = a + b;`, `return a ? b : c;`). */
const VALUE_SLOTS: ReadonlySet<AST_NODE_TYPES> = new Set([AST_NODE_TYPES.VariableDeclarator, AST_NODE_TYPES.ReturnStatement]);

/**
 * The body of `() => expression` (not async, no parameters, no declared types, no comment before the
 * body), which calling it evaluates: what `tracer.trace(() => expression)` can become by itself.
 */
function inlinableBody(text: string, fn: TSESTree.Node | undefined): TSESTree.Expression | undefined {
  if (fn?.type !== AST_NODE_TYPES.ArrowFunctionExpression || fn.async || fn.params.length > 0 || fn.returnType || fn.typeParameters) return undefined;
  if (fn.body.type === AST_NODE_TYPES.BlockStatement || /\/[/*]/.test(text.slice(fn.range[0], fn.body.range[0]))) return undefined;
  return fn.body;
}

/**
 * A name that holds what a wrapper returned, a function and never trace()'s options: `const answer =
 * traceChain(fn)` (or `HH.traceModel(fn)`, `tracer.traceTool(fn)`, `traceFunction(o)(fn)`, and this SDK's
 * `trace(o, fn)` that a first run made of them). `tracer.trace(answer, question)` is then 1.x's
 * immediate form, whatever `question` is.
 */
function holdsWrappedFunction(input: AnalysisInput, node: TSESTree.Node): boolean {
  const name = unwrapExpression(node);
  if (name?.type !== AST_NODE_TYPES.Identifier) return false;
  let call = unwrapExpression(getAnalysisContext(input).bindings.valueOf(name));
  if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
  if (call.callee.type === AST_NODE_TYPES.CallExpression) call = call.callee;
  const { callee } = call;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return WRAPPERS.has(memberName(callee) ?? "");
  const exported = getSdkModel(input).sdkExportOf(callee);
  return exported !== undefined && (WRAPPERS.has(exported) || (exported === "trace" && call.arguments.length === 2));
}

/**
 * An argument after the first that shows the call is 1.x's `trace(fn, ...args)`: any but the last, or a
 * last one that is no function (`1`, `"q"`, `{ … }`, `[…]`), or a spread (`...arguments`,
 * `...args.slice(1)`: arguments handed on, which this SDK's two fixed parameters never take).
 * `tracer.trace(step, 1)`, or `tracer.trace(step)` alone, cannot be this SDK's `trace(options, fn)`,
 * whose last argument is the function it wraps.
 */
function isCertainlyNoFunction(node: TSESTree.CallExpressionArgument, index: number, all: readonly TSESTree.CallExpressionArgument[]): boolean {
  if (index < all.length - 1 || node.type === AST_NODE_TYPES.SpreadElement) return true;
  const value = unwrapExpression(node);
  return (
    value?.type === AST_NODE_TYPES.Literal ||
    value?.type === AST_NODE_TYPES.TemplateLiteral ||
    value?.type === AST_NODE_TYPES.ObjectExpression ||
    value?.type === AST_NODE_TYPES.ArrayExpression
  );
}

export const traceWrappers1x: CodemodTransform = { meta, collect };

