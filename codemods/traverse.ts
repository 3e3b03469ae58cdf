// The transforms' view of the analysis core's node index: one walk per AST serves every type, every
// transform and the analysis core itself.
export { nodesOfType } from "../rules/analysis/nodes.js";
