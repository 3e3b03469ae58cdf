// `npx jscodeshift -t node_modules/honeyhive/dist/cjs/codemods/jscodeshift/explicit-tracer.js`: the explicit-tracer
// transform alone, through the same engine as `honeyhive migrate`.
import { jscodeshiftEntry } from "../engine/engine.js";

export default jscodeshiftEntry("explicit-tracer");
