// `npx jscodeshift -t node_modules/honeyhive/dist/cjs/codemods/jscodeshift/lost-session-context.js`: the lost-session-context
// transform alone, through the same engine as `honeyhive migrate`.
import { jscodeshiftEntry } from "../engine/engine.js";

export default jscodeshiftEntry("lost-session-context");
