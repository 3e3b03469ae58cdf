// `npx jscodeshift -t node_modules/honeyhive/dist/cjs/codemods/jscodeshift/hoist-tracer-init.js`: the hoist-tracer-init
// transform alone, through the same engine as `honeyhive migrate`.
import { jscodeshiftEntry } from "../engine/engine.js";

export default jscodeshiftEntry("hoist-tracer-init");
