// `npx jscodeshift -t node_modules/honeyhive/dist/cjs/codemods/jscodeshift/1x-flush.js`: the 1x-flush
// transform alone, through the same engine as `honeyhive migrate`.
import { jscodeshiftEntry } from "../engine/engine.js";

export default jscodeshiftEntry("1x-flush");
