// The one binding resolver of the analysis core: which module (and which property path of it) a name
// or expression comes from, through ESM imports (default, named, renamed, namespace), CommonJS
// `require` (also destructured), TypeScript's `import x = require()`, local aliases (`const R =
// express.Router`) and member chains. Shadowing is decided once, by scope-manager: a local function
// called `express` resolves to itself, never to the package.
import type { TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { isFunctionNode, staticName, unwrapExpression, type FunctionNode } from "./ast.js";

/** A value reached from a module: `{ module: "express", path: ["Router"] }` for `express.Router`. */
export interface ModuleOrigin {
  readonly module: string;
  /** Property path from the module value; the default export and the CommonJS value are `[]`. */
  readonly path: readonly string[];
}

/** How many call wrappers (`asyncHandler(trace(fn))`) `functionsOf` looks through. */
const MAX_WRAPPER_DEPTH = 4;

/** The value-bearing node under `await`, `as`, `!`, `satisfies`, optional chains. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  return unwrapExpression(node) ?? node;
}

/** The dotted name of an origin's path, with a leading `default` dropped (`import x from` ≡ `require()`). */
export function originName(origin: ModuleOrigin): string {
  const path = origin.path[0] === "default" ? origin.path.slice(1) : origin.path;
  return path.join(".");
}

export class Bindings {
  private readonly variableByIdentifier = new Map<TSESTree.Identifier, Scope.Variable | null>();

  constructor(scopeManager: Scope.ScopeManager) {
    for (const scope of scopeManager.scopes) {
      for (const variable of scope.variables) {
        for (const identifier of variable.identifiers) this.variableByIdentifier.set(identifier, variable);
      }
      for (const reference of scope.references) {
        if (!this.variableByIdentifier.has(reference.identifier as TSESTree.Identifier)) {
          this.variableByIdentifier.set(reference.identifier as TSESTree.Identifier, reference.resolved);
        }
      }
    }
  }

  /** The variable an identifier declares or refers to; `null` for an unresolved global. */
  variableOf(identifier: TSESTree.Identifier): Scope.Variable | null | undefined {
    return this.variableByIdentifier.get(identifier);
  }

  /** True for a reference to a global that no declaration in the file shadows (`module`, `exports`, `require`, `Bun`). */
  isGlobal(identifier: TSESTree.Identifier): boolean {
    const variable = this.variableOf(identifier);
    return variable === null || (variable !== undefined && variable.defs.length === 0);
  }

  /** Which module (and which property path of it) an expression or type name comes from. */
  originOf(node: TSESTree.Node, seen = new Set<Scope.Variable>()): ModuleOrigin | undefined {
    const target = unwrap(node);
    switch (target.type) {
      case "Identifier":
        return this.originOfIdentifier(target, seen);
      case "MemberExpression": {
        const name = staticName(target.property, target.computed);
        const base = name === undefined ? undefined : this.originOf(target.object, seen);
        return base && name !== undefined ? { module: base.module, path: [...base.path, name] } : undefined;
      }
      case "TSQualifiedName": {
        const base = this.originOf(target.left, seen);
        return base ? { module: base.module, path: [...base.path, target.right.name] } : undefined;
      }
      case "CallExpression": {
        const source = target.arguments[0];
        if (
          target.callee.type === "Identifier" &&
          target.callee.name === "require" &&
          this.isGlobal(target.callee) &&
          source?.type === "Literal" &&
          typeof source.value === "string"
        ) {
          return { module: source.value, path: [] };
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  private originOfIdentifier(identifier: TSESTree.Identifier, seen: Set<Scope.Variable>): ModuleOrigin | undefined {
    const variable = this.variableOf(identifier);
    if (!variable || seen.has(variable)) return undefined;
    seen.add(variable);
    for (const def of variable.defs) {
      if (def.type === "ImportBinding") {
        const specifier = def.node;
        if (specifier.type === "TSImportEqualsDeclaration") {
          const reference = specifier.moduleReference;
          if (reference.type === "TSExternalModuleReference" && reference.expression.type === "Literal") {
            return { module: String(reference.expression.value), path: [] };
          }
          continue;
        }
        const declaration = def.parent as TSESTree.ImportDeclaration;
        const module = declaration.source.value;
        if (specifier.type === "ImportSpecifier") {
          const imported = specifier.imported.type === "Identifier" ? specifier.imported.name : specifier.imported.value;
          return { module, path: imported === "default" ? [] : [imported] };
        }
        return { module, path: [] };
      }
      if (def.type === "Variable" && def.node.type === "VariableDeclarator" && def.node.init) {
        const { id, init } = def.node;
        if (id.type === "Identifier") return this.originOf(init, seen);
        if (id.type === "ObjectPattern") {
          const key = destructuredKey(id, identifier.name);
          const base = key === undefined ? undefined : this.originOf(init, seen);
          if (base && key !== undefined) return { module: base.module, path: [...base.path, key] };
        }
      }
    }
    return undefined;
  }

  /**
   * The functions an argument stands for: inline, by name (a `const` or a function declaration, not a
   * reassigned variable), inside arrays, or inside wrapper calls (`asyncHandler(fn)`).
   */
  functionsOf(node: TSESTree.Node | null | undefined, depth = 0, seen = new Set<Scope.Variable>()): FunctionNode[] {
    if (!node || depth > MAX_WRAPPER_DEPTH) return [];
    const target = unwrap(node);
    if (isFunctionNode(target)) return [target];
    if (target.type === "ArrayExpression") {
      return target.elements.flatMap((element) => (element ? this.functionsOf(element, depth + 1, seen) : []));
    }
    if (target.type === "CallExpression") {
      return target.arguments.flatMap((argument) => this.functionsOf(argument, depth + 1, seen));
    }
    if (target.type === "Identifier") {
      const init = this.constantValueOf(target, seen);
      return init ? this.functionsOf(init, depth + 1, seen) : [];
    }
    return [];
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

function destructuredKey(pattern: TSESTree.ObjectPattern, localName: string): string | undefined {
  for (const property of pattern.properties) {
    if (property.type !== "Property") continue;
    const value = property.value.type === "AssignmentPattern" ? property.value.left : property.value;
    if (value.type === "Identifier" && value.name === localName) return staticName(property.key, property.computed);
  }
  return undefined;
}
