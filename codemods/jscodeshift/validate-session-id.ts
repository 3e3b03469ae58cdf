// `npx jscodeshift -t node_modules/honeyhive/dist/cjs/codemods/jscodeshift/validate-session-id.js`: the validate-session-id
// transform alone, through the same engine as `honeyhive migrate`.
import { jscodeshiftEntry } from "../engine/engine.js";

export default jscodeshiftEntry("validate-session-id");
