// Where a Nitro/Nuxt server or a Qwik City app is deployed, read from the project's own configuration: the
// serverless platform its handlers then run on (the flush rule: the platform freezes after the response).
//
// - Nitro (nitro.build/deploy/providers/vercel, "Preset: vercel", `vercel_edge`/`vercel-edge`; Nuxt's
//   `nitro: { preset: "vercel-edge" }` in nuxt.config.ts, unjs/nitro#886; checked with the search tool
//   2026-12-06): a `preset: "<name>"` written in nitro.config.* or nuxt.config.*. Read as text (the first
//   `preset: "…"` string); else `NITRO_PRESET` as a package.json script, vercel.json or netlify.toml sets it
//   (`parseNitroPresetEnv`); a preset set in the host's dashboard or detected at build time on the host
//   (Nitro's zero-config providers) is not seen, so such a project's handlers stay request handlers.
// - Qwik City (qwik.dev/docs/deployments/vercel-edge: `qwik add vercel-edge` writes
//   `adapters/vercel-edge/vite.config.ts` and `src/entry.vercel-edge.tsx`; checked with the search tool
//   2026-12-06): the adapter's folder under `adapters/` beside the package.json.
// Both are read once per project through the project reader (`rechecked`: looked at again at most once a
// second), and only for a file a descriptor already matched (a Nitro server file, a Qwik City route).
import { resolve } from "node:path";
import { deploymentOf } from "../../deployment.js";
import { projectModules } from "../../project-modules.js";
import { awsLambda } from "../platforms/aws-lambda.js";
import { cloudflarePages } from "../platforms/cloudflare-pages.js";
import { cloudflareWorkers } from "../platforms/cloudflare-workers.js";
import { netlify } from "../platforms/netlify.js";
import { vercel } from "../platforms/vercel.js";
import type { HandlerHookApi, PlatformDescriptor } from "../types.js";

/** Nitro presets (either spelling, `vercel-edge` / `vercel_edge`) that deploy to a platform which freezes after the response. */
const NITRO_PRESET_PLATFORMS: Readonly<Record<string, PlatformDescriptor>> = {
  vercel: vercel,
  "vercel-edge": vercel,
  netlify: netlify,
  "netlify-edge": netlify,
  "aws-lambda": awsLambda,
  "cloudflare-pages": cloudflarePages,
  "cloudflare-module": cloudflareWorkers,
  cloudflare: cloudflareWorkers,
};
const NITRO_CONFIGS = ["nitro.config.ts", "nitro.config.js", "nitro.config.mjs", "nuxt.config.ts", "nuxt.config.js", "nuxt.config.mjs"];
const PRESET = /\bpreset\s*:\s*["'`]([\w-]+)["'`]/;

/** The preset a Nitro or Nuxt config's text names, normalized to dashes (`vercel_edge` → `vercel-edge`). */
export function parseNitroPreset(text: string): string | undefined {
  return PRESET.exec(text)?.[1]?.replaceAll("_", "-");
}

/**
 * Build settings that may set `NITRO_PRESET` (nitro.build/config "preset": the `preset` option or the
 * `NITRO_PRESET` environment variable): a package.json script (`NITRO_PRESET=vercel nuxt build`),
 * vercel.json's `build.env`, netlify.toml's `[build.environment]`. Read as text, only when no config file
 * names a preset.
 */
const NITRO_ENV_FILES = ["package.json", "vercel.json", "netlify.toml"];
const PRESET_ENV = /\bNITRO_PRESET["']?\s*[:=]\s*["']?([\w-]+)/;

/** The preset a build setting's text gives `NITRO_PRESET`, normalized as `parseNitroPreset`'s. */
export function parseNitroPresetEnv(text: string): string | undefined {
  return PRESET_ENV.exec(text)?.[1]?.replaceAll("_", "-");
}

const readNitroPreset = (root: string): string | undefined => {
  const reader = projectModules();
  for (const name of NITRO_CONFIGS) {
    const preset = reader.parsedFile(resolve(root, name), parseNitroPreset);
    if (preset !== undefined) return preset;
  }
  for (const name of NITRO_ENV_FILES) {
    const preset = reader.parsedFile(resolve(root, name), parseNitroPresetEnv);
    if (preset !== undefined) return preset;
  }
  return undefined;
};

/** The platform of the Nitro/Nuxt project of `api`'s file, by its configured preset; none for a server preset or none set. */
export function nitroPresetPlatform(api: HandlerHookApi): PlatformDescriptor | undefined {
  const { root, nitro } = deploymentOf(api.filename);
  if (!nitro || root === undefined) return undefined;
  const preset = projectModules().rechecked(root, readNitroPreset);
  return preset === undefined ? undefined : NITRO_PRESET_PLATFORMS[preset];
}

/** Qwik City's deployment adapters (`adapters/<name>/`) whose platform freezes after the response. */
const QWIK_ADAPTER_PLATFORMS: readonly (readonly [folder: string, platform: PlatformDescriptor])[] = [
  ["vercel-edge", vercel],
  ["netlify-edge", netlify],
  ["cloudflare-pages", cloudflarePages],
  ["aws-lambda", awsLambda],
];

const readQwikAdapter = (root: string): PlatformDescriptor | null => {
  const reader = projectModules();
  const found = QWIK_ADAPTER_PLATFORMS.find(([folder]) => ["vite.config.ts", "vite.config.mts", "vite.config.js"].some((name) => reader.exists(resolve(root, "adapters", folder, name))));
  return found?.[1] ?? null;
};

/** The platform of the Qwik City project of `api`'s file, by the adapter it added; none for a server adapter (Express, Node). */
export function qwikAdapterPlatform(api: HandlerHookApi): PlatformDescriptor | undefined {
  const { root } = deploymentOf(api.filename);
  if (root === undefined) return undefined;
  return projectModules().rechecked(root, readQwikAdapter) ?? undefined;
}

/**
 * SvelteKit's deployment adapters whose platform freezes after the response, by the package svelte.config.*
 * imports (svelte.dev/docs/kit/adapters: "adapter-vercel", "adapter-netlify"; the adapter is set in
 * svelte.config.js, `kit: { adapter: adapter() }`). `@sveltejs/adapter-auto` (the template's default) picks the
 * host at build time: then the host's file beside the package.json decides (vercel.json or `.vercel/project.json`,
 * netlify.toml), as for Next.js. `adapter-node` is a server. `@sveltejs/adapter-cloudflare` builds for Cloudflare
 * Workers (static assets) or Pages, `@sveltejs/adapter-cloudflare-workers` for Workers (svelte.dev/docs/kit/adapters,
 * checked with the search tool 2026-12-06): both runtimes cancel work after the response unless it is handed to
 * `waitUntil`, which a route reaches as `event.platform.ctx` / `.context` (`CLOUDFLARE_FRAMEWORK_CONTEXTS`).
 */
const SVELTEKIT_ADAPTER_PLATFORMS: Readonly<Record<string, PlatformDescriptor>> = {
  "@sveltejs/adapter-vercel": vercel,
  "@sveltejs/adapter-netlify": netlify,
  "@sveltejs/adapter-cloudflare": cloudflareWorkers,
  "@sveltejs/adapter-cloudflare-workers": cloudflareWorkers,
};
const SVELTEKIT_AUTO_ADAPTER = "@sveltejs/adapter-auto";
const SVELTE_CONFIGS = ["svelte.config.js", "svelte.config.mjs", "svelte.config.ts"];
const ADAPTER_IMPORT = /["'](@sveltejs\/adapter-[\w-]+)["']/;

/** The adapter package a svelte.config's text imports (the first one named). */
export function parseSvelteKitAdapter(text: string): string | undefined {
  return ADAPTER_IMPORT.exec(text)?.[1];
}

/** The first value `parse` reads from the project's configuration files `names` (in that order), or null. */
function firstParsedConfig(root: string, names: readonly string[], parse: (text: string) => string | undefined): string | null {
  const reader = projectModules();
  for (const name of names) {
    const value = reader.parsedFile(resolve(root, name), parse);
    if (value !== undefined) return value;
  }
  return null;
}

const readSvelteKitAdapter = (root: string): string | null => firstParsedConfig(root, SVELTE_CONFIGS, parseSvelteKitAdapter);

/** The platform of the SvelteKit project of `api`'s file, by its adapter (or the host's file for adapter-auto); none for a server. */
export function svelteKitAdapterPlatform(api: HandlerHookApi): PlatformDescriptor | undefined {
  const signals = deploymentOf(api.filename);
  if (signals.root === undefined) return undefined;
  const adapter = projectModules().rechecked(signals.root, readSvelteKitAdapter) ?? SVELTEKIT_AUTO_ADAPTER;
  if (adapter !== SVELTEKIT_AUTO_ADAPTER) return SVELTEKIT_ADAPTER_PLATFORMS[adapter];
  return signals.vercel ? vercel : signals.netlify ? netlify : undefined;
}

/**
 * Astro's server adapters whose platform freezes after the response, by the package astro.config.* imports
 * (docs.astro.build/en/guides/integrations-guide/vercel/: `import vercel from "@astrojs/vercel"` … `adapter: vercel()`,
 * "deploy your on-demand rendered Astro site to Vercel" as Vercel Functions; …/netlify/: `@astrojs/netlify`, Netlify
 * Functions; checked with the search tool 2026-12-06; `@astrojs/vercel/serverless` is the older subpath). `@astrojs/node`
 * is a server. `@astrojs/cloudflare` builds a Worker (docs.astro.build/en/guides/integrations-guide/cloudflare/), where an
 * endpoint reaches `waitUntil` through `locals` (`CLOUDFLARE_FRAMEWORK_CONTEXTS`).
 */
const ASTRO_ADAPTER_PLATFORMS: Readonly<Record<string, PlatformDescriptor>> = { "@astrojs/vercel": vercel, "@astrojs/netlify": netlify, "@astrojs/cloudflare": cloudflareWorkers };
const ASTRO_CONFIGS = ["astro.config.mjs", "astro.config.ts", "astro.config.js", "astro.config.mts"];
const ASTRO_ADAPTER_IMPORT = /["'](@astrojs\/(?:vercel|netlify|node|cloudflare))(?:\/[\w-]+)?["']/;

/** The adapter package an astro.config's text imports (the first one named). */
export function parseAstroAdapter(text: string): string | undefined {
  return ASTRO_ADAPTER_IMPORT.exec(text)?.[1];
}

const readAstroAdapter = (root: string): string | null => firstParsedConfig(root, ASTRO_CONFIGS, parseAstroAdapter);

/** The platform the Astro project of `api`'s file deploys its endpoints to, by its adapter; none for a server or a static site. */
export function astroAdapterPlatform(api: HandlerHookApi): PlatformDescriptor | undefined {
  const signals = deploymentOf(api.filename);
  if (signals.root === undefined) return undefined;
  const adapter = projectModules().rechecked(signals.root, readAstroAdapter);
  return adapter === null ? undefined : ASTRO_ADAPTER_PLATFORMS[adapter];
}

/**
 * TanStack Start's hosts whose platform freezes after the response, read from vite.config.* or the older (Vinxi)
 * app.config.* (tanstack.com/start/latest/docs/framework/react/guide/hosting, read with the search tool 2026-12-07):
 * Cloudflare Workers through `@cloudflare/vite-plugin`, Netlify through `@netlify/vite-plugin-tanstack-start`, a Nitro
 * preset written as `nitro({ preset: "vercel" })` or app.config's `server: { preset: "netlify" }` (the names of
 * `NITRO_PRESET_PLATFORMS`); with none of them, a vercel.json / `.vercel/project.json` or netlify.toml beside the
 * package.json (Vercel builds a Start app through Nitro's zero-config preset). A `nitro()` without either is a server.
 */
const TANSTACK_CONFIGS = ["vite.config.ts", "vite.config.mts", "vite.config.js", "vite.config.mjs", "app.config.ts", "app.config.js", "app.config.mjs"];
const TANSTACK_HOST_PLUGINS: Readonly<Record<string, PlatformDescriptor>> = {
  "@cloudflare/vite-plugin": cloudflareWorkers,
  "@netlify/vite-plugin-tanstack-start": netlify,
};
const HOST_PLUGIN_IMPORT = /["'](@cloudflare\/vite-plugin|@netlify\/vite-plugin-tanstack-start)["']/;

/** The host a TanStack Start config's text names: a host plugin's package, else `preset:<name>` normalized as `parseNitroPreset`'s. */
export function parseTanStackHost(text: string): string | undefined {
  const plugin = HOST_PLUGIN_IMPORT.exec(text)?.[1];
  if (plugin !== undefined) return plugin;
  const preset = parseNitroPreset(text);
  return preset === undefined ? undefined : `preset:${preset}`;
}

const readTanStackHost = (root: string): string | null => firstParsedConfig(root, TANSTACK_CONFIGS, parseTanStackHost);

/** The platform the TanStack Start project of `api`'s file deploys its server functions and routes to; none for a server. */
export function tanstackStartPlatform(api: HandlerHookApi): PlatformDescriptor | undefined {
  const signals = deploymentOf(api.filename);
  if (signals.root === undefined) return undefined;
  const host = projectModules().rechecked(signals.root, readTanStackHost);
  if (host !== null) return host.startsWith("preset:") ? NITRO_PRESET_PLATFORMS[host.slice("preset:".length)] : TANSTACK_HOST_PLUGINS[host];
  return signals.vercel ? vercel : signals.netlify ? netlify : undefined;
}

/**
 * Remix and React Router (framework mode) deployed serverless, by the project's host package or file:
 * Vercel's `@vercel/remix` / `@vercel/react-router` (vercel.com/docs/frameworks/remix: "use @vercel/remix ...
 * vercelPreset()"), or a vercel.json / `.vercel/project.json`; Netlify's `@netlify/remix-adapter`,
 * `@netlify/remix-edge-adapter`, `@netlify/vite-plugin-react-router`, or a netlify.toml; Architect on AWS Lambda
 * (`@remix-run/architect`); Cloudflare Pages (`@remix-run/cloudflare-pages`) and Workers (`@remix-run/cloudflare-workers`,
 * or the runtime package `@remix-run/cloudflare` / `@react-router/cloudflare` beside a wrangler config: the Workers
 * templates), where a loader reaches `waitUntil` as `context.cloudflare.ctx` (`CLOUDFLARE_FRAMEWORK_CONTEXTS`).
 * An app served by an Express server (`@remix-run/express`) has none of these and stays a server.
 */
const REMIX_HOST_PACKAGES: readonly (readonly [packages: readonly string[], platform: PlatformDescriptor])[] = [
  [["@vercel/remix", "@vercel/react-router"], vercel],
  [["@netlify/remix-adapter", "@netlify/remix-edge-adapter", "@netlify/vite-plugin-react-router"], netlify],
  [["@remix-run/architect"], awsLambda],
  [["@remix-run/cloudflare-pages"], cloudflarePages],
  [["@remix-run/cloudflare-workers"], cloudflareWorkers],
];
/** Runtime packages that say Cloudflare Workers only beside a wrangler config (`DeploymentSignals.wrangler`). */
const REMIX_WORKERS_RUNTIMES = ["@remix-run/cloudflare", "@react-router/cloudflare"];

/** The platform the Remix/React Router project of `api`'s file deploys to; none for a server. */
export function remixHostPlatform(api: HandlerHookApi): PlatformDescriptor | undefined {
  const signals = deploymentOf(api.filename);
  if (signals.root === undefined) return undefined;
  const byPackage = REMIX_HOST_PACKAGES.find(([packages]) => packages.some((name) => signals.dependencies.has(name)));
  if (byPackage) return byPackage[1];
  if (signals.wrangler && REMIX_WORKERS_RUNTIMES.some((name) => signals.dependencies.has(name))) return cloudflareWorkers;
  return signals.vercel ? vercel : signals.netlify ? netlify : undefined;
}
