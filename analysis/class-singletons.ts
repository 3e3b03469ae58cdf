// The one instance a class keeps of itself (or of another class of the file): the singleton shapes a file
// writes without a DI container. Read by the SDK model (`Observability.instance.tracer`,
// `Observability.getInstance().tracer`: analysis/sdk-model.ts `holderMemberTracer`) and by the module facts
// (`export const obs = Observability.getInstance()`: analysis/honeyhive-1x.ts `tracerHoldersOf`).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { findVariable, isFunctionNode, memberName, staticName, unwrapExpression } from "./ast.js";
import type { AnalysisInput } from "./input.js";
import { nodesOfType } from "./nodes.js";

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * The class of the one instance `expression` yields every time it runs, for the shapes a class writes to keep
 * one instance: a static field every write of which is `new C()` (`static readonly instance = new Obs()`,
 * `static #instance?: Obs` filled by `Obs.#instance ??= new Obs()` or `if (!Obs.instance) Obs.instance = new
 * Obs()`; a write of `undefined`/`null`, a reset, is no other instance), that assignment itself, and an
 * argument-less static method or getter every return of which is one of these (`static getInstance() {
 * return (this.instance ??= new Obs()); }`). A static method returning `new Obs()` makes one per call (a
 * factory): undefined, as for anything else.
 */
export function singletonClassOf(input: AnalysisInput, expression: TSESTree.Node, depth = 0): ClassNode | undefined {
  const value = unwrapExpression(expression);
  if (!value || depth > 3) return undefined;
  if (value.type === AST_NODE_TYPES.AssignmentExpression) return staticFieldOf(input, value.left)?.instanceClass();
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const field = staticFieldOf(input, value);
    if (field) return field.instanceClass();
    const getter = staticMember(input, value, "get");
    return getter && returnedSingleton(input, getter, depth);
  }
  if (value.type === AST_NODE_TYPES.CallExpression && value.arguments.length === 0) {
    const method = staticMember(input, unwrapExpression(value.callee), "method");
    return method && returnedSingleton(input, method, depth);
  }
  return undefined;
}

/**
 * The class of the file a name stands for: a class declaration's or a named class expression's own name, or a
 * `const` holding a class expression (`const Obs = class { … }`, `export const Obs = class …`), which no other
 * write can make another class.
 */
export function classNamedBy(input: AnalysisInput, name: TSESTree.Identifier): ClassNode | undefined {
  const def = findVariable(input.scopeManager, name, name.name)?.defs[0];
  if (def?.type === "ClassName") return def.node;
  if (def?.type !== "Variable" || def.parent?.kind !== "const" || def.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const value = unwrapExpression(def.node.init);
  return value?.type === AST_NODE_TYPES.ClassExpression ? value : undefined;
}

/** The class a static receiver names: a class of the file by its name (`Obs.x`), or `this` in a static member of one. */
function staticReceiverClass(input: AnalysisInput, node: TSESTree.Node | undefined): ClassNode | undefined {
  const receiver = unwrapExpression(node);
  if (receiver?.type === AST_NODE_TYPES.Identifier) return classNamedBy(input, receiver);
  if (receiver?.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  // `this` in a static method, getter or static field initializer of the class (an arrow function keeps it).
  for (let current: TSESTree.Node | undefined = receiver.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      const member = current.parent;
      return member?.type === AST_NODE_TYPES.MethodDefinition && member.static ? classOfElement(member) : undefined;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.StaticBlock) return current.type === AST_NODE_TYPES.StaticBlock || current.static ? classOfElement(current) : undefined;
  }
  return undefined;
}

function classOfElement(element: TSESTree.Node): ClassNode | undefined {
  const owner = element.parent?.parent;
  return owner?.type === AST_NODE_TYPES.ClassDeclaration || owner?.type === AST_NODE_TYPES.ClassExpression ? owner : undefined;
}

/** `Obs.instance` / `this.#instance` naming a static field of a class of the file, with the class every write to it makes. */
function staticFieldOf(input: AnalysisInput, node: TSESTree.Node): { readonly instanceClass: () => ClassNode | undefined } | undefined {
  const target = unwrapExpression(node);
  if (target?.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(target);
  const owner = name === undefined ? undefined : staticReceiverClass(input, target.object);
  const field = owner?.body.body.find((element): element is TSESTree.PropertyDefinition => element.type === AST_NODE_TYPES.PropertyDefinition && element.static && staticName(element.key, element.computed) === name);
  if (!owner || !field) return undefined;
  return { instanceClass: () => fieldInstanceClass(input, owner, field) };
}

function fieldInstanceClass(input: AnalysisInput, owner: ClassNode, field: TSESTree.PropertyDefinition): ClassNode | undefined {
  const name = staticName(field.key, field.computed);
  const values: TSESTree.Node[] = field.value ? [field.value] : [];
  for (const assignment of nodesOfType(input.ast, AST_NODE_TYPES.AssignmentExpression)) {
    const left = assignment.left;
    if (left.type === AST_NODE_TYPES.MemberExpression && memberName(left) === name && staticReceiverClass(input, left.object) === owner) values.push(assignment.right);
  }
  let made: ClassNode | undefined;
  for (const value of values) {
    const written = unwrapExpression(value);
    if (isReset(written)) continue;
    const created = written?.type === AST_NODE_TYPES.NewExpression ? unwrapExpression(written.callee) : undefined;
    // `new Obs()` by the class's name, or `new this()` in a static member of the class.
    const owned = created?.type === AST_NODE_TYPES.Identifier ? classNamedBy(input, created) : created?.type === AST_NODE_TYPES.ThisExpression ? staticReceiverClass(input, created) : undefined;
    if (!owned || (made !== undefined && made !== owned)) return undefined;
    made = owned;
  }
  return made;
}

function isReset(value: TSESTree.Node | undefined): boolean {
  return (value?.type === AST_NODE_TYPES.Identifier && value.name === "undefined") || (value?.type === AST_NODE_TYPES.Literal && value.value === null);
}

/** The argument-less static method (`kind: "method"`) or getter named by `Obs.getInstance` / `Obs.instance`. */
function staticMember(input: AnalysisInput, node: TSESTree.Node | undefined, kind: "method" | "get"): TSESTree.FunctionExpression | undefined {
  if (node?.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(node);
  const owner = name === undefined ? undefined : staticReceiverClass(input, node.object);
  const member = owner?.body.body.find((element): element is TSESTree.MethodDefinition => element.type === AST_NODE_TYPES.MethodDefinition && element.static && element.kind === kind && staticName(element.key, element.computed) === name);
  return member?.value.type === AST_NODE_TYPES.FunctionExpression && member.value.params.length === 0 ? member.value : undefined;
}

/** The class every return of `fn` yields the one instance of (`singletonClassOf`), when all agree. */
function returnedSingleton(input: AnalysisInput, fn: TSESTree.FunctionExpression, depth: number): ClassNode | undefined {
  let made: ClassNode | undefined;
  for (const argument of returnedValues(fn.body)) {
    const instance = argument && singletonClassOf(input, argument, depth + 1);
    if (!instance || (made !== undefined && made !== instance)) return undefined;
    made = instance;
  }
  return made;
}

/** The arguments of the return statements of a function body, not of the functions nested in it. */
function returnedValues(node: TSESTree.Node): (TSESTree.Expression | null)[] {
  const found: (TSESTree.Expression | null)[] = [];
  const visit = (current: TSESTree.Node): void => {
    if (current.type === AST_NODE_TYPES.ReturnStatement) {
      found.push(current.argument);
      return;
    }
    for (const child of statementChildren(current)) if (!isFunctionNode(child) && child.type !== AST_NODE_TYPES.ClassDeclaration) visit(child);
  };
  visit(node);
  return found;
}

/** The statements a statement holds (returns sit in statements only; expressions are not walked). */
function statementChildren(node: TSESTree.Node): readonly TSESTree.Node[] {
  switch (node.type) {
    case AST_NODE_TYPES.BlockStatement:
      return node.body;
    case AST_NODE_TYPES.IfStatement:
      return node.alternate ? [node.consequent, node.alternate] : [node.consequent];
    case AST_NODE_TYPES.TryStatement:
      return [node.block, ...(node.handler ? [node.handler.body] : []), ...(node.finalizer ? [node.finalizer] : [])];
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.LabeledStatement:
      return [node.body];
    case AST_NODE_TYPES.SwitchStatement:
      return node.cases.flatMap((branch) => branch.consequent);
    default:
      return [];
  }
}

/**
 * The static members of `owner` that give its one instance (`singletonClassOf` on `Owner.<member>` yields `owner`),
 * as an importer writes them: a field or getter by its name (`instance`), an argument-less method with `()`
 * (`getInstance()`). Private names are left out (an importer cannot read them). For a module's `tracerHolders` fact
 * (analysis/honeyhive-1x.ts `tracerHoldersOf`), read by importers as `Obs.getInstance().tracer`.
 */
export function singletonAccessesOf(input: AnalysisInput, owner: ClassNode): string[] {
  const accesses: string[] = [];
  for (const element of owner.body.body) {
    if ((element.type !== AST_NODE_TYPES.PropertyDefinition && element.type !== AST_NODE_TYPES.MethodDefinition) || !element.static || element.key.type === AST_NODE_TYPES.PrivateIdentifier) continue;
    const name = staticName(element.key, element.computed);
    if (name === undefined) continue;
    if (element.type === AST_NODE_TYPES.PropertyDefinition) {
      if (fieldInstanceClass(input, owner, element) === owner) accesses.push(name);
    } else if ((element.kind === "get" || element.kind === "method") && element.value.type === AST_NODE_TYPES.FunctionExpression && element.value.params.length === 0) {
      if (returnedSingleton(input, element.value, 0) === owner) accesses.push(element.kind === "get" ? name : `${name}()`);
    }
  }
  return accesses;
}
