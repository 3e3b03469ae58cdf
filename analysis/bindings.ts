// The one binding resolver of the analysis core: which module (and which property path of it) a name
// or expression comes from, through ESM imports (default, named, renamed, namespace, type-only),
// CommonJS `require` (also `module.require`, destructured), an awaited `import()`, TypeScript's
// `import x = require()`, local aliases (`const R = express.Router`) and member chains. Shadowing is
// decided once, by scope-manager: a local function called `express` (or `require`) resolves to
// itself, never to the package. The models ask it; none walks import declarations of its own.
import type { TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { isFunctionNode, isTypeOnlyImport, memberName, staticName, unwrapExpression, type FunctionNode } from "./ast.js";
import { packageSpecifier } from "./settings.js";

/** A value reached from a module: `{ module: "express", path: ["Router"] }` for `express.Router`. */
export interface ModuleOrigin {
  readonly module: string;
  /** Property path from the module value; the default export and the CommonJS value are `[]`. */
  readonly path: readonly string[];
  /**
   * The path starts at an ESM default import (`import x from "m"`, `import { default as x }`): the
   * module's `default` export, which interop makes the CommonJS value (so `path` omits it). A model
   * that reads a project module's own exports tells it from the whole module (`import * as x`).
   */
  readonly viaDefaultImport?: true;
  /** Reached through a type-only import (`import type`, `import { type X }`): a type, never a value. */
  readonly typeOnly?: true;
  /**
   * The object a compiler's import interop helper returns (`__importDefault(require("m"))`, see
   * `INTEROP_HELPERS`): its `default` is the module's default export, as a default import's.
   */
  readonly interop?: true;
}

/**
 * The import interop helpers of compiled CommonJS: TypeScript's (emitted in the file or from `tslib`)
 * and Babel's. Each takes the `require()`d value and returns an object whose `default` is the module's
 * default export (the CommonJS value itself when the module is not an ES module) and, for the `Star`
 * and `Wildcard` forms, whose other properties are the module's: `(0, express_1.default)()`.
 */
const INTEROP_HELPERS: ReadonlySet<string> = new Set(["__importDefault", "__importStar", "_interopRequireDefault", "_interopRequireWildcard"]);

/** How many call wrappers (`asyncHandler(trace(fn))`) `functionsOf` looks through. */
const MAX_WRAPPER_DEPTH = 4;

/**
 * The value-bearing node under `await`, `as`, `!`, `satisfies`, optional chains, and compiled
 * output's `(0, f)` (a call of `f` without its object as `this`: the value is `f`).
 */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  const target = unwrapExpression(node) ?? node;
  if (target.type !== "SequenceExpression" || target.expressions.length !== 2 || target.expressions[0].type !== "Literal") return target;
  return unwrap(target.expressions[1]);
}

/** The dotted name of an origin's path, with a leading `default` dropped (`import x from` ≡ `require()`). */
export function originName(origin: ModuleOrigin): string {
  const path = origin.path[0] === "default" ? origin.path.slice(1) : origin.path;
  return path.join(".");
}

/**
 * The path from the module's own exports, as that module's source defines them: a default import's
 * path starts at `default` (`import t from "./tracing"` → `["default"]`, `import * as t` → `[]`).
 * For reading a project module's facts, where its default export and its whole value differ.
 */
export function exportPath(origin: ModuleOrigin): readonly string[] {
  return origin.viaDefaultImport ? ["default", ...origin.path] : origin.path;
}

export class Bindings {
  private readonly variableByIdentifier = new Map<TSESTree.Identifier, Scope.Variable | null>();
  /** `returnedFunctionsOf`'s walk of a factory's body, once per function. */
  private readonly returnedByFunction = new Map<FunctionNode, readonly TSESTree.Expression[]>();

  constructor(scopeManager: Scope.ScopeManager) {
    const byIdentifier = this.variableByIdentifier;
    // The global scope of a module holds only the environment's variables, none with an identifier.
    const environment = environmentOnlyGlobalScope(scopeManager);
    for (const scope of scopeManager.scopes) {
      const { variables, references } = scope;
      // Indexed loops: a script's global scope holds ~200 lib variables (no identifiers) beside its own.
      if (scope !== environment) for (let v = 0; v < variables.length; v++) {
        const variable = variables[v];
        const { identifiers } = variable;
        for (let i = 0; i < identifiers.length; i++) byIdentifier.set(identifiers[i] as TSESTree.Identifier, variable);
      }
      for (let r = 0; r < references.length; r++) {
        const reference = references[r];
        const identifier = reference.identifier as TSESTree.Identifier;
        if (!byIdentifier.has(identifier)) byIdentifier.set(identifier, reference.resolved);
      }
    }
  }

  /** The variable an identifier declares or refers to; `null` for an unresolved global. */
  variableOf(identifier: TSESTree.Identifier): Scope.Variable | null | undefined {
    return this.variableByIdentifier.get(identifier);
  }

  /**
   * True for a reference to a global that no declaration in the file shadows (`module`, `exports`,
   * `require`, `Bun`). An ambient `declare const Deno: …` / `declare var awslambda: …` only types the
   * runtime's global (TypeScript emits nothing for it): not a binding, so the name stays the global.
   */
  isGlobal(identifier: TSESTree.Identifier): boolean {
    const variable = this.variableOf(identifier);
    return variable === null || (variable !== undefined && (variable.defs.length === 0 || variable.defs.every(isAmbientVariable)));
  }

  /**
   * Which module (and which property path of it) an expression or type name comes from. `seen` holds
   * the variables followed to their initializer on the way here (a cycle guard); it is made only when
   * a variable is followed, since most questions (every declared variable's, every callee's) end at an
   * import or at a name that is no alias.
   */
  originOf(node: TSESTree.Node, seen?: Set<Scope.Variable>): ModuleOrigin | undefined {
    const target = unwrap(node);
    switch (target.type) {
      case "Identifier":
        return this.originOfIdentifier(target, seen);
      case "MemberExpression": {
        const name = staticName(target.property, target.computed);
        const base = name === undefined ? undefined : this.originOf(target.object, seen);
        return base && name !== undefined ? withName(base, name) : undefined;
      }
      case "TSQualifiedName": {
        const base = this.originOf(target.left, seen);
        return base ? withName(base, target.right.name) : undefined;
      }
      case "CallExpression": {
        if (target.arguments.length === 1 && isInteropHelper(target.callee)) {
          const required = this.originOf(target.arguments[0], seen);
          return required && required.path.length === 0 && !required.viaDefaultImport ? { module: required.module, path: [], interop: true } : undefined;
        }
        const module = target.arguments.length === 1 && this.isRequire(target.callee) ? staticName(target.arguments[0]) : undefined;
        return module === undefined ? undefined : { module: packageSpecifier(module), path: [] };
      }
      case "ImportExpression": {
        // Only the awaited value is the module namespace; `import("m")` itself is a promise of it.
        const module = staticName(target.source);
        return module !== undefined && isAwaitedWithin(target, node) ? { module: packageSpecifier(module), path: [] } : undefined;
      }
      default:
        return undefined;
    }
  }

  /**
   * The first variable declared in `scope` that holds export `name` of `module` as a value:
   * `import { name as local }`, `const { name: local } = require(module)`, `require(module).name`, an
   * alias of one. For a fix that writes a call of that export: the name to write, if the file has one.
   */
  variableImporting(scope: Scope.Scope, module: string, name: string): Scope.Variable | undefined {
    return scope.variables.find((variable) => {
      const identifier = variable.identifiers[0];
      const origin = identifier && this.originOf(identifier);
      if (!origin || origin.typeOnly || origin.module !== module) return false;
      const path = exportPath(origin);
      return path.length === 1 && path[0] === name;
    });
  }

  /**
   * The module of the import declaration (`import … from "m"`) or `require("m")` declarator
   * (`const x = require("m")`, `const { a } = require("m")`) that declares `variable` itself; undefined
   * for an alias or a member of one (`require("m").a`), `import x = require()`, an `import()`. For an
   * edit of that declaration, whose shape this fixes; what a name is bound to is `originOf`.
   */
  declaringModuleOf(variable: Scope.Variable): string | undefined {
    const def = variable.defs[0];
    if (def?.type === "ImportBinding") return def.node.type === "TSImportEqualsDeclaration" ? undefined : this.originOf(def.name)?.module;
    if (def?.type !== "Variable" || def.node.type !== "VariableDeclarator" || !def.node.init) return undefined;
    return unwrap(def.node.init).type === "CallExpression" ? this.originOf(def.node.init)?.module : undefined;
  }

  /** `require` or `module.require`, the globals (a local function named `require` is not). */
  private isRequire(callee: TSESTree.Node): boolean {
    if (callee.type === "Identifier") return callee.name === "require" && this.isGlobal(callee);
    return callee.type === "MemberExpression" && memberName(callee) === "require" && callee.object.type === "Identifier" && callee.object.name === "module" && this.isGlobal(callee.object);
  }

  private originOfIdentifier(identifier: TSESTree.Identifier, seen: Set<Scope.Variable> | undefined): ModuleOrigin | undefined {
    const variable = this.variableOf(identifier);
    if (!variable || seen?.has(variable)) return undefined;
    for (const def of variable.defs) {
      if (def.type === "ImportBinding") {
        const specifier = def.node;
        if (specifier.type === "TSImportEqualsDeclaration") {
          const reference = specifier.moduleReference;
          const written = reference.type === "TSExternalModuleReference" ? staticName(reference.expression) : undefined;
          const module = written === undefined ? undefined : packageSpecifier(written);
          if (module !== undefined) return specifier.importKind === "type" ? { module, path: [], typeOnly: true } : { module, path: [] };
          continue;
        }
        const declaration = def.parent as TSESTree.ImportDeclaration;
        // Deno's `npm:express@4` is `express`: every descriptor and the SDK match on the package.
        const module = packageSpecifier(declaration.source.value);
        const typeOnly = isTypeOnlyImport(declaration, specifier);
        const imported = specifier.type === "ImportSpecifier" ? staticName(specifier.imported) : undefined;
        const viaDefaultImport = specifier.type === "ImportDefaultSpecifier" || imported === "default";
        const origin: { module: string; path: readonly string[]; viaDefaultImport?: true; typeOnly?: true } = {
          module,
          path: imported === undefined || imported === "default" ? [] : [imported],
        };
        // Set only when true (absent otherwise), without spreading a `false` per import asked about.
        if (viaDefaultImport) origin.viaDefaultImport = true;
        if (typeOnly) origin.typeOnly = true;
        return origin;
      }
      if (def.type === "Parameter") {
        const lazy = lazyImportOfParameter(def.node, identifier);
        if (lazy) return lazy;
        continue;
      }
      if (def.type === "Variable" && def.node.type === "VariableDeclarator" && def.node.init) {
        const { id, init } = def.node;
        if (id.type === "Identifier") return this.originOf(init, withVariable(seen, variable, init));
        if (id.type === "ObjectPattern") {
          const key = destructuredKey(id, identifier.name);
          const base = key === undefined ? undefined : this.originOf(init, withVariable(seen, variable, init));
          if (base && key !== undefined) return withName(base, key);
        }
      }
    }
    return undefined;
  }

  /**
   * The functions an argument stands for: inline, by name (a `const` or a function declaration, not a
   * reassigned variable), inside arrays, or inside wrapper calls (`asyncHandler(fn)`). A call of a function
   * of this file that returns a function (`withSession(fn)`, `sessionMiddleware(tracer)`, curried
   * `makeHandler(tracer)`) stands for that returned function as well as for its function arguments: the
   * returned one is what runs per call, the arguments run inside it.
   */
  functionsOf(node: TSESTree.Node | null | undefined, depth = 0, seen = new Set<Scope.Variable>()): FunctionNode[] {
    if (!node || depth > MAX_WRAPPER_DEPTH) return [];
    const target = unwrap(node);
    if (isFunctionNode(target)) return [target];
    if (target.type === "ArrayExpression") {
      return target.elements.flatMap((element) => (element ? this.functionsOf(element, depth + 1, seen) : []));
    }
    if (target.type === "CallExpression") {
      const returned = this.returnedFunctionsOf(target, depth, seen);
      const wrapped = target.arguments.flatMap((argument) => this.functionsOf(argument, depth + 1, seen));
      return returned.length === 0 ? wrapped : [...returned, ...wrapped];
    }
    if (target.type === "Identifier") {
      const init = this.constantValueOf(target, seen);
      return init ? this.functionsOf(init, depth + 1, seen) : [];
    }
    if (target.type === "MemberExpression") {
      const value = this.staticMemberOf(target);
      return value ? this.functionsOf(value, depth + 1, seen) : [];
    }
    return [];
  }

  /**
   * The value of a static member of a class of this file, named through the class (`Api.handle` with `class Api {
   * static handle() {…} }` or `static handle = async () => …`, also a never-reassigned `const Api = class {…}`): the
   * method's function or the field's initializer. A computed key, an instance member, a reassigned name: undefined.
   */
  staticMemberOf(member: TSESTree.MemberExpression): TSESTree.Node | undefined {
    const name = memberName(member);
    const object = unwrap(member.object);
    if (name === undefined || object.type !== "Identifier") return undefined;
    const variable = this.variableOf(object);
    if (!variable || variable.references.some((reference) => reference.writeExpr && !reference.init)) return undefined;
    const def = variable.defs[0];
    let owner: TSESTree.Node | undefined;
    if (def?.type === "ClassName") owner = def.node;
    else if (def?.type === "Variable" && def.node.type === "VariableDeclarator" && def.node.init) owner = unwrap(def.node.init);
    if (owner?.type !== "ClassDeclaration" && owner?.type !== "ClassExpression") return undefined;
    for (const element of owner.body.body) {
      if ((element.type !== "MethodDefinition" && element.type !== "PropertyDefinition") || !element.static || staticName(element.key, element.computed) !== name) continue;
      if (element.type === "MethodDefinition") return element.kind === "method" ? element.value : undefined;
      return element.value ?? undefined;
    }
    return undefined;
  }

  /**
   * The functions a call of a wrapper or factory WRITTEN IN THIS FILE returns (`function withSession(fn) {
   * return async (event) => …; }`, `const makeHandler = (tracer) => async (event) => …`): the callee named by a
   * never-reassigned function declaration or `const`, its `return` arguments (or an arrow's expression body)
   * that are functions. A package's wrapper (`middy(fn)`, `asyncHandler(fn)` imported) has no body here: none.
   */
  returnedFunctionsOf(call: TSESTree.CallExpression, depth = 0, seen = new Set<Scope.Variable>()): FunctionNode[] {
    const callee = unwrap(call.callee);
    if (callee.type !== "Identifier" || depth >= MAX_WRAPPER_DEPTH) return [];
    // A copy: the same factory called twice in one argument (`[tracing("a"), tracing("b")]`) is no cycle.
    const value = this.constantValueOf(callee, new Set(seen));
    const factory = value && unwrap(value);
    if (!factory || !isFunctionNode(factory)) return [];
    return this.functionsReturnedBy(factory, depth, seen);
  }

  /**
   * The functions `factory` returns (its `return` arguments, or an arrow's expression body, that are
   * functions inline or by name): what a call of it stands for (`returnedFunctionsOf`), and what a module
   * says its exported wrapper returns (analysis/export-facts.ts `returnsFunction`).
   */
  functionsReturnedBy(factory: FunctionNode, depth = 0, seen = new Set<Scope.Variable>()): FunctionNode[] {
    let returned = this.returnedByFunction.get(factory);
    if (!returned) {
      returned = returnedValues(factory);
      this.returnedByFunction.set(factory, returned);
    }
    return returned.flatMap((expression) => {
      const inner = unwrap(expression);
      // Only what is a function here or by name: a returned call (`return asyncHandler(fn)`) is another wrapper's business.
      return isFunctionNode(inner) ? [inner] : inner.type === "Identifier" ? this.functionsOf(inner, depth + 1, seen) : [];
    });
  }

  /**
   * The object literal an expression is (inline or through a `const`), for option objects and
   * resolver maps passed by name.
   */
  objectOf(node: TSESTree.Node | null | undefined, seen = new Set<Scope.Variable>()): TSESTree.ObjectExpression | undefined {
    if (!node) return undefined;
    const target = unwrap(node);
    if (target.type === "ObjectExpression") return target;
    if (target.type !== "Identifier") return undefined;
    const init = this.constantValueOf(target, seen);
    return init ? this.objectOf(init, seen) : undefined;
  }

  /** What a never-reassigned name holds: its function declaration or its initializer. */
  valueOf(identifier: TSESTree.Identifier): TSESTree.Node | undefined {
    return this.constantValueOf(identifier, new Set());
  }

  /**
   * The class of this file whose instance `node` is: `this` inside one of its methods or field
   * initializers, or a never-reassigned name made by `new LocalClass()` / `new (class {})()`. The
   * class's own name (its statics) is not an instance.
   */
  classOfInstance(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
    const target = unwrap(node);
    if (target.type === "ThisExpression") {
      for (let current: TSESTree.Node | undefined = target.parent; current; current = current.parent) {
        if (current.type === "ClassBody") {
          const owner = current.parent;
          return owner?.type === "ClassDeclaration" || owner?.type === "ClassExpression" ? owner : undefined;
        }
        if (current.type === "FunctionDeclaration") return undefined;
      }
      return undefined;
    }
    if (target.type !== "Identifier") return undefined;
    const value = this.valueOf(target);
    const created = value ? unwrap(value) : undefined;
    if (created?.type !== "NewExpression") return undefined;
    const callee = unwrap(created.callee);
    if (callee.type === "ClassExpression") return callee;
    if (callee.type !== "Identifier") return undefined;
    const def = this.variableOf(callee)?.defs[0];
    return def?.type === "ClassName" && (def.node.type === "ClassDeclaration" || def.node.type === "ClassExpression") ? def.node : undefined;
  }

  private constantValueOf(identifier: TSESTree.Identifier, seen: Set<Scope.Variable>): TSESTree.Node | undefined {
    const variable = this.variableOf(identifier);
    if (!variable || seen.has(variable)) return undefined;
    seen.add(variable);
    const writes = variable.references.filter((reference) => reference.writeExpr && !reference.init);
    if (writes.length > 0) return undefined; // reassigned: which value is used is not static
    for (const def of variable.defs) {
      if (def.type === "FunctionName" && def.node.type === "FunctionDeclaration") return def.node;
      if (def.type === "Variable" && def.node.type === "VariableDeclarator" && def.node.id.type === "Identifier" && def.node.init) {
        return def.node.init;
      }
    }
    return undefined;
  }
}

/**
 * The global scope, when it holds only what the environment declares: the TypeScript lib's ~200 globals
 * (`ImplicitLibVariable`) and the linter's configured ones, none with a definition or an identifier.
 * So it is when the file's code lives in a scope below it whose block is the Program too (an ES module's
 * scope; CommonJS's function scope under `globalReturn`): every declaration of the file is made there or
 * deeper (`declare global { … }` included, in a scope of its own). A script's global scope holds its
 * top-level declarations (undefined then). The loops over a file's variables skip these ~200, which a
 * small module's ~10 own variables were 5% of.
 */
export function environmentOnlyGlobalScope(scopeManager: Scope.ScopeManager): Scope.Scope | undefined {
  const global = scopeManager.globalScope;
  if (!global) return undefined;
  const { childScopes } = global;
  for (let i = 0; i < childScopes.length; i++) if (childScopes[i].block === global.block) return global;
  return undefined;
}

/**
 * The cycle guard of `originOf` for following `variable` to its initializer `init`. Only a name or a
 * member chain (also inside an interop helper's call) leads on to another variable (`require()` and `await import()` end there, and other
 * expressions have no origin): for the rest, the usual `const x = f()`, no set is made.
 */
function withVariable(seen: Set<Scope.Variable> | undefined, variable: Scope.Variable, init: TSESTree.Node): Set<Scope.Variable> | undefined {
  let target = unwrap(init);
  // An interop helper's argument leads on too: `var x = __importDefault(y), y = __importDefault(x)` is a cycle.
  while (target.type === "CallExpression" && target.arguments.length === 1 && isInteropHelper(target.callee)) target = unwrap(target.arguments[0]!);
  if (target.type !== "Identifier" && target.type !== "MemberExpression") return seen;
  const followed = seen ?? new Set<Scope.Variable>();
  followed.add(variable);
  return followed;
}

/** `origin`'s path one property further (written out: an object spread costs more on every member chain asked about). */
function withName(origin: ModuleOrigin, name: string): ModuleOrigin {
  if (origin.interop) return name === "default" ? { module: origin.module, path: [], viaDefaultImport: true } : { module: origin.module, path: [name] };
  const path = origin.path.slice();
  path.push(name);
  if (origin.viaDefaultImport === undefined && origin.typeOnly === undefined) return { module: origin.module, path };
  return { ...origin, path };
}

/** `__importDefault`, `tslib.__importDefault`, `tslib_1.__importStar`, Babel's `_interopRequireDefault` (a local helper of the compiled file, so matched by name). */
function isInteropHelper(callee: TSESTree.Node): boolean {
  const target = unwrap(callee);
  const name = target.type === "Identifier" ? target.name : target.type === "MemberExpression" ? memberName(target) : undefined;
  return name !== undefined && INTEROP_HELPERS.has(name);
}

/**
 * The module a `.then` callback's first parameter receives from a lazy import: `import("m").then((m) => …)` (the
 * namespace) or `.then(({ HoneyHiveTracer }) => …)` (one export, also renamed). A lazily loaded SDK is the SDK.
 */
function lazyImportOfParameter(fn: TSESTree.Node, identifier: TSESTree.Identifier): ModuleOrigin | undefined {
  if (!isFunctionNode(fn) || fn.params.length === 0) return undefined;
  const call = fn.parent;
  if (call?.type !== "CallExpression" || call.arguments[0] !== fn) return undefined;
  const callee = unwrap(call.callee);
  if (callee.type !== "MemberExpression" || memberName(callee) !== "then") return undefined;
  const imported = unwrap(callee.object);
  const written = imported.type === "ImportExpression" ? staticName(imported.source) : undefined;
  if (written === undefined) return undefined;
  const module = packageSpecifier(written);
  const parameter = fn.params[0]!;
  if (parameter.type === "Identifier" && parameter.name === identifier.name) return { module, path: [] };
  const key = parameter.type === "ObjectPattern" ? destructuredKey(parameter, identifier.name) : undefined;
  return key === undefined ? undefined : { module, path: [key] };
}

/** `inner` sits under an `await` on the way up to `outer` (through parentheses and type assertions). */
function isAwaitedWithin(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  for (let node = inner.parent; node && node !== outer.parent; node = node.parent) {
    if (node.type === "AwaitExpression") return true;
  }
  return false;
}

/** What `fn` returns: an arrow's expression body, or the arguments of the `return` statements of its own body (not of nested functions). */
function returnedValues(fn: FunctionNode): readonly TSESTree.Expression[] {
  if (fn.body.type !== "BlockStatement") return [fn.body];
  const values: TSESTree.Expression[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === "ReturnStatement") {
      if (node.argument) values.push(node.argument);
      return;
    }
    if (isFunctionNode(node) || node.type === "ClassDeclaration" || node.type === "ClassExpression") return;
    for (const key of STATEMENT_CHILD_KEYS) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof item === "object" && "type" in item) visit(item as TSESTree.Node);
      } else if (child && typeof child === "object" && "type" in child) {
        visit(child as TSESTree.Node);
      }
    }
  };
  for (const statement of fn.body.body) visit(statement);
  return values;
}

/** The children of statements through which a `return` of the same function can be reached (no expression holds one). */
const STATEMENT_CHILD_KEYS = ["body", "consequent", "alternate", "block", "handler", "finalizer", "cases"] as const;

function destructuredKey(pattern: TSESTree.ObjectPattern, localName: string): string | undefined {
  for (const property of pattern.properties) {
    if (property.type !== "Property") continue;
    const value = property.value.type === "AssignmentPattern" ? property.value.left : property.value;
    if (value.type === "Identifier" && value.name === localName) return staticName(property.key, property.computed);
  }
  return undefined;
}

/** `declare const x: T` (also `let`/`var`): a type for a value something else provides (the entry gate asks too). */
export function isAmbientVariable(def: Scope.Definition): boolean {
  return def.type === "Variable" && def.parent?.type === "VariableDeclaration" && def.parent.declare === true;
}
