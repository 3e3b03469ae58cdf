// The integration project of vitest.config.ts is exactly the tests that spawn processes: those that
// import node:child_process themselves or through a test helper they import. A new such test must be
// listed there, or it would slow the unit run; a listed file that no longer spawns belongs in the unit run.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { INTEGRATION_TESTS, ISOLATED_SDK_TESTS, ISOLATED_UNIT_TESTS, SHARED_UNIT_FOLDERS } from "../vitest.config.js";

const ROOT = resolve(import.meta.dirname, "..");
const SPAWNS = /from ["'](?:node:)?child_process["']/;
const LOCAL_IMPORT = /from ["'](\.{1,2}\/[^"']+)["']/g;

function spawnsProcesses(file: string, depth = 0): boolean {
  const text = readFileSync(file, "utf8");
  if (SPAWNS.test(text)) return true;
  if (depth > 0) return false;
  for (const [, specifier] of text.matchAll(LOCAL_IMPORT)) {
    if (!specifier.includes("test-utils/") && !specifier.includes("/scripts/")) continue;
    const target = join(dirname(file), specifier).replace(/\.js$/, ".ts");
    try {
      if (spawnsProcesses(target, depth + 1)) return true;
    } catch {
      // a .mjs helper or a missing file: not a test helper this check follows
    }
  }
  return false;
}

function testFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : testFiles(path);
    return entry.name.endsWith(".test.ts") && !entry.name.endsWith(".install.test.ts") ? [relative(ROOT, path)] : [];
  });
}

const MODULE_STATE_CALLS = new Set(["mock", "doMock", "unmock", "doUnmock", "resetModules", "stubEnv", "stubGlobal"]);
// sdk/version.ts is a generated constant, and sdk/test-utils/type-check.ts (the in-process `tsc -p` of a
// consumer project) loads no SDK module (its parsed-declarations cache is checked against the files on
// disk); every other SDK module starts or keeps process-wide state.
const STATELESS_SDK_MODULES = /\/sdk\/(?:version|test-utils\/type-check)\.js$/;

// Text every file with a reason holds (a superset: a vi.* call of MODULE_STATE_CALLS, an SDK or dist path of an import,
// process.env before an `=`): a file without it has no reason and is not parsed. Most unit files are rule and codemod
// cases, whose parse was most of this test's time.
const MAY_KEEP_STATE = new RegExp(String.raw`\bvi\s*\.\s*(?:${[...MODULE_STATE_CALLS].join("|")})\b|\.\/(?:sdk|dist)\/|process\.env[^;=]*=(?!=)`);

/**
 * Why a test file cannot share its module graph with other files in one worker, or undefined. An SDK unit
 * file (`sdkFile`) runs the SDK anyway, and the shared project's setup file (sdk/test-utils/shared-graph-setup.ts)
 * undoes vi.stubEnv and the SDK's process-wide memory after each file: what is left is mocking or resetting
 * modules, stubbing globals and writing process.env.
 */
function processStateOf(file: string, sdkFile = false): string | undefined {
  const text = readFileSync(file, "utf8");
  if (!sdkFile && !MAY_KEEP_STATE.test(text)) return undefined;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  let reason: string | undefined;
  const runsSdk = (specifier: string) => !sdkFile && /^(\.\.?\/)+(sdk|dist)\//.test(specifier) && !STATELESS_SDK_MODULES.test(specifier);
  const undone = (call: string) => sdkFile && call === "stubEnv";
  const visit = (node: ts.Node): void => {
    if (reason) return;
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier) && runsSdk(node.moduleSpecifier.text)) {
      reason = `imports ${node.moduleSpecifier.text}`;
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const [first] = node.arguments;
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "vi" && MODULE_STATE_CALLS.has(callee.name.text) && !undone(callee.name.text)) {
        reason = `calls vi.${callee.name.text}`;
      } else if ((ts.isIdentifier(callee) && callee.text === "require") || callee.kind === ts.SyntaxKind.ImportKeyword) {
        if (first && ts.isStringLiteralLike(first) && runsSdk(first.text)) reason = `loads ${first.text}`;
      }
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && node.left.getText(source).startsWith("process.env")) {
      reason = "writes process.env";
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return reason;
}

describe("vitest projects", () => {
  it("puts exactly the process-spawning tests into the integration project", () => {
    const tests = ["sdk", "analysis", "rules", "codemods", "scripts"].flatMap((folder) => testFiles(join(ROOT, folder)));
    const spawning = tests.filter((file) => spawnsProcesses(join(ROOT, file)));
    expect(spawning.length).toBeGreaterThan(10);
    expect([...INTEGRATION_TESTS].sort()).toEqual(spawning.sort());
  });

  it("shares module graphs only between unit files that keep no process-wide state (unit-shared)", () => {
    const unitFiles = SHARED_UNIT_FOLDERS.flatMap((folder) => testFiles(join(ROOT, folder))).filter((file) => !INTEGRATION_TESTS.includes(file));
    const stateful = unitFiles.flatMap((file) => {
      const reason = processStateOf(join(ROOT, file));
      return reason ? [`${file}: ${reason}`] : [];
    });
    // Each isolated file has a reason, and every file with a reason is isolated.
    expect(stateful.map((line) => line.split(":")[0]).sort()).toEqual([...ISOLATED_UNIT_TESTS].sort());
    expect(stateful.length).toBeGreaterThan(0);
  });

  it("shares module graphs between the SDK's unit files but those that mock or reset modules or write process.env", () => {
    const sdkUnitFiles = testFiles(join(ROOT, "sdk")).filter((file) => !INTEGRATION_TESTS.includes(file));
    const stateful = sdkUnitFiles.filter((file) => processStateOf(join(ROOT, file), true));
    expect([...ISOLATED_SDK_TESTS].sort()).toEqual(stateful.sort());
    expect(sdkUnitFiles.length - stateful.length).toBeGreaterThan(30);
  });
});
