// No rule of the plugin crashes a lint: every fixture of every rule and some odd inputs, linted with all
// the rules on (one parse per input and path, as in a user's lint with the plugin's config).
import { rules } from "./index.js";
import { describeRulesNeverThrow } from "./test-utils/fixture-lint.js";

describeRulesNeverThrow(rules);
