// The README's SDK examples are what users copy, so they must compile against the real API and be
// what the package's own ESLint rules accept. The first test takes every ```ts block of the README's
// SDK section, writes it to a scratch project that depends on the built package (as a user's project
// would), and type-checks them all. Frameworks that are not dependencies of this package (Fastify,
// Next.js) get small declaration stubs; so do the application functions the examples call
// (searchIndex, generateAnswer, llmCall); docs/sdk.md's list of imports is compiled with them. The
// second lints them with every rule of the plugin.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import parser from "@typescript-eslint/parser";
import { ESLint } from "eslint";
import { afterAll, expect, it } from "vitest";
import honeyhivePlugin from "../rules/index.js";
import { createConsumerProject, repositoryRoot, strictConsumerOptions, typeCheck, type ConsumerProject } from "./test-utils/type-check.js";

/** The ```ts blocks between the SDK section markers, each with the file name its first-line comment gives. */
function sdkSectionExamples(readme: string): { fileName: string; code: string }[] {
  const section = readme.slice(readme.indexOf("<!-- section:sdk:start -->"), readme.indexOf("<!-- section:sdk:end -->"));
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map(([, code], index) => {
    const named = /^\/\/ ([\w/.[\]-]+\.ts)\b/.exec(code);
    return { fileName: named ? named[1] : `example-${index + 1}.ts`, code };
  });
}

const applicationStubs = `
declare function searchIndex(query: string): Promise<string[]>;
declare function generateAnswer(query: string, context?: string[]): Promise<string>;
declare function llmCall(message: string): Promise<string>;

declare module "fastify" {
  interface FastifyRequest { url: string; method: string; body: unknown }
  interface FastifyReply { header(name: string, value: string): FastifyReply }
  interface FastifyInstance {
    addHook(name: "onRequest", hook: (request: FastifyRequest, reply: FastifyReply) => Promise<void>): void;
    post(path: string, handler: (request: FastifyRequest) => Promise<unknown>): void;
    listen(options: { port: number }): Promise<string>;
  }
  export default function Fastify(): FastifyInstance;
}
`;

let project: ConsumerProject | undefined;
afterAll(() => {
  project?.remove();
});

it("compiles every TypeScript example of the README's SDK section against the built package", async () => {
  const examples = sdkSectionExamples(readFileSync(join(repositoryRoot, "README.md"), "utf8"));
  // script, evaluate(), Lambda, Express, Fastify, Next.js (2 files), distributed tracing, test mode
  expect(examples.length).toBeGreaterThanOrEqual(9);

  project = createConsumerProject("readme-examples", { moduleType: "module", linkedDependencies: ["@types", "express"] });
  const scratch = project.directory;
  writeFileSync(join(scratch, "stubs.d.ts"), applicationStubs);
  for (const { fileName, code } of examples) {
    mkdirSync(dirname(join(scratch, fileName)), { recursive: true });
    writeFileSync(join(scratch, fileName), code);
  }
  // docs/sdk.md opens with every public import of "honeyhive": the same program checks that each exists.
  const sdkReferenceImports = /```ts\n(import \{[\s\S]*?\} from "honeyhive";\n)```/.exec(readFileSync(join(repositoryRoot, "docs", "sdk.md"), "utf8"))?.[1];
  expect(sdkReferenceImports, "docs/sdk.md's import block").toBeDefined();
  writeFileSync(join(scratch, "sdk-md-imports.ts"), `${sdkReferenceImports}\nexport {};\n`);
  writeFileSync(
    join(scratch, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: strictConsumerOptions({ lib: ["es2023", "dom"], paths: { "@/*": ["./*"] } }),
      include: ["**/*.ts"],
      exclude: ["node_modules"],
    }),
  );

  await typeCheck(join(scratch, "tsconfig.json"));
}, 60_000);

it("shows only code that every rule of the honeyhive ESLint plugin accepts", async () => {
  const config = [{ ...honeyhivePlugin.configs.all, files: ["**/*.ts"], languageOptions: { parser } }];
  const eslint = new ESLint({
    cwd: repositoryRoot,
    overrideConfigFile: true,
    // typescript-eslint's config type and ESLint's are not mutually assignable (plugin and parser
    // shapes); the objects are the same at runtime.
    overrideConfig: config as unknown as ESLint.Options["overrideConfig"],
  });
  const reports: Record<string, string[]> = {};
  for (const { fileName, code } of sdkSectionExamples(readFileSync(join(repositoryRoot, "README.md"), "utf8"))) {
    // Linted under the path the example names (the Next.js route), so path-based rules see it as users would.
    const [result] = await eslint.lintText(code, { filePath: join(repositoryRoot, "readme-examples", fileName) });
    reports[fileName] = result.messages.map((message) => `${message.line}: ${message.ruleId ?? "parse"}: ${message.message}`);
  }
  expect(Object.keys(reports).length).toBeGreaterThanOrEqual(9);
  expect(Object.values(reports).flat()).toEqual([]);
});
