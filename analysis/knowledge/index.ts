// The registry of what the analysis knows about the world, and its index: built once per process,
// keyed by module specifier, so that the handler engine reads only the descriptors of the modules a
// file imports (plus the few that are keyed by file path, directive or global name instead).
import { apolloServer, apolloServerContext } from "./frameworks/apollo-server.js";
import { graphqlCodegen } from "./frameworks/graphql-codegen.js";
import { astro, astroActions } from "./frameworks/astro.js";
import { awsLambda } from "./frameworks/aws-lambda.js";
import { azureFunctions as azureFunctionsFramework } from "./frameworks/azure-functions.js";
import { bunDeno } from "./frameworks/bun-deno.js";
import { cloudflarePagesFunctions } from "./frameworks/cloudflare-pages.js";
import { cloudflareWorkers as cloudflareWorkersFramework, cloudflareWorkersServiceWorker } from "./frameworks/cloudflare-workers.js";
import { elysia } from "./frameworks/elysia.js";
import { express } from "./frameworks/express.js";
import { firebaseFunctions } from "./frameworks/firebase-functions.js";
import { gcpFunctions as gcpFunctionsFramework } from "./frameworks/gcp-functions.js";
import { graphqlYoga } from "./frameworks/graphql-yoga.js";
import { h3, nitroPlugins } from "./frameworks/h3.js";
import { hapi } from "./frameworks/hapi.js";
import { mercurius } from "./frameworks/mercurius.js";
import { netlifyEdgeFunctions, netlifyFunctions } from "./frameworks/netlify.js";
import { googlePubSub, queues } from "./frameworks/queues.js";
import { amqplib } from "./frameworks/amqplib.js";
import { inngest } from "./frameworks/inngest.js";
import { convex, convexAction, convexInternal, convexInternalAction } from "./frameworks/convex.js";
import { mcp } from "./frameworks/mcp.js";
import { agentTools, langGraph } from "./frameworks/agent-tools.js";
import { temporal } from "./frameworks/temporal.js";
import { pothos } from "./frameworks/pothos.js";
import { triggerDev } from "./frameworks/trigger-dev.js";
import { remix } from "./frameworks/remix.js";
import { restify } from "./frameworks/restify.js";
import { slackBolt } from "./frameworks/slack-bolt.js";
import { sveltekit } from "./frameworks/sveltekit.js";
import { tanstackStart } from "./frameworks/tanstack-start.js";
import { trpc, trpcContext } from "./frameworks/trpc.js";
import { typeGraphql } from "./frameworks/type-graphql.js";
import { fastify } from "./frameworks/fastify.js";
import { hono } from "./frameworks/hono.js";
import { koa } from "./frameworks/koa.js";
import { oak } from "./frameworks/oak.js";
import { nestjs } from "./frameworks/nestjs.js";
import { nextjs, nextjsServerActions } from "./frameworks/nextjs.js";
import { nodeHttp } from "./frameworks/node-http.js";
import { vercel } from "./frameworks/vercel.js";
import { socketIo, ws } from "./frameworks/websockets.js";
import { discordJs, grammy, telegraf } from "./frameworks/chat-bots.js";
import { connectRpc, electronIpc, grpcJs } from "./frameworks/rpc.js";
import { agenda, graphileWorker, nats, nodeCron, pgBoss, workerThreads } from "./frameworks/job-runners.js";
import { adonisjs, feathers, moleculer, qwikCity, solidStart, solidStartServerFunctions } from "./frameworks/service-frameworks.js";
import { eggjs, encore, loopback, midway, uWebSockets } from "./frameworks/controller-frameworks.js";
import { appwriteFunctions } from "./frameworks/appwrite-functions.js";
import type { CallRegistration, FrameworkDescriptor, GlobalRegistration, ObjectKind, PluginRegistration } from "./types.js";

/**
 * Every framework descriptor, in the order the engine consults them (a function registered by two
 * keeps the first). AWS Lambda comes last: its exports count only where nothing else claimed them.
 */
export const FRAMEWORKS: readonly FrameworkDescriptor[] = [
  express,
  koa,
  oak,
  fastify,
  hono,
  nodeHttp,
  nestjs,
  nextjs,
  nextjsServerActions,
  solidStartServerFunctions,
  h3,
  nitroPlugins,
  sveltekit,
  remix,
  tanstackStart,
  astro,
  astroActions,
  elysia,
  hapi,
  restify,
  trpc,
  trpcContext,
  apolloServer,
  apolloServerContext,
  graphqlCodegen,
  graphqlYoga,
  mercurius,
  typeGraphql,
  pothos,
  queues,
  amqplib,
  googlePubSub,
  socketIo,
  ws,
  slackBolt,
  gcpFunctionsFramework,
  firebaseFunctions,
  azureFunctionsFramework,
  netlifyFunctions,
  netlifyEdgeFunctions,
  vercel,
  cloudflareWorkersFramework,
  cloudflareWorkersServiceWorker,
  cloudflarePagesFunctions,
  bunDeno,
  mcp,
  agentTools,
  langGraph,
  inngest,
  convex,
  convexInternal,
  convexAction,
  convexInternalAction,
  temporal,
  triggerDev,
  discordJs,
  grammy,
  telegraf,
  grpcJs,
  connectRpc,
  electronIpc,
  pgBoss,
  graphileWorker,
  agenda,
  nodeCron,
  nats,
  workerThreads,
  adonisjs,
  feathers,
  moleculer,
  qwikCity,
  solidStart,
  eggjs,
  midway,
  loopback,
  encore,
  uWebSockets,
  appwriteFunctions,
  awsLambda,
];

/** Every serverless platform that stops the work after the response. */
export { PLATFORMS } from "./platforms/index.js";

export interface KnowledgeIndex {
  /** Module specifier → the descriptors that name it, in registry order. */
  readonly byModule: ReadonlyMap<string, readonly FrameworkDescriptor[]>;
  /** `"@nestjs/*"`-style entries: prefix → descriptors. */
  readonly byPrefix: ReadonlyArray<readonly [string, FrameworkDescriptor]>;
  /** `modulePatterns` entries: pattern → descriptor. */
  readonly byPattern: ReadonlyArray<readonly [RegExp, FrameworkDescriptor]>;
  readonly withFiles: readonly FrameworkDescriptor[];
  readonly withPathHooks: readonly FrameworkDescriptor[];
  readonly withTextHooks: readonly FrameworkDescriptor[];
  readonly withAlwaysHooks: readonly FrameworkDescriptor[];
  readonly position: ReadonlyMap<FrameworkDescriptor, number>;
  readonly byId: ReadonlyMap<string, FrameworkDescriptor>;
}

let index: KnowledgeIndex | undefined;

function buildIndex(frameworks: readonly FrameworkDescriptor[]): KnowledgeIndex {
  const byModule = new Map<string, FrameworkDescriptor[]>();
  const byPrefix: Array<readonly [string, FrameworkDescriptor]> = [];
  const byPattern: Array<readonly [RegExp, FrameworkDescriptor]> = [];
  for (const descriptor of frameworks) {
    for (const pattern of descriptor.modulePatterns ?? []) byPattern.push([pattern, descriptor]);
    for (const module of descriptor.modules) {
      if (module.endsWith("*")) byPrefix.push([module.slice(0, -1), descriptor]);
      else {
        const list = byModule.get(module) ?? [];
        if (!list.includes(descriptor)) list.push(descriptor);
        byModule.set(module, list);
      }
    }
  }
  const withFiles = frameworks.filter((descriptor) => descriptor.files && descriptor.files.length > 0);
  return {
    byModule,
    byPrefix,
    byPattern,
    withFiles,
    withPathHooks: frameworks.filter((descriptor) => descriptor.hook?.trigger.path),
    withTextHooks: frameworks.filter((descriptor) => descriptor.hook?.trigger.text !== undefined),
    withAlwaysHooks: frameworks.filter((descriptor) => descriptor.hook?.trigger.always),
    position: new Map(frameworks.map((descriptor, position) => [descriptor, position])),
    byId: new Map(frameworks.map((descriptor) => [descriptor.id, descriptor])),
  };
}

/** The index of the registry, built on first use and kept for the process. */
export function knowledgeIndex(): KnowledgeIndex {
  return (index ??= buildIndex(FRAMEWORKS));
}

const NO_DESCRIPTORS: readonly FrameworkDescriptor[] = Object.freeze([]);

/**
 * The descriptors of each module specifier seen so far: a specifier is tested against the registry's
 * prefixes and patterns once per process, not once per file that imports it (most specifiers name
 * no framework: they map to the one shared empty list).
 */
const descriptorsBySpecifier = new Map<string, readonly FrameworkDescriptor[]>();
/** Distinct specifiers kept; past it the map starts again, so a long run over a large monorepo keeps bounded memory. */
const MAX_SPECIFIERS = 16_384;

function descriptorsOfModule(module: string): readonly FrameworkDescriptor[] {
  let found = descriptorsBySpecifier.get(module);
  if (found === undefined) {
    const { byModule, byPrefix, byPattern, position } = knowledgeIndex();
    const list = [...(byModule.get(module) ?? [])];
    for (const [prefix, descriptor] of byPrefix) if (module.startsWith(prefix) && !list.includes(descriptor)) list.push(descriptor);
    for (const [pattern, descriptor] of byPattern) if (pattern.test(module) && !list.includes(descriptor)) list.push(descriptor);
    found = list.length === 0 ? NO_DESCRIPTORS : list.sort((a, b) => position.get(a)! - position.get(b)!);
    if (descriptorsBySpecifier.size >= MAX_SPECIFIERS) descriptorsBySpecifier.clear();
    // Kept as a copy: a specifier read from a file may be a slice of that file's whole text, which the key would keep alive.
    descriptorsBySpecifier.set(module.split("").join(""), found);
  }
  return found;
}

/** The descriptors a file that imports `modules` must consult, in registry order. */
export function indexedDescriptorsFor(modules: ReadonlySet<string>): readonly FrameworkDescriptor[] {
  let found: readonly FrameworkDescriptor[] = NO_DESCRIPTORS;
  let merged = false;
  for (const module of modules) {
    const own = descriptorsOfModule(module);
    if (own.length === 0) continue;
    if (found.length === 0) {
      found = own;
      continue;
    }
    const added = own.filter((descriptor) => !found.includes(descriptor));
    if (added.length === 0) continue;
    found = [...found, ...added];
    merged = true;
  }
  if (!merged) return found;
  const { position } = knowledgeIndex();
  return [...found].sort((a, b) => position.get(a)! - position.get(b)!);
}

/** An object kind of one descriptor (`express` → `app`). */
export interface KindRef {
  readonly descriptor: FrameworkDescriptor;
  readonly id: string;
  readonly kind: ObjectKind;
}

/**
 * What the handler engine reads of a set of descriptors, flattened: their object kinds, their
 * registrations, and every member name their objects react to (the cheap gate for member calls).
 */
export interface ActiveDescriptors {
  readonly descriptors: readonly FrameworkDescriptor[];
  readonly kinds: readonly KindRef[];
  /** The kinds that an imported value itself is (`initTRPC`, Azure's `app`, tRPC's imported `publicProcedure`): only these make identifiers worth resolving. */
  readonly valueKinds: readonly KindRef[];
  readonly callRegistrations: ReadonlyArray<{ readonly descriptor: FrameworkDescriptor; readonly registration: CallRegistration }>;
  readonly pluginRegistrations: ReadonlyArray<{ readonly descriptor: FrameworkDescriptor; readonly registration: PluginRegistration }>;
  readonly memberNames: ReadonlySet<string>;
  readonly hasHandlerTypes: boolean;
  /** A descriptor has `invocationReceivers`: the engine then looks for them in each Lambda handler. */
  readonly hasInvocationReceivers: boolean;
}

/** By the ids of the descriptors, joined: a project imports few distinct combinations of frameworks. */
const activeSets = new Map<string, ActiveDescriptors>();

/**
 * The descriptors a file that imports `modules` must consult, flattened for the engine; built once
 * per distinct set of descriptors and shared by every file that imports the same frameworks.
 */
export function activeDescriptorsFor(modules: ReadonlySet<string>): ActiveDescriptors {
  const descriptors = indexedDescriptorsFor(modules);
  // A file importing one framework's modules gets that module's cached list itself: found by identity, no key to build.
  let active = activeByList.get(descriptors);
  if (active) return active;
  const key = descriptors.map((descriptor) => descriptor.id).join(",");
  active = activeSets.get(key);
  if (!active) {
    active = flatten(descriptors);
    activeSets.set(key, active);
  }
  activeByList.set(descriptors, active);
  return active;
}

const activeByList = new WeakMap<readonly FrameworkDescriptor[], ActiveDescriptors>();

function flatten(descriptors: readonly FrameworkDescriptor[]): ActiveDescriptors {
  const kinds = descriptors.flatMap((descriptor) => Object.entries(descriptor.objects ?? {}).map(([id, kind]) => ({ descriptor, id, kind })));
  const pluginRegistrations = descriptors.flatMap((descriptor) => (descriptor.plugins ?? []).map((registration) => ({ descriptor, registration })));
  const memberNames = new Set<string>();
  for (const { kind } of kinds) {
    for (const names of [Object.keys(kind.methods ?? {}), kind.chainable, Object.keys(kind.returns ?? {}), kind.listens, Object.keys(kind.properties ?? {})]) {
      for (const name of names ?? []) memberNames.add(name);
    }
    if (kind.plugins) memberNames.add(kind.plugins.registerMethod);
  }
  for (const { registration } of pluginRegistrations) memberNames.add(registration.method);
  return {
    descriptors,
    kinds,
    valueKinds: kinds.filter((ref) => ref.kind.isValue || ref.kind.importedFrom),
    callRegistrations: descriptors.flatMap((descriptor) => (descriptor.calls ?? []).map((registration) => ({ descriptor, registration }))),
    pluginRegistrations,
    memberNames,
    hasHandlerTypes: descriptors.some((descriptor) => descriptor.handlerTypes),
    hasInvocationReceivers: descriptors.some((descriptor) => descriptor.invocationReceivers),
  };
}

export function frameworkById(id: string): FrameworkDescriptor | undefined {
  return knowledgeIndex().byId.get(id);
}

export interface GlobalIndex {
  /** The first identifier of every registering global (`Bun`, `defineEventHandler`): the cheap gate. */
  readonly roots: ReadonlySet<string>;
  readonly byName: ReadonlyMap<string, ReadonlyArray<{ readonly descriptor: FrameworkDescriptor; readonly registration: GlobalRegistration }>>;
}

let globals: GlobalIndex | undefined;

/** Registrations by unresolved global names, indexed once. */
export function globalRegistrations(): GlobalIndex {
  if (globals) return globals;
  const roots = new Set<string>();
  const byName = new Map<string, Array<{ descriptor: FrameworkDescriptor; registration: GlobalRegistration }>>();
  for (const descriptor of FRAMEWORKS) {
    for (const registration of descriptor.globals ?? []) {
      roots.add(registration.name.split(".")[0]);
      const list = byName.get(registration.name) ?? [];
      list.push({ descriptor, registration });
      byName.set(registration.name, list);
    }
  }
  return (globals = { roots, byName });
}
