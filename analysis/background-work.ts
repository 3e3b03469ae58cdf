// Which calls hand work to the platform an entry point runs on (its `backgroundWork`, analysis/knowledge/types.ts):
// `waitUntil(…)` imported from `@vercel/functions`, Cloudflare's `ctx.waitUntil(…)` on the handler's context
// parameter, Netlify's `context.waitUntil(…)`, Supabase's `EdgeRuntime.waitUntil(…)`. A project's own function
// named `waitUntil` is none of them: the platform does not keep the instance alive for what it is given.
import type { TSESTree } from "@typescript-eslint/types";
import { contains, staticName, type FunctionNode } from "./ast.js";
import { unwrap } from "./bindings.js";
import { getAnalysisContext } from "./context.js";
import type { AnalysisInput } from "./input.js";
import { AttachedCache } from "./attached-cache.js";
import { PLATFORMS } from "./knowledge/platforms/index.js";
import type { BackgroundWork, PlatformDescriptor } from "./knowledge/types.js";
import { originMatches } from "./value-specifier.js";

/**
 * The platform's form a call is (see `platformBackgroundTest`): its `takes` says what the call is given (a promise,
 * or a callback the platform runs once the response is finished); undefined when the call hands nothing to the platform.
 */
export type BackgroundTest = (call: TSESTree.CallExpression) => BackgroundWork | undefined;

/** Where the calls are made: the framework that registered the callback, and the entry point itself when it is one. */
export interface BackgroundScope {
  /** The id of the framework descriptor whose callback this is (a `parameter-method`'s `frameworks`). */
  readonly framework?: string;
  /** The entry point, whose parameter a `parameter-method` form is read off (its position checked), and the name it is exported under. */
  readonly entry?: { readonly function: FunctionNode; readonly exportName: string };
}

/**
 * The calls of `platform`'s `backgroundWork` forms: an import by its binding (`waitUntil` of `@vercel/functions`,
 * `after` of `next/server`), a parameter's method (at its position, when the entry point is known; a framework's
 * callback, Hono's `c.executionCtx.waitUntil(…)`, by the parameter's property path), a runtime global that no
 * binding shadows, a `this.<property>` method; and any platform's imported function, by its binding.
 */
export function platformBackgroundTest(input: AnalysisInput, platform: PlatformDescriptor | undefined, scope: BackgroundScope = {}): BackgroundTest {
  const own = platform?.backgroundWork === undefined ? [] : [platform.backgroundWork].flat();
  // A platform's imported function is known by its binding, whatever platform the file was taken for: a handler
  // that imports `waitUntil` from `@vercel/functions` is meant for Vercel (report only when sure).
  const works: readonly BackgroundWork[] = [...own, ...importedWorks().filter((work) => !own.includes(work))];
  const { bindings } = getAnalysisContext(input);
  const { framework, entry } = scope;
  return (call) => {
    const callee = unwrap(call.callee);
    const method = callee.type === "MemberExpression" ? staticName(callee.property, callee.computed) : undefined;
    const holder = callee.type === "MemberExpression" ? unwrap(callee.object) : undefined;
    return works.find((work) => {
      if (work.kind === "import") return originMatches(bindings.originOf(callee), { package: work.module, name: work.name });
      if (method !== work.method || !holder) return false;
      if (work.kind === "this-method") return holder.type === "MemberExpression" && holder.object.type === "ThisExpression" && staticName(holder.property, holder.computed) === work.property;
      if (work.kind === "global-method") return holder.type === "Identifier" && holder.name === work.global && bindings.isGlobal(holder);
      if (work.frameworks && (framework === undefined || !work.frameworks.includes(framework))) return false;
      if (entry && work.exportNames && !work.exportNames.includes(entry.exportName)) return false;
      const path = memberPathOf(holder);
      if (path === undefined) return false;
      const wanted = work.property === undefined ? [] : work.property.split(".");
      // `ctx` / `c.executionCtx` / `event.platform.context` from the parameter, or the path's tail from a destructured key (`platform.context`).
      const fromParameter = sameNames(path.slice(1), wanted);
      const fromKey = wanted.length > 0 && sameNames(path, wanted.slice(wanted.length - path.length));
      if (!fromParameter && !fromKey) return false;
      return entry === undefined || isParameterAt(input, holderRoot(holder), entry.function, work.parameterIndex, fromKey);
    });
  };
}

const anyPlatformTests = new AttachedCache<TSESTree.Program, BackgroundTest>("honeyhive.anyPlatformBackgroundTest");

/**
 * Where the platform is not known (a flush helper's body, a stream's task, a module's exported helper): any platform's
 * imported form by its binding (`after` of `next/server`, never a project's own function named `after`), and any
 * platform's method form by its method name (`ctx.waitUntil(…)`, `EdgeRuntime.waitUntil(…)`: which parameter or global
 * holds it cannot be told there, and a look-alike only hides a report).
 */
export function anyPlatformBackgroundTest(input: AnalysisInput): BackgroundTest {
  const cached = anyPlatformTests.get(input.ast);
  if (cached) return cached;
  const { bindings } = getAnalysisContext(input);
  const test: BackgroundTest = (call) => {
    const callee = unwrap(call.callee);
    return callee.type === "Identifier" ? importedWorks().find((work) => work.kind === "import" && originMatches(bindings.originOf(callee), { package: work.module, name: work.name })) : methodFormByName(call);
  };
  anyPlatformTests.set(input.ast, test);
  return test;
}

/**
 * For a module read without scopes (a project module parsed on its own: knowledge/frameworks/app-adapters.ts): an
 * imported form by the module's top-level imports (`importOf(local)`, the module and export a local name is imported
 * as: `after` of `next/server`, never a function of the module's own named `after`), a method form by its name.
 */
export function importTableBackgroundTest(importOf: (local: string) => { readonly module: string; readonly name: string } | undefined): BackgroundTest {
  return (call) => {
    const callee = unwrap(call.callee);
    if (callee.type !== "Identifier") return methodFormByName(call);
    const imported = importOf(callee.name);
    return imported && importedWorks().find((work) => work.kind === "import" && work.module === imported.module && work.name === imported.name);
  };
}

/** A call of a method named as one of a platform's method forms (`x.waitUntil(…)`), whatever holds it. */
const methodFormByName: BackgroundTest = (call) => {
  const callee = unwrap(call.callee);
  if (callee.type !== "MemberExpression") return undefined;
  const method = staticName(callee.property, callee.computed);
  return method === undefined ? undefined : allWorks().find((work) => work.kind !== "import" && work.method === method);
};

let known: readonly BackgroundWork[] | undefined;
/** Every platform's forms (read on first use: the knowledge index loads the engine modules that load this one). */
function allWorks(): readonly BackgroundWork[] {
  return (known ??= PLATFORMS.flatMap((platform) => (platform.backgroundWork === undefined ? [] : [platform.backgroundWork].flat())));
}

let imported: readonly BackgroundWork[] | undefined;
/** The `import` forms of every platform. */
function importedWorks(): readonly BackgroundWork[] {
  return (imported ??= allWorks().filter((work) => work.kind === "import"));
}

/** Whether `identifier` is the entry point's parameter at `index` (`fromKey`: a key destructured from it). */
function isParameterAt(input: AnalysisInput, identifier: TSESTree.Identifier, fn: FunctionNode, index: number, fromKey: boolean): boolean {
  const def = getAnalysisContext(input).bindings.variableOf(identifier)?.defs[0];
  const parameter = fn.params[index];
  if (def?.type !== "Parameter" || def.node !== fn || parameter === undefined) return false;
  return fromKey ? contains(parameter, def.name) && parameter !== def.name : unwrapParameter(parameter) === def.name;
}

/** A parameter's identifier, past a default value (`ctx = defaultContext`) and a type annotation. */
function unwrapParameter(parameter: TSESTree.Parameter): TSESTree.Node {
  return parameter.type === "AssignmentPattern" ? parameter.left : parameter;
}

function holderRoot(node: TSESTree.Node): TSESTree.Identifier {
  let current = unwrap(node);
  while (current.type === "MemberExpression") current = unwrap(current.object);
  return current as TSESTree.Identifier;
}

/** The names of a member chain from its root identifier (`event.platform.context` → ["event", "platform", "context"]), optional chains and `!` included. */
function memberPathOf(node: TSESTree.Node): string[] | undefined {
  const names: string[] = [];
  let current = unwrap(node);
  while (current.type === "MemberExpression") {
    const name = staticName(current.property, current.computed);
    if (name === undefined) return undefined;
    names.unshift(name);
    current = unwrap(current.object);
  }
  if (current.type !== "Identifier") return undefined;
  names.unshift(current.name);
  return names;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, index) => name === b[index]);
}
