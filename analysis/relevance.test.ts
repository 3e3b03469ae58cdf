import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { visitorKeys } from "@typescript-eslint/visitor-keys";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { FIXTURES_DIR } from "../fixtures/index.js";
import { enclosingFunction, findVariable } from "./ast.js";
import { findEvaluateTracerBindings } from "./evaluate.js";
import { mayExportOtelToHoneyhive, mayImportOtelPipeline } from "./flush-calls.js";
import { findImplicitTracerUses } from "./implicit-tracer.js";
import { findInstrumentationsWithoutProvider } from "./instrumentations.js";
import { findLostSessions } from "./lost-session.js";
import { parseAnalysisInput } from "./parse-input.js";
import type { AnalysisInput } from "./input.js";
import { mayNameOtelPackage, mayNameOtelPipeline, relevanceOf } from "./relevance.js";
import { findUnvalidatedSessionIds } from "./session-id-flow.js";
import { readSettings } from "./settings.js";
import { includesText, indexOfText, lineStartsWith } from "./text-search.js";
import { findTracerInitsPerCall } from "./tracer-init.js";

const SCRIPT = /\.(?:[cm]?[jt]sx?)$/;

/** Every script under fixtures/ (both sides of the before/after pairs included). */
function fixtureScripts(): { readonly filename: string; readonly text: string }[] {
  return readdirSync(FIXTURES_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SCRIPT.test(entry.name) && !entry.name.endsWith(".d.ts"))
    .map((entry) => join(entry.parentPath, entry.name))
    .map((filename) => ({ filename, text: readFileSync(filename, "utf8") }));
}

// The fixture-wide cases analyse every fixture script with each rule's engine: ~10-20 s alone, over
// 40 s with two vitest workers on a loaded 2-core machine. Their own budget, not the default 30 s.
const FIXTURE_WIDE = { timeout: 120_000 };

const relevanceFor = (text: string, filename = "/project/src/file.ts") => relevanceOf(parseAnalysisInput(text, filename, readSettings({})));

/** The calls no-session-start-in-handler and no-tracer-init-in-handler start an imported helper's finding from, found by walking the tree. */
function helperCalls(input: AnalysisInput): TSESTree.CallExpression[] {
  const importedNames = new Set<string>();
  for (const statement of input.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === "type") continue;
    for (const specifier of statement.specifiers) if (specifier.type !== AST_NODE_TYPES.ImportNamespaceSpecifier) importedNames.add(specifier.local.name);
  }
  const found: TSESTree.CallExpression[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && enclosingFunction(node) !== undefined) {
      const variable = findVariable(input.scopeManager, node.callee, node.callee.name);
      if (importedNames.has(node.callee.name) || variable?.defs[0]?.type === "ImportBinding") found.push(node);
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) if (item && typeof (item as TSESTree.Node).type === "string") visit(item as TSESTree.Node);
    }
  };
  visit(input.ast);
  return found;
}

/** What the fixture-wide cases read of one fixture script, from one parse (the tree itself is not kept). */
interface FixtureReading {
  readonly filename: string;
  readonly relevance: ReturnType<typeof relevanceOf>;
  /** The findings of the rules that read the SDK model, for a file relevance lets through without the SDK. */
  readonly findings?: { readonly evaluate: number; readonly lostSessions: number; readonly implicitTracers: number; readonly sessionIds: number; readonly instrumentations: number; readonly inits?: number };
  readonly helperCalls: number;
}

function readFixture(filename: string, text: string): FixtureReading {
  const input = parseAnalysisInput(text, filename, readSettings({}));
  const relevance = relevanceOf(input);
  const findings = relevance.sdk
    ? undefined
    : {
        evaluate: findEvaluateTracerBindings(input).bindings.length + findEvaluateTracerBindings(input).tracers.length,
        lostSessions: findLostSessions(input).length,
        implicitTracers: findImplicitTracerUses(input).length,
        sessionIds: findUnvalidatedSessionIds(input).length,
        instrumentations: findInstrumentationsWithoutProvider(input).length,
        // The per-call tracer inits are asked of files that name no OpenTelemetry package.
        ...(mayNameOtelPackage(text) ? {} : { inits: findTracerInitsPerCall(input).length }),
      };
  return { filename, relevance, findings, helperCalls: helperCalls(input).length };
}

describe("relevance: a necessary condition of every finding, file by file", () => {
  const files = fixtureScripts();
  // Each script parsed and read once for the two cases below.
  let readings: FixtureReading[] = [];
  beforeAll(() => {
    readings = files.map(({ filename, text }) => readFixture(filename, text));
  }, FIXTURE_WIDE.timeout);

  it("lets through every fixture where a rule that reads the SDK model finds anything", () => {
    let usingSdk = 0;
    for (const { filename, relevance, findings } of readings) {
      if (relevance.sdk) {
        usingSdk++;
        continue;
      }
      const { inits, ...model } = findings!;
      expect({ filename, ...model }).toEqual({ filename, evaluate: 0, lostSessions: 0, implicitTracers: 0, sessionIds: 0, instrumentations: 0 });
      if (inits !== undefined) expect({ filename, inits }).toEqual({ filename, inits: 0 });
    }
    // Most fixtures use the SDK: the others are its look-alikes, the cases this must keep quiet.
    expect(usingSdk).toBeGreaterThan(files.length / 2);
  });

  it("marks every fixture that calls an imported helper inside a function", () => {
    let withCalls = 0;
    for (const { filename, relevance, helperCalls: calls } of readings) {
      if (calls === 0) continue;
      withCalls++;
      expect({ filename, importedCall: relevance.importedCall }).toEqual({ filename, importedCall: true });
    }
    expect(withCalls).toBeGreaterThan(50);
  });

  it("finds a superset of the flush rule's OpenTelemetry text tests in every fixture", () => {
    let named = 0;
    for (const { filename, text } of files) {
      if (!mayExportOtelToHoneyhive(text) && !mayImportOtelPipeline(text)) continue;
      named++;
      expect({ filename, named: mayNameOtelPipeline(text) }).toEqual({ filename, named: true });
    }
    expect(named).toBeGreaterThan(20);
  });
});

describe("relevance: the imported helper's call", () => {
  it("is a call of an import inside a function, not at module level or through a member", () => {
    expect(relevanceFor(`import { openSession } from "./session";\nexport function handler(req) { return openSession(req); }`).importedCall).toBe(true);
    expect(relevanceFor(`import open from "./session";\nexport const handler = async (req) => { await open(req); };`).importedCall).toBe(true);
    expect(relevanceFor(`import { f } from "./a";\nclass A { run() { f(); } }`).importedCall).toBe(true);
    expect(relevanceFor(`import { f } from "./a";\nfunction h(x = f()) { return x; }`).importedCall).toBe(true);
    expect(relevanceFor(`import * as lib from "./a";\nfunction h() { lib(); }`).importedCall).toBe(true);
    expect(relevanceFor(`import lib = require("./a");\nfunction h() { lib(); }`).importedCall).toBe(true);
    // At module level a call runs once (no handler holds it); a member call is no helper call.
    expect(relevanceFor(`import { f } from "./a";\nconst x = f();\nexport default x;`).importedCall).toBe(false);
    expect(relevanceFor(`import * as lib from "./a";\nexport function h() { return lib.f(); }`).importedCall).toBe(false);
    expect(relevanceFor(`import { f } from "./a";\nexport function h() { return f; }`).importedCall).toBe(false);
    expect(relevanceFor(`import { f } from "./a";\nexport function h() { return new f(); }`).importedCall).toBe(false);
    // A top-level CommonJS binding is followed as an import is (no-session-start-in-handler's candidates); a
    // require inside a function, or one whose binding is only read, is not.
    expect(relevanceFor(`const { f } = require("./a");\nmodule.exports = function h() { return f(); };`, "/project/src/file.cjs").importedCall).toBe(true);
    expect(relevanceFor(`const f = require("./a").f;\nexports.h = () => f();`, "/project/src/file.cjs").importedCall).toBe(true);
    expect(relevanceFor(`exports.h = () => { const { f } = require("./a"); return f; };`, "/project/src/file.cjs").importedCall).toBe(false);
    expect(relevanceFor(`const { f } = require("./a");\nmodule.exports = function h() { return f; };`, "/project/src/file.cjs").importedCall).toBe(false);
  });

  it("counts a nested declaration of an imported name, and a namespace, as a possible call", () => {
    // session-start's candidates go by name: `f()` here is a candidate whatever `f` now holds.
    expect(relevanceFor(`import { f } from "./a";\nexport function h(g) { const f = g.start; return f(); }`).importedCall).toBe(true);
    expect(relevanceFor(`import { f } from "./a";\nconst run = (f) => f();`).importedCall).toBe(true);
    // Declared again but never called so: no candidate.
    expect(relevanceFor(`import { f } from "./a";\nexport function h(f) { return f; }`).importedCall).toBe(false);
    // A type-only import's name is not one of them.
    expect(relevanceFor(`import type { f } from "./a";\nexport function h(f: () => void) { return 1; }`).importedCall).toBe(false);
    expect(relevanceFor(`export namespace N { import x = M.y; export function h() { x(); } }`).importedCall).toBe(true);
    // An ambient namespace (effect's type namespaces) holds no code.
    expect(relevanceFor(`import { f } from "./a";\nexport declare namespace N { type T = ReturnType<typeof f>; }\nf();`).importedCall).toBe(false);
  });

  it("is implied by the SDK", () => {
    const relevance = relevanceFor(`import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = HoneyHiveTracer.init({ apiKey: "k", project: "p" });`);
    expect(relevance).toEqual({ sdk: true, importedCall: true });
  });
});

describe("relevance: OpenTelemetry words", () => {
  it("reads what the flush rule's tests look for", () => {
    const named = [
      `import { NodeSDK } from "@opentelemetry/sdk-node";`,
      `const { trace } = require("@opentelemetry/api");`,
      `export const t = provider.getTracer("x");`,
      `span = tracer.startSpan("x");`,
      `otel.startActiveSpan("x", fn);`,
      `await provider.forceFlush();`,
      `import { tracer } from "./tracing";`,
      `import {\n  a,\n  appTracer as t,\n} from "lib";`,
      `const { Tracer: T } = require("lib");`,
      `import "./instrument";`,
      `  \n\t import   '../setup';`,
      `require("#telemetry");`,
      `x();\n   require ( "~/boot" );`,
    ];
    for (const text of named) expect({ text, named: mayNameOtelPipeline(text) }).toEqual({ text, named: true });
    const quiet = [
      `import { z } from "zod";\nexport const s = z.string();`,
      `const x = 1; import("./lazy");`,
      `foo(); import "./x";`,
      `// require("./x")`,
      `import "lodash";`,
      `import * as Tracer from "./Tracer.js";\nexport const span: Tracer.Span = Tracer.make({ tracer: 1 });`,
    ];
    for (const text of quiet) expect({ text, named: mayNameOtelPipeline(text) }).toEqual({ text, named: false });
  });
});

describe("relevance: OpenTelemetry packages are the profile's data", () => {
  afterEach(() => {
    vi.doUnmock("./knowledge/sdks/opentelemetry.js");
    vi.resetModules();
  });

  it("sees @vercel/otel, a component package outside the @opentelemetry/ scope, in both text tests", () => {
    for (const text of [`import { registerOTel } from "@vercel/otel";\nregisterOTel("app");`, `const { registerOTel } = require("@vercel/otel");`, `await import("@vercel/otel/sub");`]) {
      const input = parseAnalysisInput(text, "/project/src/instrumentation.ts", readSettings({}));
      expect({ text, imports: mayImportOtelPipeline(text, input.ast), named: mayNameOtelPipeline(text) }).toEqual({ text, imports: true, named: true });
    }
    // Another package whose name starts so is none of them; a comment is no import.
    const lookalike = `import { x } from "@vercel/otel-lookalike";\nexport const y = x;`;
    expect(mayImportOtelPipeline(lookalike, parseAnalysisInput(lookalike, "/project/src/a.ts", readSettings({})).ast)).toBe(false);
    const comment = `// import { registerOTel } from "@vercel/otel"\nexport const y = 1;`;
    expect(mayImportOtelPipeline(comment, parseAnalysisInput(comment, "/project/src/a.ts", readSettings({})).ast)).toBe(false);
  });

  it("sees a package named only in the profile, in both text tests", async () => {
    vi.resetModules();
    vi.doMock("./knowledge/sdks/opentelemetry.js", async (importOriginal) => {
      const original = await importOriginal<typeof import("./knowledge/sdks/opentelemetry.js")>();
      return { ...original, opentelemetryProfile: { ...original.opentelemetryProfile, modules: [...original.opentelemetryProfile.modules, "@acme/otel-kit"] } };
    });
    const flushCalls = await import("./flush-calls.js");
    const relevance = await import("./relevance.js");
    const text = `import { setUp } from "@acme/otel-kit";\nexport const handler = async () => ({ statusCode: 200 });\n`;
    const input = parseAnalysisInput(text, "/project/src/handler.ts", readSettings({}));
    expect([flushCalls.mayImportOtelPipeline(text, input.ast), relevance.mayNameOtelPackage(text), relevance.mayNameOtelPipeline(text)]).toEqual([true, true, true]);
    expect(flushCalls.mayImportOtelPipeline(`const kit = require("@acme/otel-kit/node");`)).toBe(true);
    // Without the entry, the same text passes neither (the modules loaded before the mock).
    expect([mayImportOtelPipeline(text, input.ast), mayNameOtelPipeline(text)]).toEqual([false, false]);
  });
});

describe("text search by the rarest character", () => {
  const words = ["honeyhive", "import(", "constructor(", "@opentelemetry/", "racer", "Span", "sessionId", "a", "ve", "use server"];
  const texts = [
    "",
    "honeyhive",
    "xhoneyhive",
    "honeyhiv",
    "ve honeyhive ve",
    "have resolve honeyhiv e honeyhive",
    "import (x); import(y)",
    "@opentelemetry @opentelemetry/api",
    "tracer Tracer racer",
    "uuse server use serve use server",
    "sessionI sessionId",
    "čhoneyhive ü",
  ];

  it("answers as String.prototype.includes and indexOf", () => {
    for (const word of words) {
      for (const text of texts) {
        expect({ word, text, found: includesText(text, word) }).toEqual({ word, text, found: text.includes(word) });
        for (let from = 0; from <= text.length; from++) expect(indexOfText(text, word, from)).toBe(text.indexOf(word, from));
      }
    }
  });

  it("anchors a word to the start of a line as `^\\s*` does with the m flag", () => {
    const after = /\s*["']\./y;
    const samples = ["import './a'", "  import './a'", "x\n  import './a'", "x; import './a'", "\r\nimport \"./a\"", "// import './a'", "importer './a'", "x\u2028 import './a'", "import 'a'\nimport './b'"];
    for (const text of samples) expect({ text, found: lineStartsWith(text, "import", after) }).toEqual({ text, found: /^\s*import\s*["']\./m.test(text) });
  });
});
