import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { MIGRATE_INTERRUPT_BUDGET, tieringFlags } from "./tiering.js";

describe("tieringFlags", () => {
  it("raises V8's tier-up budget for a migrate run", () => {
    expect(tieringFlags([])).toEqual([`--interrupt-budget=${MIGRATE_INTERRUPT_BUDGET}`]);
    expect(tieringFlags(["--enable-source-maps", "--max-old-space-size=4096"])).toEqual([`--interrupt-budget=${MIGRATE_INTERRUPT_BUDGET}`]);
  });

  it("leaves a budget the user chose alone", () => {
    expect(tieringFlags(["--interrupt-budget=1000"])).toEqual([]);
    expect(tieringFlags(["--interrupt_budget=1000"])).toEqual([]);
    expect(tieringFlags(["--interrupt-budget", "1000"])).toEqual([]);
  });

  it("sets a flag this Node's V8 knows (an unknown one would print an error on every run)", () => {
    for (const flag of tieringFlags([])) {
      const run = spawnSync(process.execPath, ["-e", `require("node:v8").setFlagsFromString(${JSON.stringify(flag)})`], { encoding: "utf8" });
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
    }
    const unknown = spawnSync(process.execPath, ["-e", `require("node:v8").setFlagsFromString("--no-such-v8-flag")`], { encoding: "utf8" });
    expect(unknown.stderr).toMatch(/unrecognized flag/);
  });
});
