// `npx jscodeshift -t node_modules/honeyhive/dist/cjs/codemods/jscodeshift/evaluate-managed-tracer.js`: the evaluate-managed-tracer
// transform alone, through the same engine as `honeyhive migrate`.
import { jscodeshiftEntry } from "../engine/engine.js";

export default jscodeshiftEntry("evaluate-managed-tracer");
