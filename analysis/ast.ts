// Small, dependency-free helpers over TSESTree + scope-manager shared by the analysis modules.
// They never throw: unknown shapes answer `undefined` / `false`.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";

let analysisErrorListener: ((error: unknown) => void) | undefined;

/**
 * The analysis core never throws into a rule or a transform: an unexpected AST shape yields "nothing
 * found". Tests (and debugging sessions) can still observe what was swallowed.
 */
export function onAnalysisError(listener: ((error: unknown) => void) | undefined): void {
  analysisErrorListener = listener;
}

export function reportAnalysisError(error: unknown): void {
  analysisErrorListener?.(error);
}

export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** Strips what does not change the value: `await`, `as`, `satisfies`, `!`, `<T>x`, optional chains. */
export function unwrapExpression(node: TSESTree.Node | null | undefined): TSESTree.Node | undefined {
  let current = node ?? undefined;
  while (current) {
    switch (current.type) {
      case AST_NODE_TYPES.AwaitExpression:
        current = current.argument;
        continue;
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        continue;
      default:
        return current;
    }
  }
  return undefined;
}

/**
 * The static name of a property key or member property: `a.b`, `a["b"]`, `{ b: … }`, `{ "b": … }`; a private
 * name keeps its `#` (`this.#tracer`, `#tracer = …`), as the class declares it, so it never meets a public `tracer`.
 */
export function staticName(node: TSESTree.Node | null | undefined, computed = false): string | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.Identifier && !computed) return node.name;
  if (node.type === AST_NODE_TYPES.PrivateIdentifier) return `#${node.name}`;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === "string") return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `object.name` / `object["name"]`: the property name, else undefined. */
export function memberName(node: TSESTree.Node | null | undefined): string | undefined {
  if (node?.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  return staticName(node.property, node.computed);
}

/** What stands for `node`'s value in its parent: the ChainExpression around `a?.b()` / `a?.b`, else `node` itself. */
export function outsideChain(node: TSESTree.Node): TSESTree.Node {
  return node.parent?.type === AST_NODE_TYPES.ChainExpression && node.parent.expression === node ? node.parent : node;
}

/**
 * Two expressions naming the same receiver: the same identifier, `this`, or the same static member path of one
 * (`this.tracer`, `deps.tracer`). Anything else (a call, a computed key) is never the same value twice.
 */
export function sameReference(a: TSESTree.Node | null | undefined, b: TSESTree.Node | null | undefined): boolean {
  const left = unwrapExpression(a);
  const right = unwrapExpression(b);
  if (!left || !right || left.type !== right.type) return false;
  if (left.type === AST_NODE_TYPES.Identifier) return left.name === (right as TSESTree.Identifier).name;
  if (left.type === AST_NODE_TYPES.ThisExpression) return true;
  if (left.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(left);
  return name !== undefined && name === memberName(right) && sameReference(left.object, (right as TSESTree.MemberExpression).object);
}

/**
 * `X.m` of `X.m.call(X, …)` / `X.m.apply(X, […])` / `X.m.bind(X)` (whichever of `via` names the call), when the
 * this-argument is X itself: then the call is `X.m(…)` (a bound function's call is `X.m(…)` too). `apply` counts
 * only with no list or an array literal, whose elements are the arguments. Undefined otherwise.
 */
export function reboundMethodOf(call: TSESTree.CallExpression, via: readonly ("call" | "apply" | "bind")[]): TSESTree.MemberExpression | undefined {
  const callee = unwrapExpression(call.callee);
  const how = memberName(callee) as "call" | "apply" | "bind" | undefined;
  if (callee?.type !== AST_NODE_TYPES.MemberExpression || how === undefined || !via.includes(how)) return undefined;
  if (how === "apply" && (call.arguments.length > 2 || (call.arguments[1] !== undefined && call.arguments[1].type !== AST_NODE_TYPES.ArrayExpression))) return undefined;
  if (how === "bind" && call.arguments.length !== 1) return undefined;
  const method = unwrapExpression(callee.object);
  return method?.type === AST_NODE_TYPES.MemberExpression && sameReference(method.object, call.arguments[0]) ? method : undefined;
}

/** The callee a call invokes, `X.m.call(X, …)` and `X.m.apply(X, […])` read as `X.m(…)` (`reboundMethodOf`). */
export function invokedCallee(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  return reboundMethodOf(call, ["call", "apply"]) ?? unwrapExpression(call.callee);
}

/**
 * What an import declaration binds is erased by the compiler: all of it after `import type`; with
 * `specifier`, that name (`import { type A, b }`); without, the declaration when every name is `type`
 * (`import "m"`, which names none, loads the module for its effect).
 */
export function isTypeOnlyImport(declaration: TSESTree.ImportDeclaration, specifier?: TSESTree.ImportClause): boolean {
  if (declaration.importKind === "type") return true;
  if (specifier) return specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === "type";
  return declaration.specifiers.length > 0 && declaration.specifiers.every((part) => part.type === AST_NODE_TYPES.ImportSpecifier && part.importKind === "type");
}

/** The string of a `require("x")` call (also `module.require`), else undefined. */
export function requireSpecifier(node: TSESTree.Node | null | undefined): string | undefined {
  if (node?.type !== AST_NODE_TYPES.CallExpression || node.arguments.length !== 1) return undefined;
  const callee = node.callee;
  const isRequire =
    (callee.type === AST_NODE_TYPES.Identifier && callee.name === "require") ||
    (memberName(callee) === "require" &&
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === "module");
  return isRequire ? staticName(node.arguments[0]) : undefined;
}

/** What a declarator binds of a module: the specifier, and the member read off the module (`require("m").a` → `a`). */
export interface DeclaredModule {
  readonly specifier: string;
  /** The property stepped off the module value (`require("m").a`, `(await import("m")).a`); undefined when the declarator binds the module value itself or a computed member. */
  readonly member: string | undefined;
}

/**
 * The module a declarator binds from: `const x = require("m")`, `const { a, b: c } = require("m")`,
 * `const a = require("m").a`, and the same with an awaited `import("m")` (`const { a } = await
 * import("m")`, `const a = (await import("m")).a`; an `import()` left unawaited is taken too): the declarator's
 * init, through casts and parentheses, one member at most. Else undefined. `import x = require("m")` is no declarator (its
 * statement is a `TSImportEqualsDeclaration`, an import binding).
 */
export function moduleOfDeclarator(declarator: TSESTree.VariableDeclarator): DeclaredModule | undefined {
  let init = unwrapExpression(declarator.init);
  let member: string | undefined;
  if (init?.type === AST_NODE_TYPES.MemberExpression) {
    member = memberName(init);
    init = unwrapExpression(init.object);
  }
  const specifier = requireSpecifier(init) ?? dynamicImportSpecifier(init);
  return specifier === undefined ? undefined : { specifier, member };
}

/**
 * Whether `variable` is bound from a module at the top level of its file: an import binding (also
 * `import x = require("m")`), or a top-level declarator `moduleOfDeclarator` reads (`const { a } =
 * require("m")`, `const a = (await import("m")).a`). What project-modules' `importOrigin` resolves to
 * an export when one is named.
 */
export function isTopLevelModuleBinding(variable: Scope.Variable): boolean {
  const def = variable.defs[0];
  if (def?.type === "ImportBinding") return true;
  return def?.type === "Variable" && def.parent?.parent?.type === AST_NODE_TYPES.Program && moduleOfDeclarator(def.node) !== undefined;
}

/** The string of TypeScript's `import x = require("x")`, else undefined (`import x = A.B` names no module). */
export function importEqualsSpecifier(declaration: TSESTree.TSImportEqualsDeclaration): string | undefined {
  const reference = declaration.moduleReference;
  return reference.type === AST_NODE_TYPES.TSExternalModuleReference ? staticName(reference.expression) : undefined;
}

/** The string of an `import("x")` expression (awaited or not), else undefined. */
export function dynamicImportSpecifier(node: TSESTree.Node | null | undefined): string | undefined {
  const unwrapped = unwrapExpression(node);
  return unwrapped?.type === AST_NODE_TYPES.ImportExpression ? staticName(unwrapped.source) : undefined;
}

/** The property of an object literal with this static key (last one wins, like at runtime). */
export function findProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && staticName(property.key, property.computed) === name) found = property;
  }
  return found;
}

/** `{ <key>: true }` written inline (the last such key of an object literal, as JavaScript reads it): TypeDI's `{ transient: true }`, fastify-plugin's `{ encapsulate: true }`. */
export function optionIsTrue(node: TSESTree.Node | undefined, key: string): boolean {
  const options = unwrapExpression(node);
  const value = options?.type === AST_NODE_TYPES.ObjectExpression ? unwrapExpression(findProperty(options, key)?.value) : undefined;
  return value?.type === AST_NODE_TYPES.Literal && value.value === true;
}

/**
 * Whether an object literal's own keys are all known statically and it keeps the default prototype:
 * no spread, no computed key other than a literal, and no `__proto__: x` (which sets the prototype, so
 * `{ __proto__: base }` may inherit a key such as `tracer` that no property names).
 */
export function hasOnlyPlainProperties(object: TSESTree.ObjectExpression): boolean {
  return object.properties.every((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    if (property.computed) return staticName(property.key, true) !== undefined || property.key.type === AST_NODE_TYPES.Literal;
    return property.shorthand || property.method || property.kind !== "init" || staticName(property.key) !== "__proto__";
  });
}

/**
 * The innermost scope that contains `node`. typescript-eslint's `acquire()` allocates a closure on every
 * call, and this asks it of each ancestor (most have no scope): its public `nodeToScope` answers a node
 * with no scope or exactly one without that, and `acquire` still decides a node holding several scopes.
 * Another scope manager (eslint-scope's keeps the map private) is asked through `acquire` only.
 */
export function scopeOf(scopeManager: Scope.ScopeManager, node: TSESTree.Node): Scope.Scope | undefined {
  const byNode = (scopeManager as { readonly nodeToScope?: unknown }).nodeToScope;
  const scopesOf = byNode instanceof WeakMap ? (byNode as WeakMap<TSESTree.Node, readonly Scope.Scope[]>) : undefined;
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    let scope: Scope.Scope | null;
    if (scopesOf === undefined) scope = scopeManager.acquire(current, true);
    else {
      const scopes = scopesOf.get(current);
      scope = scopes === undefined || scopes.length === 0 ? null : scopes.length === 1 ? scopes[0] : scopeManager.acquire(current, true);
    }
    if (scope) return scope;
  }
  return scopeManager.globalScope ?? undefined;
}

/** The file's top scope: the module scope, or the global scope of a script. */
export function moduleScopeOf(scopeManager: Scope.ScopeManager): Scope.Scope | undefined {
  return scopeManager.globalScope?.childScopes.find((scope) => scope.type === "module") ?? scopeManager.globalScope ?? undefined;
}

/** The variable `name` refers to at `node`, following scope-manager's resolution. */
export function findVariable(scopeManager: Scope.ScopeManager, node: TSESTree.Node, name: string): Scope.Variable | undefined {
  for (let scope = scopeOf(scopeManager, node); scope; scope = scope.upper ?? undefined) {
    const variable = scope.set.get(name);
    if (variable) return variable;
  }
  return undefined;
}

/** The names a module reaches the global object by (Node's `global`, the browser's and workers' `window`/`self`). */
const GLOBAL_OBJECT_NAMES: ReadonlySet<string> = new Set(["globalThis", "global", "window", "self"]);

/** `node` (casts aside) is the implicit global object: `globalThis`, `global`, … not shadowed by a variable of the file. */
function isGlobalObject(scopeManager: Scope.ScopeManager, node: TSESTree.Node | null | undefined): boolean {
  const object = unwrapExpression(node);
  return object?.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECT_NAMES.has(object.name) && !findVariable(scopeManager, object, object.name)?.defs.length;
}

/**
 * `globalThis.x`, `(globalThis as any).x`, `global["x"]`: the slot's name on the global object, when the
 * object is the implicit global (a variable of the file named `global` or `window` is not). A `const`
 * bound to the global object through casts is that object too: `const g = globalThis as unknown as {
 * tracer?: HoneyHiveTracer }; g.tracer ??= …` (the HMR guard of Prisma's and Next's docs).
 */
export function globalSlotOf(scopeManager: Scope.ScopeManager, node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = unwrapExpression(node.object);
  if (object?.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (isGlobalObject(scopeManager, object)) return memberName(node);
  if (GLOBAL_OBJECT_NAMES.has(object.name)) return undefined;
  const variable = findVariable(scopeManager, object, object.name);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== "Variable" || def.parent.kind !== "const" || def.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return isGlobalObject(scopeManager, def.node.init) ? memberName(node) : undefined;
}

/**
 * A plain `<global>.<slot> = value` that runs only while the slot is empty, so it caches as `??=` does:
 * `if (!globalThis.x) globalThis.x = value`, `if (globalThis.x === undefined) { … }` (`== null`,
 * `typeof … === "undefined"`), `globalThis.x || (globalThis.x = value)`, and the `else` of a test that
 * the slot is filled (`if (globalThis.x) { … } else globalThis.x = value`, `!== undefined`, a
 * conditional's `globalThis.x ? … : (globalThis.x = value)`). Checked on the same slot.
 */
export function fillsEmptyGlobalSlot(scopeManager: Scope.ScopeManager, assignment: TSESTree.AssignmentExpression, slot: string): boolean {
  if (assignment.operator !== "=") return false;
  const reads = (side: TSESTree.Node | undefined): boolean => side !== undefined && globalSlotOf(scopeManager, unwrapExpression(side) ?? side) === slot;
  /** Whether `test` is true exactly when the slot is empty ("empty"), or exactly when it is filled ("filled"). */
  const slotTest = (test: TSESTree.Node): "empty" | "filled" | undefined => {
    const node = unwrapExpression(test);
    if (node === undefined) return undefined;
    if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === "!") {
      const inner = slotTest(node.argument);
      return inner === "empty" ? "filled" : inner === "filled" ? "empty" : undefined;
    }
    if (reads(node)) return "filled";
    if (node.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
    const equal = node.operator === "===" || node.operator === "==";
    if (!equal && node.operator !== "!==" && node.operator !== "!=") return undefined;
    const sides = [unwrapExpression(node.left), unwrapExpression(node.right)];
    const empty = (side: TSESTree.Node | undefined) =>
      (side?.type === AST_NODE_TYPES.Identifier && side.name === "undefined") ||
      (side?.type === AST_NODE_TYPES.Literal && (side.value === null || (side.value === "undefined" && sides.some((other) => other?.type === AST_NODE_TYPES.UnaryExpression && other.operator === "typeof"))));
    const read = (side: TSESTree.Node | undefined) => reads(side?.type === AST_NODE_TYPES.UnaryExpression && side.operator === "typeof" ? side.argument : side);
    if (!((read(sides[0]) && empty(sides[1])) || (read(sides[1]) && empty(sides[0])))) return undefined;
    return equal ? "empty" : "filled";
  };
  /** The branch `child` of a test runs only on an empty slot. */
  const onEmpty = (test: TSESTree.Node, consequent: TSESTree.Node | null | undefined, child: TSESTree.Node): boolean =>
    slotTest(test) === (consequent === child ? "empty" : "filled");
  let child: TSESTree.Node = assignment;
  for (let node = assignment.parent; node; child = node, node = node.parent) {
    if (node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression) return node.test !== child && onEmpty(node.test, node.consequent, child);
    if (node.type === AST_NODE_TYPES.LogicalExpression) return node.right === child && node.operator !== "&&" && reads(node.left);
    if (isFunctionNode(node) || node.type === AST_NODE_TYPES.Program) return false;
    // Through the statement and block holding it, and the assignment's own wrappers (parentheses leave no node).
    if (node.type !== AST_NODE_TYPES.ExpressionStatement && node.type !== AST_NODE_TYPES.BlockStatement && node.type !== AST_NODE_TYPES.TSAsExpression && node.type !== AST_NODE_TYPES.TSNonNullExpression) return false;
  }
  return false;
}

/** The closest function around `node` (not `node` itself). */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

/** True when `inner` lies inside `outer` (or is it). */
export function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** A type written to admit `undefined` or `null`: either keyword, alone or in a union (nested unions too). */
export function includesNullish(type: TSESTree.TypeNode): boolean {
  if (type.type === "TSUndefinedKeyword" || type.type === "TSNullKeyword") return true;
  return type.type === "TSUnionType" && type.types.some(includesNullish);
}

/** `export const x`, `export function x`, `export { x }`, `export default x`, `module.exports = { x }`, `exports.y = x`. */
export function isExportedVariable(variable: Scope.Variable): boolean {
  for (const def of variable.defs) {
    for (let current: TSESTree.Node | undefined = def.node; current; current = current.parent) {
      if (current.type === AST_NODE_TYPES.ExportNamedDeclaration || current.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
      if (current.type === AST_NODE_TYPES.Program || (current !== def.node && isFunctionNode(current))) break;
    }
  }
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.ExportSpecifier || parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
    if (parent.type === AST_NODE_TYPES.Property && parent.value === reference.identifier) {
      return isModuleExportsTarget(parent.parent?.parent, parent.parent);
    }
    return isModuleExportsTarget(parent, reference.identifier);
  });
}

/** `module.exports = value`, `module.exports.x = value`, `exports.x = value` with `value` on the right. */
function isModuleExportsTarget(node: TSESTree.Node | undefined, value: TSESTree.Node | undefined): boolean {
  if (node?.type !== AST_NODE_TYPES.AssignmentExpression || node.right !== value) return false;
  let target: TSESTree.Node = node.left;
  while (target.type === AST_NODE_TYPES.MemberExpression) {
    if (target.object.type === AST_NODE_TYPES.Identifier) {
      const name = target.object.name;
      return name === "exports" || (name === "module" && memberName(target) === "exports");
    }
    target = target.object;
  }
  return false;
}

/** Index of the first non-space, non-comment character at or after `from`. */
export function skipTrivia(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    const char = text[index];
    if (char === " " || char === "\t" || char === "\n" || char === "\r") index += 1;
    else if (text.startsWith("//", index)) {
      const end = text.indexOf("\n", index);
      index = end === -1 ? text.length : end + 1;
    } else if (text.startsWith("/*", index)) {
      const end = text.indexOf("*/", index + 2);
      index = end === -1 ? text.length : end + 2;
    } else break;
  }
  return index;
}

/** The indentation (spaces/tabs) of the line that holds `offset`. */
export function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const match = /^[ \t]*/.exec(text.slice(lineStart));
  return match ? match[0] : "";
}

/** The statement types of a loop (`for`, `for…in`, `for…of`, `while`, `do…while`). */
export const LOOP_TYPES: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/**
 * The one expression a getter gives its readers: `get tracer() { return tracer; }`, `get: () => tracer`,
 * `get: function () { return tracing_1.tracer; }` (TypeScript's CommonJS re-export); undefined for a getter that does
 * more than return one expression.
 */
export function getterResult(getter: TSESTree.Node | null | undefined): TSESTree.Expression | undefined {
  if (!isFunctionNode(getter) || getter.params.length > 0) return undefined;
  if (getter.body.type !== AST_NODE_TYPES.BlockStatement) return getter.body;
  const [only, ...rest] = getter.body.body;
  return rest.length === 0 && only?.type === AST_NODE_TYPES.ReturnStatement ? (only.argument ?? undefined) : undefined;
}

/**
 * `Object.defineProperty(target, "name", { get() { … } })` or `{ value }`: the object it defines a property on, the
 * property's name, and what readers of the property get (`getterResult`, or the data value; undefined when neither can be read).
 */
export function definedProperty(expression: TSESTree.Node): { readonly target: TSESTree.Node; readonly name: string; readonly value: TSESTree.Node | undefined } | undefined {
  if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapExpression(expression.callee);
  if (callee?.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== "defineProperty" || callee.object.type !== AST_NODE_TYPES.Identifier || callee.object.name !== "Object") return undefined;
  const [target, key, descriptor] = expression.arguments;
  const name = staticName(key, true);
  if (!target || target.type === AST_NODE_TYPES.SpreadElement || name === undefined) return undefined;
  const described = unwrapExpression(descriptor);
  if (described?.type !== AST_NODE_TYPES.ObjectExpression) return { target, name, value: undefined };
  const get = findProperty(described, "get");
  const value = findProperty(described, "value");
  return { target, name, value: get ? getterResult(get.value) : value?.value };
}
