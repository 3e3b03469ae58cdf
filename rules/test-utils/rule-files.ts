// What the plugin-level tests need to know about the rules folder. Test-only (not built).
import { readdirSync } from "node:fs";
import { join } from "node:path";

export const RULES_DIR = join(__dirname, "..");
export const REPOSITORY_ROOT = join(RULES_DIR, "..");

/** The rule names fixed by issue 3; later issues add more. */
export const MISSION_RULES: readonly string[] = [
  "no-global-tracer-with-evaluate",
  "no-session-start-in-handler",
  "require-force-flush-in-lambda",
  "require-explicit-tracer",
];

/** Rules issue 16 adds from the rest of the seeds' guidance. */
export const SEED_GUIDANCE_RULES: readonly string[] = ["require-valid-session-id", "tracer-provider-for-instrumentors", "no-lost-session-context"];

/** Files in rules/ that are plugin infrastructure, not rules. */
const NOT_RULES = new Set(["index", "configs", "create-rule", "version", "optional-peers", "tracer-label"]);

/** Names of the rule modules in rules/ (one `<rule-name>.ts` per rule), sorted. */
export function ruleFileNames(): string[] {
  return readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !/\.(test|d)\.ts$/.test(entry.name))
    .map((entry) => entry.name.slice(0, -".ts".length))
    .filter((name) => !NOT_RULES.has(name))
    .sort();
}
