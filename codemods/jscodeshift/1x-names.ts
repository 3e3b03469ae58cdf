// `npx jscodeshift -t node_modules/honeyhive/dist/cjs/codemods/jscodeshift/1x-names.js`: the 1x-names
// transform alone, through the same engine as `honeyhive migrate`.
import { jscodeshiftEntry } from "../engine/engine.js";

export default jscodeshiftEntry("1x-names");
