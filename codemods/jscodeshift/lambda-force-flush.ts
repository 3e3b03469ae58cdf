// `npx jscodeshift -t node_modules/honeyhive/dist/cjs/codemods/jscodeshift/lambda-force-flush.js`: the lambda-force-flush
// transform alone, through the same engine as `honeyhive migrate`.
import { jscodeshiftEntry } from "../engine/engine.js";

export default jscodeshiftEntry("lambda-force-flush");
