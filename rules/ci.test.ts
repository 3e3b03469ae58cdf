// The README's CI recipe, run for real: `eslint --max-warnings=0` with configs.recommended fails the
// job on a finding and passes a clean tree, and `--format @microsoft/eslint-formatter-sarif` writes a
// SARIF log that code scanning accepts, naming our rule and linking its documentation.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFixtures } from "../fixtures/index.js";
import { runNodeIn } from "./test-utils/run-node.js";
import { createTempProject, USER_FLAT_CONFIG, type TempProject } from "./test-utils/temp-project.js";

const RULE = "no-session-start-in-handler";
// A fixture whose "after" is clean (a review-marker case keeps its finding).
const sample = loadFixtures(RULE).find((fixture) => !fixture.marker)!;

interface SarifLog {
  readonly version: string;
  readonly runs: readonly {
    readonly tool: { readonly driver: { readonly name: string; readonly rules?: readonly { readonly id: string; readonly helpUri?: string }[] } };
    readonly results: readonly {
      readonly ruleId: string;
      readonly level: string;
      readonly locations: readonly { readonly physicalLocation: { readonly artifactLocation: { readonly uri: string } } }[];
    }[];
  }[];
}

describe("CI: eslint --max-warnings=0 with configs.recommended", () => {
  let project: TempProject;
  beforeAll(() => {
    project = createTempProject("ci", ["eslint", "@typescript-eslint/parser", "@microsoft/eslint-formatter-sarif"]);
    project.write("eslint.config.js", USER_FLAT_CONFIG);
  });
  afterAll(() => project.remove());

  it("fails the job on the anti-pattern and writes SARIF with our rule id and its docs link", async () => {
    project.write(`bad/${sample.filename}`, sample.before);
    const sarifPath = join(project.dir, "eslint.sarif");
    const run = await runNodeIn(project, "node_modules/eslint/bin/eslint.js", [
      "--max-warnings=0",
      "--format",
      "@microsoft/eslint-formatter-sarif",
      "--output-file",
      sarifPath,
      "bad",
    ]);
    expect(run.status, run.stderr).toBe(1);

    const sarif = JSON.parse(readFileSync(sarifPath, "utf8")) as SarifLog;
    expect(sarif.version).toBe("2.1.0");
    const [sarifRun] = sarif.runs;
    expect(sarifRun.tool.driver.name).toBe("ESLint");
    const finding = sarifRun.results.find((result) => result.ruleId === `honeyhive/${RULE}`);
    expect(finding?.level).toBe("error");
    expect(finding?.locations[0].physicalLocation.artifactLocation.uri).toContain(sample.filename);
    const ruleEntry = sarifRun.tool.driver.rules?.find((rule) => rule.id === `honeyhive/${RULE}`);
    expect(ruleEntry?.helpUri).toMatch(new RegExp(`docs/rules/${RULE}\\.md$`));
  });

  it("passes the job on the fixed code", async () => {
    project.write(`good/${sample.filename}`, sample.after);
    const run = await runNodeIn(project, "node_modules/eslint/bin/eslint.js", ["--max-warnings=0", "good"]);
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
