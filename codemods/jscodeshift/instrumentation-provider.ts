// `npx jscodeshift -t node_modules/honeyhive/dist/cjs/codemods/jscodeshift/instrumentation-provider.js`: the instrumentation-provider
// transform alone, through the same engine as `honeyhive migrate`.
import { jscodeshiftEntry } from "../engine/engine.js";

export default jscodeshiftEntry("instrumentation-provider");
