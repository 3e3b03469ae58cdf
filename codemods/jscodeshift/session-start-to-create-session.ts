// `npx jscodeshift -t node_modules/honeyhive/dist/cjs/codemods/jscodeshift/session-start-to-create-session.js`: the session-start-to-create-session
// transform alone, through the same engine as `honeyhive migrate`.
import { jscodeshiftEntry } from "../engine/engine.js";

export default jscodeshiftEntry("session-start-to-create-session");
