// Classes resolved from a dependency-injection container other than NestJS (tsyringe, inversify: the
// table in knowledge/di-containers.ts): which call resolves which class of this file, and whether the
// container makes a new instance on every resolve or one for the container. Read by the SDK model (a
// tracer held by a shared instance: `container.resolve(Tracing).tracer`) and by tracer-init (a class
// made per resolve, resolved inside a handler, runs its field initializers per request). Classes of
// this file only; a token bound in another module is not followed.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { findProperty, memberName, optionIsTrue, staticName, unwrapExpression } from "./ast.js";
import { AttachedCache } from "./attached-cache.js";
import { getAnalysisContext, type AnalysisContext } from "./context.js";
import type { AnalysisInput } from "./input.js";
import { DI_CONTAINERS, type DiContainerDescriptor, type DiLifetime } from "./knowledge/di-containers.js";
import { nodesOfType } from "./nodes.js";
import type { ValueSpecifier } from "./knowledge/types.js";
import { originMatches, packagesWritten } from "./value-specifier.js";

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** A call that resolves a class of this file from a container (`container.resolve(Tracing)`). */
export interface DiResolution {
  readonly call: TSESTree.CallExpression;
  readonly owner: ClassNode;
  readonly lifetime: DiLifetime;
  readonly descriptor: DiContainerDescriptor;
}

interface DiModel {
  readonly byCall: ReadonlyMap<TSESTree.CallExpression, DiResolution>;
  readonly byClass: ReadonlyMap<ClassNode, readonly DiResolution[]>;
}

const EMPTY: DiModel = { byCall: new Map(), byClass: new Map() };
const models = new AttachedCache<TSESTree.Program, DiModel>("honeyhive.diContainers");

const packagesOf = (spec: ValueSpecifier | undefined): readonly string[] => (spec === undefined ? [] : packagesWritten(spec.package));
const matches = originMatches;

/** The resolution `call` is, if it resolves a class of this file from a known container. */
export function diResolutionOf(input: AnalysisInput, call: TSESTree.Node): DiResolution | undefined {
  return call.type === AST_NODE_TYPES.CallExpression ? modelOf(input).byCall.get(call) : undefined;
}

/** Every call of the file resolving `owner` from a known container. */
export function diResolutionsOf(input: AnalysisInput, owner: TSESTree.Node): readonly DiResolution[] {
  return modelOf(input).byClass.get(owner as ClassNode) ?? [];
}

function modelOf(input: AnalysisInput): DiModel {
  return models.getOrCompute(input.ast, () => build(input), EMPTY);
}

function build(input: AnalysisInput): DiModel {
  const context = getAnalysisContext(input);
  const descriptors = DI_CONTAINERS.filter((descriptor) =>
    [...packagesOf(descriptor.containers), ...packagesOf(descriptor.containerClasses)].some((module) => context.importedModules.has(module)),
  );
  if (descriptors.length === 0) return EMPTY;
  const byCall = new Map<TSESTree.CallExpression, DiResolution>();
  const byClass = new Map<ClassNode, DiResolution[]>();
  const calls = nodesOfType(input.ast, AST_NODE_TYPES.CallExpression);
  for (const descriptor of descriptors) {
    const reader = new ContainerReader(context, descriptor);
    // Registrations first (they override a decorator), then the resolve calls.
    const registered = new Map<ClassNode, DiLifetime>();
    const tokens = new Map<string, ClassNode>();
    for (const call of calls) reader.readRegistration(call, registered, tokens);
    for (const call of calls) {
      const callee = unwrapExpression(call.callee);
      if (callee?.type !== AST_NODE_TYPES.MemberExpression || !descriptor.resolveMethods.includes(memberName(callee) ?? "") || !reader.isContainer(callee.object)) continue;
      const [argument] = call.arguments;
      const owner = (argument && reader.classOf(argument)) ?? (argument && tokens.get(tokenKey(argument) ?? ""));
      if (!owner) continue;
      const lifetime = registered.get(owner) ?? reader.decoratedLifetime(owner) ?? descriptor.defaultLifetime;
      const resolution: DiResolution = { call, owner, lifetime, descriptor };
      byCall.set(call, resolution);
      const list = byClass.get(owner);
      if (list) list.push(resolution);
      else byClass.set(owner, [resolution]);
    }
  }
  return { byCall, byClass };
}

/** A token's key: a string literal's value, or an identifier's name (a `Symbol.for` const, a class). */
function tokenKey(node: TSESTree.Node): string | undefined {
  const value = unwrapExpression(node);
  if (value?.type === AST_NODE_TYPES.Literal && typeof value.value === "string") return `"${value.value}`;
  return value?.type === AST_NODE_TYPES.Identifier ? value.name : undefined;
}

class ContainerReader {
  constructor(
    private readonly context: AnalysisContext,
    private readonly descriptor: DiContainerDescriptor,
  ) {}

  /** `container` of tsyringe, or a never-reassigned `const c = new Container()` of inversify. */
  isContainer(node: TSESTree.Node): boolean {
    const target = unwrapExpression(node);
    if (target?.type !== AST_NODE_TYPES.Identifier) return false;
    const { bindings } = this.context;
    const { containers, containerClasses } = this.descriptor;
    if (containers && matches(bindings.originOf(target), containers)) return true;
    if (!containerClasses) return false;
    const made = unwrapExpression(bindings.valueOf(target));
    return made?.type === AST_NODE_TYPES.NewExpression && matches(bindings.originOf(made.callee), containerClasses);
  }

  /** The class of this file `node` names. */
  classOf(node: TSESTree.Node): ClassNode | undefined {
    const target = unwrapExpression(node);
    if (target?.type !== AST_NODE_TYPES.Identifier) return undefined;
    const def = this.context.bindings.variableOf(target)?.defs[0];
    if (def?.type === "ClassName" && (def.node.type === AST_NODE_TYPES.ClassDeclaration || def.node.type === AST_NODE_TYPES.ClassExpression)) return def.node;
    // `const Tracing = class { … }`
    const value = def?.type === "Variable" ? unwrapExpression(def.node.init) : undefined;
    return value?.type === AST_NODE_TYPES.ClassExpression ? value : undefined;
  }

  /** The lifetime a class decorator of the package sets (`@singleton()`, `@scoped(Lifecycle.ResolutionScoped)`). */
  decoratedLifetime(owner: ClassNode): DiLifetime | undefined {
    const { lifetimeDecorators, scopedDecorator, decoratorOptions } = this.descriptor;
    for (const decorator of owner.decorators) {
      const call = unwrapExpression(decorator.expression);
      const callee = call?.type === AST_NODE_TYPES.CallExpression ? call.callee : call;
      const name = callee ? this.packageExportName(callee) : undefined;
      if (name === undefined) continue;
      // `@Service({ transient: true })`: an option that changes the decorator's lifetime.
      const option = decoratorOptions && Object.hasOwn(decoratorOptions, name) ? decoratorOptions[name] : undefined;
      if (option && call?.type === AST_NODE_TYPES.CallExpression && optionIsTrue(call.arguments[0], option.key)) return option.whenTrue;
      if (lifetimeDecorators && Object.hasOwn(lifetimeDecorators, name)) return lifetimeDecorators[name];
      if (scopedDecorator?.name === name && call?.type === AST_NODE_TYPES.CallExpression) {
        const lifetime = this.lifecycleMember(call.arguments[0]);
        if (lifetime) return lifetime;
      }
    }
    return undefined;
  }

  /**
   * Registrations with a lifetime: `container.registerSingleton(Tracing)`, `container.register(Token,
   * { useClass: Tracing }, { lifecycle: Lifecycle.Singleton })`, `container.bind(Token).to(Tracing)
   * .inSingletonScope()` (a token bound to a class is remembered for `get(Token)`).
   */
  readRegistration(call: TSESTree.CallExpression, registered: Map<ClassNode, DiLifetime>, tokens: Map<string, ClassNode>): void {
    const callee = unwrapExpression(call.callee);
    if (callee?.type !== AST_NODE_TYPES.MemberExpression || !this.isContainer(callee.object)) return;
    const method = memberName(callee);
    if (method === undefined) return;
    const { registerMethods, binding, scopedDecorator } = this.descriptor;
    const [first, second, third] = call.arguments;
    if (registerMethods && Object.hasOwn(registerMethods, method)) {
      const owner = (second && this.classOf(second)) ?? (first && this.classOf(first));
      if (owner) registered.set(owner, registerMethods[method]!);
      if (owner && first) this.remember(tokens, first, owner);
      return;
    }
    if (method === "register" && scopedDecorator && first && second) {
      const provider = unwrapExpression(second);
      const useClass = provider?.type === AST_NODE_TYPES.ObjectExpression ? findProperty(provider, "useClass")?.value : second;
      const owner = useClass ? this.classOf(useClass) : undefined;
      if (!owner) return;
      const options = unwrapExpression(third);
      const lifecycle = options?.type === AST_NODE_TYPES.ObjectExpression ? findProperty(options, "lifecycle")?.value : undefined;
      registered.set(owner, (lifecycle && this.lifecycleMember(lifecycle)) ?? "perResolve");
      this.remember(tokens, first, owner);
      return;
    }
    if (binding?.method !== method || !first) return;
    // Walk the fluent chain: `.to(Class)` / `.toSelf()`, then a scope method.
    let owner: ClassNode | undefined;
    let lifetime: DiLifetime | undefined;
    for (let node: TSESTree.Node = call; ; ) {
      const member: TSESTree.Node | undefined = node.parent;
      const next: TSESTree.Node | undefined = member?.type === AST_NODE_TYPES.MemberExpression && member.object === node ? member.parent : undefined;
      if (next?.type !== AST_NODE_TYPES.CallExpression || next.callee !== member) break;
      const name = memberName(member) ?? "";
      if (binding.toSelf.includes(name)) owner = this.classOf(first);
      else if (binding.toClass.includes(name) && next.arguments[0]) owner = this.classOf(next.arguments[0]);
      else if (Object.hasOwn(binding.scopes, name)) lifetime = binding.scopes[name];
      node = next;
    }
    if (!owner) return;
    registered.set(owner, lifetime ?? this.descriptor.defaultLifetime);
    this.remember(tokens, first, owner);
  }

  private remember(tokens: Map<string, ClassNode>, token: TSESTree.Node, owner: ClassNode): void {
    const key = tokenKey(token);
    if (key !== undefined) tokens.set(key, owner);
  }

  /** `Lifecycle.Singleton` (the package's enum member) → its lifetime. */
  private lifecycleMember(node: TSESTree.Node | undefined): DiLifetime | undefined {
    const member = unwrapExpression(node);
    if (member?.type !== AST_NODE_TYPES.MemberExpression || !this.packageExportName(member.object)) return undefined;
    const name = staticName(member.property, member.computed);
    const members = this.descriptor.scopedDecorator?.members;
    return name !== undefined && members && Object.hasOwn(members, name) ? members[name] : undefined;
  }

  /** The export name `node` is bound to, when it comes from one of the descriptor's packages. */
  private packageExportName(node: TSESTree.Node): string | undefined {
    const origin = this.context.bindings.originOf(node);
    const packages = [...packagesOf(this.descriptor.containers), ...packagesOf(this.descriptor.containerClasses)];
    return origin && packages.includes(origin.module) && origin.path.length === 1 ? origin.path[0] : undefined;
  }
}
