import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getHandlerModel, describeHandler } from "../../handlers.js";
import { mayHoldEntry } from "../../entry-gate.js";
import { parseAnalysisInput } from "../../parse-input.js";
import { readSettings } from "../../settings.js";
import { useTempProjects } from "../../test-utils/temp-projects.js";
import { appwriteEntryFolders, parseAppwriteEntries } from "./appwrite-config.js";

const ENTRY = `export default async ({ req, res, log }) => {\n  return res.json({ ok: true });\n};\n`;

/** The handlers a file of a project on disk holds, named as messages name them. */
function handlersOf(filename: string, code = ENTRY): string[] {
  const input = parseAnalysisInput(code, filename, readSettings({}));
  const model = getHandlerModel(input);
  const handlers = [...model.requestHandlers, ...model.lambdaHandlers];
  if (handlers.length > 0) expect(mayHoldEntry(input, "handler")).toBe(true);
  return handlers.map(describeHandler);
}

describe("parseAppwriteEntries: the entry modules an Appwrite CLI configuration names", () => {
  it("joins each function's path and entrypoint", () => {
    const text = JSON.stringify({ projectId: "p", functions: [{ $id: "a", path: "functions/chat", entrypoint: "src/index.js" }, { $id: "b", path: "functions/jobs", entrypoint: "dist/main.mjs" }] });
    expect(parseAppwriteEntries(text)).toEqual([
      { folder: "functions/chat", entry: join("functions/chat", "src/index.js") },
      { folder: "functions/jobs", entry: join("functions/jobs", "dist/main.mjs") },
    ]);
  });

  it("names nothing for text that is no JSON, no functions, or a function without both keys", () => {
    expect(parseAppwriteEntries("{ projectId: ")).toEqual([]);
    expect(parseAppwriteEntries(JSON.stringify({ projectId: "p" }))).toEqual([]);
    expect(parseAppwriteEntries(JSON.stringify({ functions: [{ path: "functions/chat" }, { entrypoint: "index.js" }, null] }))).toEqual([]);
  });
});

describe("appwriteEntryFolders and the Appwrite convention: the configured entry is a handler", () => {
  const project = useTempProjects("appwrite-config");
  const CONFIG = JSON.stringify({ projectId: "p", functions: [{ $id: "chat", path: "functions/chat", entrypoint: "src/index.js" }] });
  // The function's own package.json names no node-appwrite: the configuration is the evidence.
  const FILES = { "functions/chat/package.json": "{}", "functions/chat/src/": "" };

  it("finds the configuration above the function's package.json, under either name", () => {
    for (const name of ["appwrite.config.json", "appwrite.json"]) {
      const root = project({ [name]: CONFIG, ...FILES });
      expect(appwriteEntryFolders(join(root, "functions/chat/src/index.js")), name).toEqual([join(root, "functions/chat")]);
      expect(appwriteEntryFolders(join(root, "functions/chat/src/helpers.js")), name).toEqual([]);
      expect(handlersOf(join(root, "functions/chat/src/index.js")), name).toEqual(["Appwrite Functions handler"]);
    }
  });

  it("makes no other module of the function, nor a project without a configuration, an entry", () => {
    const root = project({ "appwrite.json": CONFIG, ...FILES });
    expect(handlersOf(join(root, "functions/chat/src/helpers.js"))).toEqual([]);
    const plain = project(FILES);
    expect(handlersOf(join(plain, "functions/chat/src/index.js"))).toEqual([]);
  });
});
