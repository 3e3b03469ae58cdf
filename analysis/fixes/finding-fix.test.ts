import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import { describe, expect, it } from "vitest";
import { applyEdits, EditList } from "../edits.js";
import { nodesOfType } from "../nodes.js";
import { parseAnalysisInput } from "../parse-input.js";
import { editsOf, fixFromEdits, ruleFixOf } from "./finding-fix.js";

describe("editsOf: a fix whose SDK name needs an import its package cannot resolve", () => {
  // A fix that writes the SDK's free `trace` where the file has no SDK import to add it to: the import it needs is
  // `import { trace } from "honeyhive"`, which in a package without a honeyhive dependency would not resolve under
  // pnpm or Yarn PnP (SdkImports.packageWithoutSdk).
  const source = `import { tracer } from "./tracing";\nexport const rerank = tracer.trace({ eventType: "tool" }, (documents: string[]) => documents.slice(0, 2));\n`;
  const applied = (dependencies: Record<string, string>) => {
    const root = mkdtempSync(join(tmpdir(), "honeyhive-finding-fix-"));
    mkdirSync(join(root, "src"), { recursive: true });
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "@acme/evals", dependencies }));
    const filename = join(root, "src", "eval.ts");
    writeFileSync(filename, source);
    const input = parseAnalysisInput(source, filename, undefined, root);
    const call = nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)[0]!;
    const edits = new EditList();
    edits.replace(call.callee, "trace");
    const fix = fixFromEdits(edits, { use: ["trace"] });
    const otherEdits = new EditList();
    otherEdits.insertAt(0, "// other\n");
    const other = fixFromEdits(otherEdits);
    return { output: applyEdits(source, editsOf(input, [fix, other])), ruleFix: ruleFixOf(input, [fix]) };
  };

  it("is not applied (no honeyhive import, no unbound trace) where the package does not depend on honeyhive; the others are", () => {
    const { output, ruleFix } = applied({ "@acme/obs": "workspace:*" });
    expect(output).toBe(`// other\n${source}`);
    expect(ruleFix({ replaceTextRange: () => ({ range: [0, 0], text: "" }) } as never)).toBeNull();
  });

  it("is applied with its import where the package does", () => {
    const { output } = applied({ honeyhive: "^2.0.0" });
    expect(output).toContain(`import { trace } from "honeyhive";`);
    expect(output).toContain("export const rerank = trace({");
  });
});
