// Dependency-injection containers other than NestJS (whose scopes its descriptor reads: frameworks/
// nestjs.ts): how a class's instance lives. A class whose instance the container makes on every resolve
// (`container.resolve(Tracing)` of a tsyringe `@injectable()` class, `container.get(Tracing)` of an
// inversify transient binding), resolved inside a handler, runs its field initializers and constructor
// per request; one the container makes once (`@singleton()`, `inSingletonScope()`) is a module-level
// instance whose tracer every request shares. Read by analysis/di-containers.ts.

import type { ValueSpecifier } from "./types.js";

/** How long a resolved instance lives: made on every resolve call, or once for the container. */
export type DiLifetime = "perResolve" | "shared";

export interface DiContainerDescriptor {
  readonly id: string;
  /** How messages name a class the container makes per resolve. */
  readonly perResolveClass: string;
  /** A container value exported by the package (tsyringe's global `container`). */
  readonly containers?: ValueSpecifier;
  /** A class whose instances are containers (`new Container()`). */
  readonly containerClasses?: ValueSpecifier;
  /** Methods of a container that return an instance of the class (or token) they are given. */
  readonly resolveMethods: readonly string[];
  /** What a class that is neither decorated with a lifetime nor bound with one gets. */
  readonly defaultLifetime: DiLifetime;
  /** Class decorators of the package that set the lifetime (`@singleton()`), by exported name. */
  readonly lifetimeDecorators?: Readonly<Record<string, DiLifetime>>;
  /**
   * A lifetime decorator whose options object can change the lifetime its `lifetimeDecorators` entry gives: the
   * option's key and the lifetime it gives when written `true` (TypeDI's `@Service({ transient: true })`).
   */
  readonly decoratorOptions?: Readonly<Record<string, { readonly key: string; readonly whenTrue: DiLifetime }>>;
  /** A class decorator taking a lifecycle enum member (`@scoped(Lifecycle.ResolutionScoped)`), and those members. */
  readonly scopedDecorator?: { readonly name: string; readonly members: Readonly<Record<string, DiLifetime>> };
  /** Container methods registering a class with a lifetime of their own (`registerSingleton(Tracing)`). */
  readonly registerMethods?: Readonly<Record<string, DiLifetime>>;
  /**
   * Fluent bindings (`container.bind(Token).to(Class).inSingletonScope()`): the binding method, the
   * methods naming the class (`toSelf` names the token itself), and the scope methods.
   */
  readonly binding?: {
    readonly method: string;
    readonly toClass: readonly string[];
    readonly toSelf: readonly string[];
    readonly scopes: Readonly<Record<string, DiLifetime>>;
  };
  /** Where the table was checked. */
  readonly verifiedAt: string;
}

export const DI_CONTAINERS: readonly DiContainerDescriptor[] = [
  {
    id: "tsyringe",
    perResolveClass: "tsyringe class (a new instance per `resolve`)",
    containers: { package: "tsyringe", name: "container" },
    resolveMethods: ["resolve"],
    // An undecorated class resolves too (a new instance each time, as `register`'s default `Lifecycle.Transient`).
    defaultLifetime: "perResolve",
    lifetimeDecorators: { injectable: "perResolve", autoInjectable: "perResolve", singleton: "shared" },
    // `ResolutionScoped`: one instance per resolve call (shared within that call's graph only);
    // `ContainerScoped`: one per container (a child container per request is not followed: taken as shared).
    scopedDecorator: { name: "scoped", members: { Transient: "perResolve", ResolutionScoped: "perResolve", ContainerScoped: "shared", Singleton: "shared" } },
    registerMethods: { registerSingleton: "shared" },
    verifiedAt:
      "tsyringe 4.10.0 on unpkg (dist/esm2015/dependency-container.js: `register(token, provider, options = { lifecycle: Lifecycle.Transient })`; types/lifecycle.js: Transient, Singleton, ResolutionScoped, ContainerScoped) and its README (`@injectable()`, `@singleton()`, `@scoped(lifecycle)`, `registerSingleton`)",
  },
  {
    id: "inversify",
    perResolveClass: "inversify class bound in transient or request scope (a new instance per `get`)",
    containerClasses: { package: ["inversify", "@inversifyjs/container"], name: "Container" },
    resolveMethods: ["get", "getAsync", "resolve"],
    defaultLifetime: "perResolve",
    binding: {
      method: "bind",
      toClass: ["to"],
      toSelf: ["toSelf"],
      // `inRequestScope()`: one instance per `container.get` call (its whole resolution), a new one on the next.
      scopes: { inTransientScope: "perResolve", inRequestScope: "perResolve", inSingletonScope: "shared" },
    },
    verifiedAt:
      "InversifyJS wiki/scope.md ('InversifyJS uses transient scope by default', inTransientScope/inSingletonScope/inRequestScope), inversify.io/docs/6.x/fundamentals/binding (request scope: the same value within one `container.get`), inversify@6.0.2 syntax/binding_in_syntax.js on unpkg",
  },
  {
    id: "typedi",
    perResolveClass: "TypeDI transient service (a new instance per `Container.get`)",
    containers: { package: "typedi", name: "Container" },
    resolveMethods: ["get"],
    // `Container.get(X)` of a class registered without `@Service()` is not the documented use; taken as the default.
    defaultLifetime: "shared",
    lifetimeDecorators: { Service: "shared" },
    decoratorOptions: { Service: { key: "transient", whenTrue: "perResolve" } },
    verifiedAt:
      "typestack/typedi docs/typescript/02-basic-usage-guide.md ('Singleton vs transient classes': 'Every registered service by default is a singleton. Meaning repeated calls to `Container.get(MyClass)` will return the same instance … a class can be marked as `transient` via the `@Service()` decorator', `@Service({ transient: true })`, `Container.get()`), read with the search tool 2026-12-06 (blind-11)",
  },
];
