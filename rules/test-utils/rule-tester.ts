// RuleTester on vitest, set up once for every rule test file. Test-only (not built).
import { RuleTester, type RuleTesterConfig } from "@typescript-eslint/rule-tester";
import type { TSESLint } from "@typescript-eslint/utils";
import { afterAll, describe, it } from "vitest";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export function createRuleTester(config?: RuleTesterConfig): RuleTester {
  return new RuleTester(config);
}

/**
 * `rule` as RuleTester#run accepts it. @typescript-eslint/rule-tester 8.72 (the newest published)
 * brings its own nested @typescript-eslint/utils, whose RuleModule type is nominally different from
 * the 8.73 one the rules are built with; the object is the same at runtime.
 */
export function testableRule(rule: TSESLint.RuleModule<string, readonly unknown[]>): Parameters<RuleTester["run"]>[1] {
  return rule as unknown as Parameters<RuleTester["run"]>[1];
}
