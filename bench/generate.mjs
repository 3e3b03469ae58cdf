#!/usr/bin/env node
// A synthetic monorepo of N files (default 10,000) in which a given share of files uses the SDK in
// the shapes of fixtures/ (every `before.*` of every case, taken from the measured build's snapshot;
// until fixtures exist, the seed-derived templates below), and the rest are plain TypeScript modules. Deterministic: the same options give
// the same bytes. Idempotent: a tree whose manifest matches the options and templates is kept.
//
//   node bench/generate.mjs [--files 10000] [--share 0.01] [--seed 1] [--profile all|1x|2x] [--all-fixtures]
//
// Only the cases bench/tree-templates.txt lists are used (the fixtures of the last judged figures), so
// that adding a fixture does not move a benchmark; --all-fixtures takes every case instead.
//
// --profile picks the templates: `1x` only the 1.x code of fixtures/migrate-1x (the tree `migrate
// --from 1` is measured on), `2x` every other case, `all` (default) both.
//
// Layout: <out>/packages/pkg-NNN/src/module-NNNNN.ts (plain) and
//         <out>/packages/pkg-NNN/sdk-NNNNN/<case path>  (SDK users; a case's meta.json `filename`
//         such as app/api/chat/route.ts is kept as the tail of the path, because it matters).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { ROOT_DIR, SNAPSHOT_DIR, SYNTHETIC_DIR } from "./lib/paths.mjs";
import { createRandom } from "./lib/random.mjs";

/** The fixtures of the measured build (bench/lib/paths.mjs prepareBuild) when there is one. */
function fixturesDir() {
  const snapshot = join(SNAPSHOT_DIR, "fixtures");
  return existsSync(snapshot) ? snapshot : join(ROOT_DIR, "fixtures");
}
const FILES_PER_PACKAGE = 100;
const SOURCE_EXTENSIONS = ["ts", "tsx", "mts", "cts", "js", "jsx", "cjs", "mjs"];

/**
 * Used only while fixtures/ holds no case: the four shapes of the seeds (Express middleware with
 * sessionStart, a Lambda without forceFlush, an evaluate() script with a global tracer, implicit
 * trace() next to a tracer).
 */
const SEED_TEMPLATES = [
  {
    id: "seed/express-session-start",
    filename: "src/server.ts",
    marker: false,
    text: `import express from "express";
import { HoneyHiveTracer, trace } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "my-api", source: "production" });
const app = express();

app.use((req, res, next) => {
  tracer.sessionStart({ sessionName: \`request-\${req.path}\` });
  next();
});

const answer = trace({ eventType: "chain", tracer }, async (message: string) => ({ response: message.toUpperCase() }));

app.post("/api/chat", async (req, res) => {
  res.json(await answer(String(req.body?.message ?? "")));
});

export default app;
`,
  },
  {
    id: "seed/lambda-without-force-flush",
    filename: "src/lambda.ts",
    marker: false,
    text: `import { HoneyHiveTracer, trace } from "honeyhive";

let tracer: HoneyHiveTracer | undefined;

function getTracer(): HoneyHiveTracer {
  tracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: process.env.HH_PROJECT, source: "lambda" });
  return tracer;
}

const processEvent = trace({ eventType: "tool", tracer: getTracer() }, (event: { type?: string }) => ({ status: "success", type: event.type }));

export const handler = async (event: { type?: string }, context: { awsRequestId: string }) => {
  const current = getTracer();
  current.createSession({ sessionName: \`lambda-\${context.awsRequestId}\` });
  const result = processEvent(event);
  current.enrichSession({ outputs: { result } });
  return result;
};
`,
  },
  {
    id: "seed/evaluate-global-tracer",
    filename: "scripts/evaluate.ts",
    marker: false,
    text: `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "my-project" });

const pipeline = trace({ eventType: "tool", tracer }, async (datapoint: { inputs: { query: string } }) => {
  return { answer: datapoint.inputs.query.trim() };
});

await evaluate({
  function: pipeline,
  dataset: [{ inputs: { query: "What is tracing?" } }],
  name: "rag-experiment-1",
});
`,
  },
  {
    id: "seed/implicit-trace",
    filename: "src/process-data.ts",
    marker: false,
    text: `import { HoneyHiveTracer, enrichSpan, trace } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "my-project", sessionName: "local-dev-session" });

export const processData = trace({ eventType: "tool" }, (inputText: string) => {
  enrichSpan({ metadata: { inputLength: inputText.length } });
  return inputText.split(" ").reverse().join(" ");
});

export async function shutdown() {
  await tracer.shutdown();
}
`,
  },
];

/** The fixture folder of the 1.x code (`migrate --from 1`): the `1x` profile, left out of `2x`. */
const MIGRATE_1X_CASES = "migrate-1x";
export const PROFILES = ["all", "1x", "2x"];

/** The committed list of cases the trees are built from (bench/tree-templates.txt): ids, in order. */
const TEMPLATE_LIST = join(ROOT_DIR, "bench", "tree-templates.txt");

function listedTemplateIds() {
  return readFileSync(TEMPLATE_LIST, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

/**
 * Every `before.*` in fixtures/ (of the profile's folders) as a template: { id, filename, marker, text, after },
 * only the cases bench/tree-templates.txt lists unless `allFixtures` (a listed case that is gone throws).
 */
export function loadTemplates({ profile = "all", allFixtures = false } = {}) {
  const found = readTemplates(profile);
  if (allFixtures || !existsSync(TEMPLATE_LIST) || found.source !== "fixtures") return found;
  const byId = new Map(found.templates.map((template) => [template.id, template]));
  const listed = listedTemplateIds().filter((id) => (profile === "1x" ? id.startsWith(`${MIGRATE_1X_CASES}/`) : profile !== "2x" || !id.startsWith(`${MIGRATE_1X_CASES}/`)));
  const missing = listed.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    throw new Error(`bench/tree-templates.txt lists cases that fixtures/ no longer holds (update the list on purpose): ${missing.join(", ")}`);
  }
  return { source: found.source, templates: listed.map((id) => byId.get(id)) };
}

function readTemplates(profile) {
  if (!PROFILES.includes(profile)) throw new Error(`--profile: one of ${PROFILES.join(", ")}, got "${profile}"`);
  const templates = [];
  const root = fixturesDir();
  if (existsSync(root)) {
    for (const rule of readdirSync(root).sort()) {
      if (profile === "1x" ? rule !== MIGRATE_1X_CASES : profile === "2x" && rule === MIGRATE_1X_CASES) continue;
      const ruleDir = join(root, rule);
      if (!statSync(ruleDir).isDirectory()) continue;
      for (const name of readdirSync(ruleDir).sort()) {
        const dir = join(ruleDir, name);
        if (!statSync(dir).isDirectory()) continue;
        const ext = SOURCE_EXTENSIONS.find((candidate) => existsSync(join(dir, `before.${candidate}`)));
        const afterExt = SOURCE_EXTENSIONS.find((candidate) => existsSync(join(dir, `after.${candidate}`)));
        if (!ext || !afterExt) continue;
        const metaPath = join(dir, "meta.json");
        const meta = existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, "utf8")) : {};
        templates.push({
          id: `${rule}/${name}`,
          filename: meta.filename ?? `src/${name}.${ext}`,
          marker: meta.marker === true,
          text: readFileSync(join(dir, `before.${ext}`), "utf8"),
          after: readFileSync(join(dir, `after.${afterExt}`), "utf8"),
        });
      }
    }
  }
  if (profile === "1x" && templates.length === 0) throw new Error(`no 1.x templates: fixtures/${MIGRATE_1X_CASES} holds no case`);
  return { source: templates.length > 0 ? "fixtures" : "seed templates", templates: templates.length > 0 ? templates : SEED_TEMPLATES };
}

const WORDS = ["order", "invoice", "user", "cart", "session", "report", "metric", "ticket", "route", "queue", "price", "stock"];
const TYPES = ["string", "number", "boolean", "Date", "string[]", "Record<string, number>", "readonly number[]"];

function pascal(word) {
  return word[0].toUpperCase() + word.slice(1);
}

/**
 * A plain TypeScript module of 40–200 lines: imports from sibling modules, interfaces, a union,
 * an enum, a generic class, sync and async functions, arrow callbacks, template literals,
 * optional chaining. It never mentions the SDK, like the bulk of a real monorepo.
 */
function plainModule(random, index, siblings) {
  const lines = [];
  const imports = siblings.slice(0, random.int(0, Math.min(3, siblings.length)));
  for (const sibling of imports) lines.push(`import { compute${sibling}, type Entity${sibling} } from "./module-${sibling}.js";`);
  if (imports.length > 0) lines.push("");
  const blocks = random.int(2, 7);
  lines.push(`export interface Entity${index} {`, `  readonly id: string;`);
  for (let field = 0; field < random.int(2, 6); field++) lines.push(`  ${random.pick(WORDS)}${field}?: ${random.pick(TYPES)};`);
  lines.push("}", "");
  lines.push(`export type Status${index} = ${["\"idle\"", "\"running\"", "\"done\"", "\"failed\""].slice(0, random.int(2, 4)).join(" | ")};`, "");
  for (let block = 0; block < blocks; block++) {
    const word = random.pick(WORDS);
    const name = `${word}${pascal(random.pick(WORDS))}${index}_${block}`;
    switch (random.int(0, 4)) {
      case 0:
        lines.push(
          `export enum ${pascal(name)}Kind {`,
          ...Array.from({ length: random.int(2, 5) }, (_, item) => `  ${pascal(random.pick(WORDS))}${item} = "${word}-${item}",`),
          "}",
        );
        break;
      case 1:
        lines.push(
          `export class ${pascal(name)}Store<T extends { id: string }> {`,
          `  private readonly items = new Map<string, T>();`,
          `  constructor(private readonly label = "${word}") {}`,
          `  add(item: T): this {`,
          `    this.items.set(item.id, item);`,
          `    return this;`,
          `  }`,
          `  find(id: string): T | undefined {`,
          `    return this.items.get(id) ?? undefined;`,
          `  }`,
          `  get size(): number {`,
          `    return this.items.size;`,
          `  }`,
          `  describe(): string {`,
          `    return \`\${this.label}: \${this.items.size} item(s)\`;`,
          `  }`,
          "}",
        );
        break;
      case 2:
        lines.push(
          `export async function load${pascal(name)}(ids: readonly string[], fetchOne: (id: string) => Promise<Entity${index} | undefined>): Promise<Entity${index}[]> {`,
          `  const results: Entity${index}[] = [];`,
          `  for (const id of ids) {`,
          `    const entity = await fetchOne(id);`,
          `    if (entity?.id) results.push(entity);`,
          `  }`,
          `  return results.sort((left, right) => left.id.localeCompare(right.id));`,
          "}",
        );
        break;
      case 3:
        lines.push(
          `export const ${name} = (values: number[], factor = ${random.int(1, 9)}): number =>`,
          `  values.filter((value) => value > ${random.int(0, 50)}).map((value) => value * factor).reduce((sum, value) => sum + value, 0);`,
        );
        break;
      default:
        lines.push(
          `export function describe${index}_${block}(input: Partial<Entity${index}>, status: Status${index}): string {`,
          `  switch (status) {`,
          `    case "idle":`,
          `      return \`\${input.id ?? "none"} is idle\`;`,
          `    default: {`,
          `      const keys = Object.keys(input).filter((key) => key !== "id");`,
          `      return keys.length > ${random.int(1, 4)} ? keys.join(",") : String(status);`,
          `    }`,
          `  }`,
          "}",
        );
    }
    lines.push("");
  }
  // Every module exports what its siblings import from it.
  lines.push(`export function compute${index}(entity: Entity${index}): number {`, `  return entity.id.length + ${random.int(1, 100)};`, "}");
  for (const sibling of imports) lines.push("", `export const uses${sibling} = (entity: Entity${sibling}) => compute${sibling}(entity);`);
  return lines.join("\n") + "\n";
}

/**
 * Code appended to a template so every SDK file is distinct: plain declarations with names no
 * transform or rule looks at, and no import/export (a template may be CommonJS).
 */
function neutralSuffix(random, index) {
  const word = random.pick(WORDS);
  return `\nfunction format${pascal(word)}${index}(values) {\n  return values.map((value) => String(value).padStart(${random.int(2, 8)}, "0")).join("-");\n}\nvoid format${pascal(word)}${index};\n`;
}

function templatesDigest(templates) {
  const hash = createHash("sha256");
  for (const template of templates) hash.update(template.id).update("\0").update(template.filename).update("\0").update(template.text);
  return hash.digest("hex").slice(0, 16);
}

/** Where a tree with these options lives. */
export function syntheticDir({ files, share, profile = "all" }) {
  return join(SYNTHETIC_DIR, `files-${files}-share-${Math.round(share * 100)}${profile === "all" ? "" : `-${profile}`}`);
}

/**
 * Writes the tree (or keeps it when its manifest matches) and returns its manifest:
 * { dir, files, share, seed, templateSource, digest, sdkFiles: [{ path, template, marker, suffix }] }.
 */
export function generateTree({ files = 10_000, share = 0.01, seed = 1, profile = "all", allFixtures = false, log = console.log } = {}) {
  const dir = syntheticDir({ files, share, profile });
  const { source, templates } = loadTemplates({ profile, allFixtures });
  const digest = templatesDigest(templates);
  const manifestPath = join(dir, "manifest.json");
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    if (manifest.files === files && manifest.share === share && manifest.seed === seed && (manifest.profile ?? "all") === profile && manifest.digest === digest) {
      log(`synthetic: ${dir} present (${manifest.sdkFiles.length} of ${files} files use the SDK)`);
      return { ...manifest, dir };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const random = createRandom(seed);
  const sdkCount = Math.round(files * share);
  // Spread the SDK users evenly over the tree rather than bunching them in the first packages.
  const sdkEvery = sdkCount > 0 ? files / sdkCount : Infinity;
  const sdkFiles = [];
  let nextSdk = 0;
  for (let index = 0; index < files; index++) {
    const packageDir = join(dir, "packages", `pkg-${String(Math.floor(index / FILES_PER_PACKAGE)).padStart(3, "0")}`);
    let path;
    let text;
    if (index >= nextSdk && sdkFiles.length < sdkCount) {
      nextSdk += sdkEvery;
      const template = templates[sdkFiles.length % templates.length];
      const suffix = neutralSuffix(random, index);
      path = join(packageDir, `sdk-${String(index).padStart(5, "0")}`, template.filename);
      text = template.text + suffix;
      sdkFiles.push({ path: path.slice(dir.length + 1), template: template.id, marker: template.marker, suffix });
    } else {
      const inPackage = index % FILES_PER_PACKAGE;
      // Siblings with a lower number in the same package, so imports never form a cycle.
      const siblings = inPackage === 0 ? [] : [random.int(index - inPackage, index - 1)];
      path = join(packageDir, "src", `module-${index}.ts`);
      text = plainModule(random, index, siblings);
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  const manifest = { files, share, seed, profile, templateSource: source, digest, sdkFiles };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 1) + "\n");
  log(`synthetic: wrote ${files} files (${sdkFiles.length} use the SDK, from ${templates.length} ${source}, profile ${profile}) to ${dir}`);
  return { ...manifest, dir };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      files: { type: "string", default: "10000" },
      share: { type: "string", default: "0.01" },
      seed: { type: "string", default: "1" },
      profile: { type: "string", default: "all" },
      "all-fixtures": { type: "boolean", default: false },
    },
  });
  generateTree({
    files: Number(values.files),
    share: Number(values.share),
    seed: Number(values.seed),
    profile: values.profile,
    allFixtures: values["all-fixtures"],
  });
}
