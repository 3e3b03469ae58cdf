import { rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { useTempProjects } from "../../test-utils/temp-projects.js";
import { projectModules } from "../../project-modules.js";
import { tencentScf } from "../platforms/lambda-compatible.js";
import { cdkAppFileOfText, cdkFunctionsOfText, configuredEnvironmentValues, configuredHandlerNames, configuredPlatform, configuredPreloads as preloadsWithFolders, environmentsOfText, nodeOptionsOfText } from "./lambda-functions-config.js";

/** The specifiers `configuredPreloads` gives (the folder each resolves against is asserted on its own below). */
const configuredPreloads = (filename: string, cwd?: string): string[] => preloadsWithFolders(filename, cwd).map((preload) => preload.specifier);

describe("configuredHandlerNames: a Lambda handler's `<path>.<export>` in the project's function configuration", () => {
  const project = useTempProjects("lambda-functions-config");
  const PACKAGE = { "package.json": "{}" };

  it("reads serverless.yml entries whatever their quoting, a dotted file name, and a comment after the value", () => {
    const root = project({
      ...PACKAGE,
      // The files' folders exist, as in a real project (the analysis looks up from them).
      "src/": "",
      "legacy/": "",
      "serverless.yml": [
        "functions:",
        "  chat:",
        "    handler: src/chat.main # POST /chat",
        "  search:",
        "    handler: 'src/search.handler.run'",
        "  legacy:",
        '    handler: "./legacy/index.default"',
        "  templated:",
        "    handler: ${self:custom.dir}/other.main",
        "",
      ].join("\n"),
    });
    expect(configuredHandlerNames(join(root, "src", "chat.ts"))).toEqual(["main"]);
    // The last dot ends the path: `search.handler` is the module, `run` the export.
    expect(configuredHandlerNames(join(root, "src", "search.handler.ts"))).toEqual(["run"]);
    expect(configuredHandlerNames(join(root, "src", "search.ts"))).toEqual([]);
    expect(configuredHandlerNames(join(root, "legacy", "index.mjs"))).toEqual(["default"]);
    // A variable in the path is not resolved: nothing is named for sure.
    expect(configuredHandlerNames(join(root, "other.ts"))).toEqual([]);
  });

  it("follows a configured handler module's re-exports one hop (fix-blind7)", () => {
    const serverless = (handler: string): string => `functions:\n  digest:\n    handler: ${handler}\n`;
    const root = project({
      ...PACKAGE,
      "serverless.yml": serverless("src/index.handler"),
      "src/index.ts": `export { run as handler, other } from "./impl";\nexport { default as main } from "../lib/main.js";\nexport * from "./all";\n`,
      "src/impl.ts": "export async function run() {}\n",
      "src/all.ts": "export async function handler() {}\n",
      "src/chain.ts": "",
    });
    expect(configuredHandlerNames(join(root, "src", "impl.ts"))).toEqual(["run"]);
    // `export *` gives the configured name itself.
    expect(configuredHandlerNames(join(root, "src", "all.ts"))).toEqual(["handler"]);
    // Re-exports under names the configuration does not give, and modules nothing re-exports, stay unnamed.
    expect(configuredHandlerNames(join(root, "lib", "main.ts"))).toEqual([]);
    expect(configuredHandlerNames(join(root, "src", "chain.ts"))).toEqual([]);
    expect(configuredHandlerNames(join(root, "src", "index.ts"))).toEqual(["handler"]);
  });

  it("reads nothing for a project without a configuration, or a file outside any project", () => {
    const root = project({ ...PACKAGE, "src/": "" });
    expect(configuredHandlerNames(join(root, "src", "chat.ts"))).toEqual([]);
  });

  it("reads a configuration again when it changes (an editor session edits serverless.yml), at most once a second", () => {
    const root = project({ ...PACKAGE, "src/": "", "serverless.yml": "functions:\n  chat:\n    handler: src/chat.main\n" });
    const chat = join(root, "src", "chat.ts");
    // The clock of the check is faked (only `Date`): the files' own mtimes are real.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-01T00:00:00Z") });
    try {
      expect(configuredHandlerNames(chat)).toEqual(["main"]);
      const config = join(root, "serverless.yml");
      writeFileSync(config, "functions:\n  chat:\n    handler: src/chat.run\n");
      // The same size: the mtime tells (set apart explicitly, as a coarse file-system clock may not).
      utimesSync(config, new Date(), new Date(Date.now() + 5_000));
      // Within a second the names read stay (a whole-tree lint pays no stat per file)…
      vi.setSystemTime(new Date("2030-01-01T00:00:00.500Z"));
      expect(configuredHandlerNames(chat)).toEqual(["main"]);
      // …then the change is seen.
      vi.setSystemTime(new Date("2030-01-01T00:00:01.500Z"));
      expect(configuredHandlerNames(chat)).toEqual(["run"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("skips entries in comment lines", () => {
    const root = project({ ...PACKAGE, "src/": "", "serverless.yml": "functions:\n  chat:\n#    handler: src/old.main\n    handler: src/chat.main\n" });
    expect(configuredHandlerNames(join(root, "src", "old.ts"))).toEqual([]);
    expect(configuredHandlerNames(join(root, "src", "chat.ts"))).toEqual(["main"]);
  });

  it("does not read above a workspace's root (package.json workspaces, pnpm-workspace.yaml)", () => {
    const outside = "serverless.yml";
    const config = "functions:\n  chat:\n    handler: ws/src/chat.main\n";
    const npm = project({ [outside]: config, "ws/package.json": JSON.stringify({ workspaces: ["packages/*"] }), "ws/src/": "" });
    expect(configuredHandlerNames(join(npm, "ws", "src", "chat.ts"))).toEqual([]);
    const pnpm = project({ [outside]: config, "ws/package.json": "{}", "ws/pnpm-workspace.yaml": "packages:\n  - packages/*\n", "ws/src/": "" });
    expect(configuredHandlerNames(join(pnpm, "ws", "src", "chat.ts"))).toEqual([]);
    // A package that is no workspace root: the configuration above it is read (SAM's layout).
    const sam = project({ [outside]: config, "ws/package.json": "{}", "ws/src/": "" });
    expect(configuredHandlerNames(join(sam, "ws", "src", "chat.ts"))).toEqual(["main"]);
  });

  it("resolves each SAM function's Handler against its own CodeUri, else Globals.Function.CodeUri", () => {
    const template = [
      "AWSTemplateFormatVersion: '2010-09-09'",
      "Transform: AWS::Serverless-2016-10-31",
      "Globals:",
      "  Function:",
      "    Runtime: nodejs20.x",
      "    CodeUri: shared/",
      "Resources:",
      "  ChatFunction:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      Handler: app.chatHandler",
      "      CodeUri: chat/",
      "      Events:",
      "        Api:",
      "          Type: Api",
      "  SearchFunction:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      CodeUri: ./search",
      "      Handler: app.searchHandler",
      "  CronFunction:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      Handler: cron.run",
      "  PackagedFunction:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      CodeUri:",
      "        Bucket: artifacts",
      "        Key: packaged.zip",
      "      Handler: packaged.main",
      "",
    ].join("\n");
    const root = project({ ...PACKAGE, "chat/": "", "search/": "", "shared/": "", "template.yaml": template });
    // Each handler file is an entry only for the function whose CodeUri + Handler names it.
    expect(configuredHandlerNames(join(root, "chat", "app.ts"))).toEqual(["chatHandler"]);
    expect(configuredHandlerNames(join(root, "search", "app.ts"))).toEqual(["searchHandler"]);
    // A function without its own CodeUri takes the Globals one; the template's folder is not read for it.
    expect(configuredHandlerNames(join(root, "shared", "cron.ts"))).toEqual(["run"]);
    expect(configuredHandlerNames(join(root, "cron.ts"))).toEqual([]);
    // Not relative to another function's CodeUri, nor to the template's folder.
    expect(configuredHandlerNames(join(root, "app.ts"))).toEqual([]);
    expect(configuredHandlerNames(join(root, "chat", "cron.ts"))).toEqual([]);
    // A CodeUri that is an S3 object names no folder: the Globals one does not apply either (it is overridden).
    expect(configuredHandlerNames(join(root, "shared", "packaged.ts"))).toEqual([]);
  });

  it("without Globals, a SAM function without CodeUri is relative to the template's folder; CRLF templates too", () => {
    const template = ["Resources:", "  Chat:", "    Type: AWS::Serverless::Function", "    Properties:", "      Handler: src/chat.main", "  Search:", "    Type: AWS::Serverless::Function", "    Properties:", "      CodeUri: search", "      Handler: index.handler", ""].join("\r\n");
    const root = project({ ...PACKAGE, "src/": "", "search/": "", "template.yml": template });
    expect(configuredHandlerNames(join(root, "src", "chat.ts"))).toEqual(["main"]);
    expect(configuredHandlerNames(join(root, "search", "index.ts"))).toEqual(["handler"]);
    expect(configuredHandlerNames(join(root, "index.ts"))).toEqual([]);
    expect(configuredHandlerNames(join(root, "search", "src", "chat.ts"))).toEqual([]);
  });

  it("reads the Serverless Framework's service file in its other formats: serverless.ts, serverless.js, serverless.json (blind-12)", () => {
    const ts = `const config: AWS = {\n  service: "support",\n  functions: {\n    chat: { handler: "src/chat.main", events: [] },\n  },\n};\nmodule.exports = config;\n`;
    for (const [name, text] of [["serverless.ts", ts], ["serverless.js", ts.replace(": AWS", "")], ["serverless.json", JSON.stringify({ functions: { chat: { handler: "src/chat.main" } } })]] as const) {
      const root = project({ ...PACKAGE, "src/": "", [name]: text });
      expect(configuredHandlerNames(join(root, "src", "chat.ts")), name).toEqual(["main"]);
      expect(configuredHandlerNames(join(root, "src", "other.ts")), name).toEqual([]);
    }
  });

  it("reads SST v2's stack modules beside sst.config.ts (stacks/*.ts), and SST's route shorthand (blind-12)", () => {
    const stack = [
      `import { Api, Function, type StackContext } from "sst/constructs";`,
      "export function API({ stack }: StackContext) {",
      `  new Function(stack, "Chat", { handler: "packages/functions/src/chat.main" });`,
      `  new Api(stack, "api", { routes: { "GET /notes": "packages/functions/src/list.run", $default: "packages/functions/src/any.handler" } });`,
      "}",
      "",
    ].join("\n");
    const root = project({ ...PACKAGE, "packages/functions/src/": "", "sst.config.ts": `import { API } from "./stacks/API";\nexport default { stacks(app) { app.stack(API); } };\n`, "stacks/API.ts": stack });
    const at = (name: string): readonly string[] => configuredHandlerNames(join(root, "packages", "functions", "src", name));
    expect(at("chat.ts")).toEqual(["main"]);
    expect(at("list.ts")).toEqual(["run"]);
    // A route key that is no HTTP method is not read as the shorthand.
    expect(at("any.ts")).toEqual([]);
    // v3: `api.route("POST /chat", "…")` in sst.config.ts itself.
    const v3 = project({ ...PACKAGE, "src/": "", "sst.config.ts": `const api = new sst.aws.ApiGatewayV2("Api");\napi.route("POST /chat", "src/chat.main");\n` });
    expect(configuredHandlerNames(join(v3, "src", "chat.ts"))).toEqual(["main"]);
    // A stacks/ folder is read only beside an SST config.
    const plain = project({ ...PACKAGE, "packages/functions/src/": "", "stacks/API.ts": stack });
    expect(configuredHandlerNames(join(plain, "packages", "functions", "src", "chat.ts"))).toEqual([]);
  });

  it("reads a CDK app's stacks (cdk.json's app file and lib/): NodejsFunction's entry and handler, lambda.Function's asset and handler (fix-blind12)", () => {
    const stack = [
      `import * as path from "node:path";`,
      `import * as lambda from "aws-cdk-lib/aws-lambda";`,
      `import { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";`,
      "export class ChatStack extends Stack {",
      "  constructor(scope: Construct, id: string) {",
      "    super(scope, id);",
      `    new NodejsFunction(this, "Chat", { entry: path.join(__dirname, "../lambda/chat.ts"), handler: "main", bundling: { minify: true } });`,
      `    new NodejsFunction(this, "Search", { entry: join(__dirname, "..", "lambda", "search.ts") });`,
      `    new NodejsFunction(this, "Dotted", { entry: "lambda/dotted.ts", handler: "index.run" });`,
      `    new NodejsFunction(this, "beside");`,
      `    new lambda.Function(this, "Legacy", { runtime: lambda.Runtime.NODEJS_20_X, handler: "index.main", code: lambda.Code.fromAsset("legacy") });`,
      `    new lambda.Function(this, "Near", { handler: "src/app.handle", code: lambda.Code.fromAsset(path.join(__dirname, "../near")) });`,
      `    // new NodejsFunction(this, "Old", { entry: path.join(__dirname, "../lambda/old.ts"), handler: "main" });`,
      "  }",
      "}",
      "",
    ].join("\n");
    const root = project({
      ...PACKAGE,
      "lambda/": "",
      "legacy/": "",
      "near/src/": "",
      "cdk.json": JSON.stringify({ app: "npx ts-node --prefer-ts-exts bin/app.ts", context: {} }),
      "bin/app.ts": `import { App } from "aws-cdk-lib";\nimport { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";\nnew NodejsFunction(new App(), "Bin", { entry: path.join(__dirname, "../lambda/bin.ts"), handler: "go" });\n`,
      "lib/chat-stack.ts": stack,
      "lib/chat-stack.d.ts": `new NodejsFunction(this, "Typed", { entry: "lambda/typed.ts" });\n`,
    });
    const at = (...path: string[]): readonly string[] => configuredHandlerNames(join(root, ...path));
    expect(at("lambda", "chat.ts")).toEqual(["main"]);
    // `handler` defaults to "handler"; a value with a dot is used as-is: the export after the last dot.
    expect(at("lambda", "search.ts")).toEqual(["handler"]);
    expect(at("lambda", "dotted.ts")).toEqual(["run"]);
    // No entry: `<defining file>.<id>.ts` beside the stack.
    expect(at("lib", "chat-stack.beside.ts")).toEqual(["handler"]);
    // lambda.Function: `<path in the asset>.<export>`, the asset relative to cdk.json's folder or to the stack by __dirname.
    expect(at("legacy", "index.js")).toEqual(["main"]);
    expect(at("near", "src", "app.ts")).toEqual(["handle"]);
    // The app file cdk.json runs is a stack module too.
    expect(at("lambda", "bin.ts")).toEqual(["go"]);
    // A commented-out construct, a declaration file, a file no stack names: nothing.
    expect(at("lambda", "old.ts")).toEqual([]);
    expect(at("lambda", "typed.ts")).toEqual([]);
    expect(at("lambda", "other.ts")).toEqual([]);
    // The same stacks without cdk.json are not a CDK app's: not read.
    const plain = project({ ...PACKAGE, "lambda/": "", "lib/chat-stack.ts": stack });
    expect(configuredHandlerNames(join(plain, "lambda", "chat.ts"))).toEqual([]);
  });

  it("cdkAppFileOfText: the script cdk.json's app command runs, none for another command or no JSON", () => {
    expect(cdkAppFileOfText(JSON.stringify({ app: "npx ts-node --prefer-ts-exts bin/app.ts" }))).toBe("bin/app.ts");
    expect(cdkAppFileOfText(JSON.stringify({ app: "node ./bin/app.js" }))).toBe("bin/app.js");
    expect(cdkAppFileOfText(JSON.stringify({ app: "npx tsx bin/my-app.mts --verbose" }))).toBe("bin/my-app.mts");
    expect(cdkAppFileOfText(JSON.stringify({ app: "python3 app.py" }))).toBeUndefined();
    expect(cdkAppFileOfText(JSON.stringify({ output: "cdk.out" }))).toBeUndefined();
    expect(cdkAppFileOfText("{ not json")).toBeUndefined();
  });

  it("cdkFunctionsOfText: a `new Function(` that is no CDK Lambda (no Code.fromAsset, no dotted handler) names nothing", () => {
    expect(cdkFunctionsOfText(`const add = new Function("a", "b", "return a + b");\n`)).toEqual([]);
    expect(cdkFunctionsOfText(`new lambda.Function(this, "X", { handler: "main", code: lambda.Code.fromAsset("lambda") });\n`)).toEqual([]);
    expect(cdkFunctionsOfText(`new lambda.Function(this, "X", { handler: "index.main", code: lambda.Code.fromInline("exports.main = () => 1") });\n`)).toEqual([]);
    // An absolute entry is outside what the project's relative paths can name.
    expect(cdkFunctionsOfText(`new NodejsFunction(this, "X", { entry: "/opt/app/chat.ts" });\n`)).toEqual([]);
  });
});

describe("a configuration added mid-session (an editor's lint server keeps the process)", () => {
  const project = useTempProjects("lambda-config-added");

  it("is seen within a second: serverless.yml and template.yaml in a project that had none, and the preload they set", () => {
    const root = project({ "package.json": "{}", "src/": "" });
    const file = join(root, "src", "chat.ts");
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-01T00:00:00Z") });
    try {
      expect(configuredHandlerNames(file, root)).toEqual([]);
      writeFileSync(join(root, "serverless.yml"), "provider:\n  environment:\n    NODE_OPTIONS: --require ./otel.js\nfunctions:\n  chat:\n    handler: src/chat.main\n");
      // The directory's new mtime is what the listing notices.
      utimesSync(root, new Date(), new Date(Date.now() + 5_000));
      vi.setSystemTime(new Date("2030-01-01T00:00:01.500Z"));
      expect(configuredHandlerNames(file, root)).toEqual(["main"]);
      expect(configuredPreloads(file, root)).toEqual(["./otel.js"]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("a project root or a configuration that changes mid-session", () => {
  const project = useTempProjects("lambda-config-root");
  const SERVERLESS = "functions:\n  chat:\n    handler: src/chat.main\n";
  /** The clock a second and a half on, and the folder's mtime moved (what a listing notices). */
  const later = (folder: string, at: string) => {
    utimesSync(folder, new Date(), new Date(Date.now() + 5_000));
    vi.setSystemTime(new Date(at));
  };

  it("sees a package.json added to a folder that had none (the folder's root was kept for the process)", () => {
    const root = project({ "serverless.yml": SERVERLESS, "src/": "" });
    const file = join(root, "src", "chat.ts");
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-01T00:00:00Z") });
    try {
      // No package.json at or above the folder: no project, no configuration read.
      expect(configuredHandlerNames(file, root)).toEqual([]);
      writeFileSync(join(root, "package.json"), "{}");
      later(root, "2030-01-01T00:00:01.500Z");
      expect(configuredHandlerNames(file, root)).toEqual(["main"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("forgets a configuration deleted mid-session, and a folder without one stays without", () => {
    const root = project({ "package.json": "{}", "serverless.yml": SERVERLESS, "src/": "", "other/": "" });
    const file = join(root, "src", "chat.ts");
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-01T00:00:00Z") });
    try {
      expect(configuredHandlerNames(file, root)).toEqual(["main"]);
      expect(configuredHandlerNames(join(root, "other", "chat.ts"), root)).toEqual([]);
      rmSync(join(root, "serverless.yml"));
      later(root, "2030-01-01T00:00:01.500Z");
      expect(configuredHandlerNames(file, root)).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("configuredPreloads: NODE_OPTIONS a Lambda configuration sets", () => {
  const project = useTempProjects("lambda-node-options");

  it("reads serverless.yml's provider.environment and a function's environment when every function sets it", () => {
    const text = (fn: string) =>
      ["service: chat", "provider:", "  name: aws", "  environment:", "    STAGE: dev", "    NODE_OPTIONS: --import ./instrument.mjs # Sentry", "functions:", "  chat:", "    handler: src/chat.main", fn, "  search:", "    handler: src/search.main", "    environment:", "      NODE_OPTIONS: \"-r dd-trace/init\"", ""].join("\n");
    // A function's own NODE_OPTIONS replaces the provider's (the variable is one string, not a list): both functions run dd-trace only.
    expect(nodeOptionsOfText(text("    environment:\n      NODE_OPTIONS: '-r dd-trace/init'"))).toEqual([{ folder: "", value: "-r dd-trace/init" }]);
    // One function's own preload is not the other's, and the provider's no longer holds for the one that replaced it.
    expect(nodeOptionsOfText(text("    memorySize: 512"))).toEqual([]);
    const provider = "provider:\n  environment:\n    NODE_OPTIONS: \"--require ./x.js --enable-source-maps\"\nfunctions:\n  a:\n    handler: src/a.main\n";
    expect(nodeOptionsOfText(provider)).toEqual([{ folder: "", value: "--require ./x.js --enable-source-maps" }]);
    // A function that sets it to something unreadable (`${…}`) or without a preload replaces it too (review-rules3).
    expect(nodeOptionsOfText(`${provider}  b:\n    handler: src/b.main\n    environment:\n      NODE_OPTIONS: \${self:custom.opts}\n`)).toEqual([]);
    expect(nodeOptionsOfText(`${provider}  b:\n    handler: src/b.main\n    environment:\n      NODE_OPTIONS: --enable-source-maps\n`)).toEqual([]);
    // A YAML alias is not followed (the anchor's mapping may be anywhere): nothing is read rather than a guess.
    expect(nodeOptionsOfText("custom:\n  env: &env\n    NODE_OPTIONS: --import ./i.mjs\nprovider:\n  environment: *env\n")).toEqual([]);
  });

  it("reads SAM's Globals.Function and each function's Environment.Variables, per CodeUri folder", () => {
    const template = [
      "Transform: AWS::Serverless-2016-10-31",
      "Globals:",
      "  Function:",
      "    Environment:",
      "      Variables:",
      "        NODE_OPTIONS: --import @sentry/aws-serverless/awslambda-auto",
      "Resources:",
      "  Chat:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      CodeUri: chat/",
      "      Environment:",
      "        Variables:",
      "          NODE_OPTIONS: -r ./otel.cjs",
      "  Search:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      CodeUri: search/",
      "  Table:",
      "    Type: AWS::DynamoDB::Table",
      "    Properties:",
      "      Environment:",
      "        Variables:",
      "          NODE_OPTIONS: -r ./not-a-function.cjs",
      "",
    ].join("\r\n");
    // Chat's own NODE_OPTIONS wins over Globals' (SAM merges a function's variables over the globals'): Chat runs
    // ./otel.cjs only, Search the global preload.
    expect(nodeOptionsOfText(template)).toEqual([
      { folder: "chat", value: "-r ./otel.cjs" },
      { folder: "search", value: "--import @sentry/aws-serverless/awslambda-auto" },
    ]);
    const root = project({ "package.json": "{}", "chat/": "", "search/": "", "template.yaml": template });
    expect(configuredPreloads(join(root, "chat", "app.ts"))).toEqual(["./otel.cjs"]);
    // A relative preload resolves against the function's CodeUri (Lambda runs it from there), not the project root.
    expect(preloadsWithFolders(join(root, "chat", "app.ts"))).toEqual([{ specifier: "./otel.cjs", directory: join(root, "chat") }]);
    expect(configuredPreloads(join(root, "search", "app.ts"))).toEqual(["@sentry/aws-serverless/awslambda-auto"]);
    // Globals' variables reach every function, also one whose own CodeUri is not Globals' folder.
    const globalCodeUri = "Globals:\n  Function:\n    CodeUri: src/\n    Environment:\n      Variables:\n        NODE_OPTIONS: --import ./i.mjs\nResources:\n  A:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: other/\n";
    expect(nodeOptionsOfText(globalCodeUri)).toEqual([
      { folder: "src", value: "--import ./i.mjs" },
      { folder: "other", value: "--import ./i.mjs" },
    ]);
  });

  it("reads no value it cannot know: a variable, a block scalar, a flow mapping, a commented-out line, another key", () => {
    const env = (lines: string) => `provider:\n  environment:\n${lines}\n`;
    expect(nodeOptionsOfText(env("    NODE_OPTIONS: ${self:custom.nodeOptions}"))).toEqual([]);
    expect(nodeOptionsOfText(env("    NODE_OPTIONS: >\n      --import ./instrument.mjs"))).toEqual([]);
    expect(nodeOptionsOfText("provider:\n  environment: { NODE_OPTIONS: --import ./instrument.mjs }\n")).toEqual([]);
    expect(nodeOptionsOfText(env("    # NODE_OPTIONS: --import ./instrument.mjs"))).toEqual([]);
    expect(nodeOptionsOfText(env("    MY_NODE_OPTIONS: --import ./instrument.mjs"))).toEqual([]);
    expect(nodeOptionsOfText("custom:\n  environment:\n    NODE_OPTIONS: --import ./instrument.mjs\n")).toEqual([]);
  });

  it("sees an edit of serverless.yml after at most a second", () => {
    const root = project({ "package.json": "{}", "src/": "", "serverless.yml": "provider:\n  environment:\n    STAGE: dev\n" });
    const file = join(root, "src", "chat.ts");
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-01T00:00:00Z") });
    try {
      expect(configuredPreloads(file)).toEqual([]);
      const config = join(root, "serverless.yml");
      writeFileSync(config, "provider:\n  environment:\n    NODE_OPTIONS: -r dd-trace/init\n");
      utimesSync(config, new Date(), new Date(Date.now() + 5_000));
      vi.setSystemTime(new Date("2030-01-01T00:00:00.500Z"));
      expect(configuredPreloads(file)).toEqual([]);
      vi.setSystemTime(new Date("2030-01-01T00:00:01.500Z"));
      expect(configuredPreloads(file)).toEqual(["dd-trace/init"]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("configuredEnvironmentValues: a variable the configuration sets for the function whose handler is the file", () => {
  const project = useTempProjects("lambda-functions-environment");
  const ENDPOINT = ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"];

  it("serverless.yml: the function's own value over provider.environment, by the handler's file (not by the service folder)", () => {
    const root = project({
      "package.json": "{}",
      "a/": "",
      "b/": "",
      "c/": "",
      "serverless.yml": [
        "provider:",
        "  environment:",
        "    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: https://shared.example/v1/traces",
        "functions:",
        "  one:",
        "    handler: a/handler.main",
        "    environment:",
        "      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://api.honeyhive.ai/opentelemetry/v1/traces' # HoneyHive",
        "  two:",
        "    handler: b/handler.main",
        "  three:",
        "    handler: c/handler.main",
        "    environment:",
        "      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: ${env:ENDPOINT}",
        "",
      ].join("\n"),
    });
    expect(configuredEnvironmentValues(join(root, "a", "handler.ts"), ENDPOINT, root)).toEqual(["https://api.honeyhive.ai/opentelemetry/v1/traces"]);
    expect(configuredEnvironmentValues(join(root, "b", "handler.ts"), ENDPOINT, root)).toEqual(["https://shared.example/v1/traces"]);
    // A `${…}` value cannot be read and replaces the shared one: nothing is known.
    expect(configuredEnvironmentValues(join(root, "c", "handler.ts"), ENDPOINT, root)).toEqual([]);
    // A module the handler imports is not the handler's file.
    expect(configuredEnvironmentValues(join(root, "a", "otel.ts"), ENDPOINT, root)).toEqual([]);
  });

  it("SAM: Globals' variables, a function's own winning, its Handler under its CodeUri", () => {
    const sam = [
      "Transform: AWS::Serverless-2016-10-31",
      "Globals:",
      "  Function:",
      "    Environment:",
      "      Variables:",
      "        OTEL_EXPORTER_OTLP_ENDPOINT: https://collector.internal",
      "Resources:",
      "  Chat:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      CodeUri: chat/",
      "      Handler: app.handler",
      "      Environment:",
      "        Variables:",
      '          OTEL_EXPORTER_OTLP_ENDPOINT: "https://api.honeyhive.ai/opentelemetry"',
      "  Search:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      CodeUri: search/",
      "      Handler: app.handler",
      "  Bucket:",
      "    Type: AWS::S3::Bucket",
      "",
    ].join("\n");
    const modules = environmentsOfText(sam).map(({ module, variables }) => [module, Object.fromEntries(variables)]);
    expect(modules).toEqual([
      ["chat/app", { OTEL_EXPORTER_OTLP_ENDPOINT: "https://api.honeyhive.ai/opentelemetry" }],
      ["search/app", { OTEL_EXPORTER_OTLP_ENDPOINT: "https://collector.internal" }],
    ]);
  });
});

// leftovers-7: Tencent SCF's object-form `src:`, and one parse of a configuration for both questions asked of it.
describe("Tencent SCF serverless.yml (component: scf): the code folder and the platform", () => {
  const project = useTempProjects("lambda-functions-config-scf");
  const scf = (src: readonly string[]): string => ["component: scf", "name: chat", "inputs:", ...src, "  handler: index.main_handler", "  runtime: Nodejs16.13", ""].join("\n");

  it("reads the object form of `src:`, as a block or a flow mapping, as the string form", () => {
    for (const src of [["  src: ./code"], ["  src:", "    src: ./code", "    exclude:", "      - .env"], ["  src: { src: ./code, exclude: [.env] }"], ['  src: { exclude: [".env"], src: "./code" }']]) {
      const root = project({ "package.json": "{}", "code/": "", "serverless.yml": scf(src) });
      expect(configuredHandlerNames(join(root, "code", "index.js")), src.join(" ")).toEqual(["main_handler"]);
      expect(configuredHandlerNames(join(root, "index.js")), src.join(" ")).toEqual([]);
      expect(configuredPlatform(join(root, "code", "index.js")), src.join(" ")).toBe(tencentScf);
    }
  });

  it("takes code in COS (`bucket`/`object`, no `src`) for no folder of the project", () => {
    const root = project({ "package.json": "{}", "serverless.yml": scf(["  src:", "    bucket: code-bucket", "    object: chat.zip"]) });
    expect(configuredHandlerNames(join(root, "index.js"))).toEqual([]);
  });

  it("parses the file once for the handler names and the platform", () => {
    const root = project({ "package.json": "{}", "code/": "", "serverless.yml": scf(["  src: ./code"]) });
    const file = join(root, "code", "index.js");
    expect(configuredHandlerNames(file)).toEqual(["main_handler"]);
    expect(configuredPlatform(file)).toBe(tencentScf);
    const modules = projectModules();
    modules.forgetRechecked();
    const read = vi.spyOn(modules.fs, "readFile");
    try {
      expect(configuredHandlerNames(file)).toEqual(["main_handler"]);
      expect(configuredPlatform(file)).toBe(tencentScf);
      expect(read.mock.calls.filter(([path]) => String(path).endsWith("serverless.yml"))).toEqual([]);
    } finally {
      read.mockRestore();
    }
  });
});
