import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { describe, expect, it } from "vitest";
import { getAnalysisContext } from "./context.js";
import { nodesOfType } from "./nodes.js";
import { parseAnalysisInput } from "./parse-input.js";
import { originMatches } from "./value-specifier.js";
import type { ValueSpecifier } from "./knowledge/types.js";

/** Whether the callee of the file's one call is the value `spec` names. */
function calleeMatches(code: string, spec: ValueSpecifier): boolean {
  const input = parseAnalysisInput(code, "src/x.ts");
  const isRequire = (callee: TSESTree.Node) => callee.type === AST_NODE_TYPES.Identifier && callee.name === "require";
  const [call] = nodesOfType(input.ast, AST_NODE_TYPES.CallExpression).filter((node) => !isRequire(node.callee));
  return originMatches(getAnalysisContext(input).bindings.originOf(call.callee), spec);
}

// The default export is compared under one name, `originName`'s `""`: a descriptor may write it `"default"`
// (as export lists and PackageExport do) or `""` (the module value), and every binding form matches both.
describe("originMatches: the default export", () => {
  const forms = [
    ["a default import", `import isUUID from "validator/lib/isUUID";\nisUUID(id);`],
    ["`import { default as x }`", `import { default as isUUID } from "validator/lib/isUUID";\nisUUID(id);`],
    ["a require", `const isUUID = require("validator/lib/isUUID");\nisUUID(id);`],
  ] as const;
  it.each(forms)("%s is matched by name \"default\"", (_form, code) => expect(calleeMatches(code, { package: "validator/lib/isUUID", name: "default" })).toBe(true));
  it.each(forms)("%s is matched by name \"\"", (_form, code) => expect(calleeMatches(code, { package: "validator/lib/isUUID", name: "" })).toBe(true));
  it.each(forms)("%s is matched in a list of names", (_form, code) => expect(calleeMatches(code, { package: "validator/lib/isUUID", name: ["isUUID", "default"] })).toBe(true));

  it("does not take a named export for the default one, nor the default for a named one", () => {
    expect(calleeMatches(`import { isUUID } from "validator";\nisUUID(id);`, { package: "validator", name: "default" })).toBe(false);
    expect(calleeMatches(`import validator from "validator";\nvalidator(id);`, { package: "validator", name: "isUUID" })).toBe(false);
    expect(calleeMatches(`import isUUID from "./validator";\nisUUID(id);`, { package: "validator", name: "default" })).toBe(false);
  });
});
