// Editors: squiggles and quick fixes come from the VS Code ESLint language server. This starts the
// real server (`vscode-eslint-language-server --stdio` from vscode-langservers-extracted) on a
// temporary project that uses the built plugin through its eslint.config.js, opens a file with an
// anti-pattern over LSP, and checks the diagnostic (our rule id, docs link) and the quick fix (the
// rule's autofix, which must turn the fixture's `before` into its `after`).
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFixtures } from "../fixtures/index.js";
import { REPOSITORY_ROOT } from "./test-utils/rule-files.js";
import { LspClient } from "./test-utils/lsp-client.js";
import { createTempProject, USER_FLAT_CONFIG, type TempProject } from "./test-utils/temp-project.js";

const RULE_ID = "honeyhive/no-session-start-in-handler";
// A case with one sessionStart() whose fix is the whole fixture diff, so the quick fix must yield `after`.
const sample = loadFixtures("no-session-start-in-handler").find(
  (fixture) => fixture.filename.startsWith("src/") && fixture.filename.endsWith(".ts") && fixture.before.split("sessionStart(").length === 2,
);
const serverScript = join(REPOSITORY_ROOT, "node_modules", "vscode-langservers-extracted", "bin", "vscode-eslint-language-server");

interface Position {
  readonly line: number;
  readonly character: number;
}
interface Range {
  readonly start: Position;
  readonly end: Position;
}
interface Diagnostic {
  readonly range: Range;
  readonly source?: string;
  readonly code?: string | number;
  readonly codeDescription?: { readonly href: string };
  readonly message: string;
  readonly severity?: number;
}
interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}
interface WorkspaceEdit {
  readonly changes?: Record<string, readonly TextEdit[]>;
  readonly documentChanges?: readonly { readonly textDocument: { readonly uri: string }; readonly edits: readonly TextEdit[] }[];
}
interface CodeAction {
  readonly title: string;
  readonly kind?: string;
  readonly diagnostics?: readonly Diagnostic[];
  readonly edit?: WorkspaceEdit;
  readonly command?: { readonly command: string; readonly arguments?: readonly unknown[] };
}

function offsetOf(text: string, position: Position): number {
  const lines = text.split("\n");
  return lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
}

/** Applies non-overlapping edits, last first so earlier offsets stay valid. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits]
    .sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start))
    .reduce((current, edit) => current.slice(0, offsetOf(current, edit.range.start)) + edit.newText + current.slice(offsetOf(current, edit.range.end)), text);
}

function editsFor(edit: WorkspaceEdit | undefined, uri: string): readonly TextEdit[] {
  return edit?.changes?.[uri] ?? edit?.documentChanges?.find((change) => change.textDocument.uri === uri)?.edits ?? [];
}

describe("VS Code ESLint language server with the built plugin", () => {
  let project: TempProject;
  let client: LspClient;
  let documentUri: string;
  // Edits the server asks the editor to apply (`workspace/applyEdit`, sent while executing a command).
  const appliedEdits: WorkspaceEdit[] = [];

  beforeAll(async () => {
    if (!sample) throw new Error("no single-sessionStart src/*.ts fixture of no-session-start-in-handler to open");
    project = createTempProject("lsp", ["eslint", "@typescript-eslint/parser"]);
    project.write("eslint.config.js", USER_FLAT_CONFIG);
    documentUri = pathToFileURL(project.write(sample.filename, sample.before)).href;
    const workspaceFolder = { name: "lsp-project", uri: pathToFileURL(project.dir).href };

    client = new LspClient(process.execPath, [serverScript, "--stdio"], project.dir);
    // What VS Code's ESLint extension answers for `workspace/configuration` (its `eslint.*` settings).
    const eslintSettings = {
      validate: "on",
      packageManager: "npm",
      useESLintClass: false,
      useFlatConfig: true,
      experimental: { useFlatConfig: false },
      codeAction: {
        disableRuleComment: { enable: true, location: "separateLine", commentStyle: "line" },
        showDocumentation: { enable: true },
      },
      codeActionOnSave: { mode: "all" },
      format: false,
      quiet: false,
      onIgnoredFiles: "off",
      options: {},
      rulesCustomizations: [],
      run: "onType",
      problems: { shortenToSingleLine: false },
      nodePath: null,
      workingDirectory: { directory: project.dir, "!cwd": false },
      workspaceFolder,
    };
    client.onRequest("workspace/configuration", (params) => (params as { items: unknown[] }).items.map(() => eslintSettings));
    client.onRequest("client/registerCapability", () => null);
    client.onRequest("window/workDoneProgress/create", () => null);
    client.onRequest("workspace/applyEdit", (params) => {
      appliedEdits.push((params as { edit: WorkspaceEdit }).edit);
      return { applied: true };
    });
    // Older servers ask before running a workspace's ESLint; 4 = "approved".
    client.onRequest("eslint/confirmESLintExecution", () => 4);
    for (const method of ["eslint/noConfig", "eslint/noLibrary", "eslint/probeFailed", "eslint/openDoc"]) client.onRequest(method, () => ({}));

    await client.request("initialize", {
      processId: process.pid,
      rootUri: workspaceFolder.uri,
      workspaceFolders: [workspaceFolder],
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          applyEdit: true,
          workspaceEdit: { documentChanges: true },
          didChangeConfiguration: { dynamicRegistration: true },
        },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true },
          diagnostic: { dynamicRegistration: false },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source.fixAll.eslint"] } } },
        },
      },
    });
    client.notify("initialized", {});
    client.notify("textDocument/didOpen", { textDocument: { uri: documentUri, languageId: "typescript", version: 1, text: sample.before } });
  });

  afterAll(async () => {
    await client?.close();
    project?.remove();
  });

  async function diagnostics(): Promise<readonly Diagnostic[]> {
    // The server answers pull diagnostics; the first answer may come before ESLint has loaded.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const report = await client.request<{ items?: readonly Diagnostic[] }>("textDocument/diagnostic", { textDocument: { uri: documentUri } });
      if ((report.items?.length ?? 0) > 0 || Date.now() > deadline) return report.items ?? [];
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  it("reports our rule on the open file, with the rule's docs link", async () => {
    const items = await diagnostics();
    const ours = items.find((item) => item.code === RULE_ID);
    expect(ours, `diagnostics: ${JSON.stringify(items)}\nserver log:\n${client.log()}`).toBeDefined();
    expect(ours?.source).toBe("eslint");
    expect(ours?.severity).toBe(1); // error
    expect(ours?.codeDescription?.href).toMatch(/docs\/rules\/no-session-start-in-handler\.md$/);
    expect(ours?.message).toContain("createSession");
  });

  it("offers the rule's fix as a quick fix whose edit turns the file into the recommended code", async () => {
    const ours = (await diagnostics()).find((item) => item.code === RULE_ID);
    expect(ours).toBeDefined();
    const actions = await client.request<readonly CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri: documentUri },
      range: ours?.range,
      context: { diagnostics: [ours], only: ["quickfix"] },
    });
    const titles = actions.map((action) => action.title);
    const fix = actions.find((action) => action.title === `Fix this ${RULE_ID} problem`);
    expect(fix, `code actions: ${JSON.stringify(titles)}`).toBeDefined();
    expect(fix?.kind).toBe("quickfix");
    // The fix comes inline (`edit`) or, as this server does, as a command that makes the server
    // send the edit back through `workspace/applyEdit`; either way it is the rule's autofix.
    let edit = fix?.edit;
    if (!edit && fix?.command) {
      await client.request("workspace/executeCommand", { command: fix.command.command, arguments: fix.command.arguments });
      edit = appliedEdits.at(-1);
    }
    expect(applyEdits(sample?.before ?? "", editsFor(edit, documentUri))).toBe(sample?.after);
    // The editor's other standard actions are there too: disable for a line, show the rule's docs.
    expect(titles).toContain(`Disable ${RULE_ID} for this line`);
    expect(titles).toContain(`Show documentation for ${RULE_ID}`);
  });
});
