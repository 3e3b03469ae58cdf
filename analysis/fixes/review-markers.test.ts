// The code a review marker advises is compiled, so the advice type-checks as written (gaps-rules-7: the
// `getDelegate()` flush advised before needed a second cast to compile).
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { DELEGATE_FLUSH_CODE } from "./review-markers.js";

/** The diagnostics of `code`, compiled strictly as a module of this package (its node_modules resolve the imports). */
function diagnosticsOf(code: string): string[] {
  const file = join(import.meta.dirname, "__advice__.ts");
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) => (name === file ? ts.createSourceFile(name, code, language) : getSourceFile.call(host, name, language, ...rest));
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? code : readFile.call(host, name));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}

const IMPORTS = `import { trace, type ProxyTracerProvider } from "@opentelemetry/api";\nimport type { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";\n`;

describe("review markers' advised code", () => {
  it("the registered provider's flush (registerOTel()) type-checks", () => {
    expect(diagnosticsOf(`${IMPORTS}export async function flush(): Promise<void> {\n  ${DELEGATE_FLUSH_CODE};\n}\n`)).toEqual([]);
  });

  it("the check can fail: the advice without the second cast does not type-check", () => {
    const oneCast = DELEGATE_FLUSH_CODE.replace(/^await \(\((.*)\) as BasicTracerProvider\)/, "await ($1)");
    expect(oneCast).not.toBe(DELEGATE_FLUSH_CODE);
    expect(diagnosticsOf(`${IMPORTS}export async function flush(): Promise<void> {\n  ${oneCast};\n}\n`).join("\n")).toMatch(/forceFlush/);
  });
});
