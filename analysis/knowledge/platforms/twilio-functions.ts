import type { PlatformDescriptor } from "../types.js";
import { awsLambda } from "./aws-lambda.js";

/**
 * Twilio Functions (Twilio Serverless): `exports.handler = (context, event, callback) => …` in a
 * project's `functions/` folder. Named like a Lambda handler and ended the same way (the invocation
 * ends with `callback(…)`, on AWS Lambda underneath), but the request's parameters (an SMS's `From`
 * and `Body`, a webhook's query and body) are in `event`, the second parameter; `context` is the
 * runtime's (`getTwilioClient()`, the deployment's environment variables).
 * https://www.twilio.com/docs/serverless/functions-assets/functions/invocation (recalled; the search
 * corpus had no Twilio page: the layout and the parameter order match twilio-run's templates, see
 * `TWILIO_FUNCTIONS_PROJECT`).
 */
export const twilioFunctions = {
  ...awsLambda,
  id: "twilio-functions",
  name: "Twilio Functions",
  requestInputs: { holds: "input", parameter: 1 },
} as const satisfies PlatformDescriptor;

/**
 * How a file is a Twilio Function rather than a Lambda handler: it lies in `functions/` of a project
 * whose package.json names Twilio Serverless's runtime (`@twilio/runtime-handler`, which Twilio's
 * deploy requires) or its CLI (`twilio-run`); the `twilio` client alone is any app's SMS library.
 * `assets/` of such a project holds Assets: static files, and private modules the Functions load through
 * `Runtime.getAssets()[path].path` ("Private Functions and Assets are library files intended only for
 * access via other Functions"): never an entry point, whatever they export (`exports.handler` of a helper
 * included). twilio-run's README: "JavaScript Functions should be placed in the functions directory and
 * assets … in the assets directory"; twilio.com/docs/runtime/client (getAssets) and
 * twilio.com/docs/serverless/functions-assets/visibility; checked with the search tool 2026-12-06.
 */
export const TWILIO_FUNCTIONS_PROJECT = {
  folder: "functions/",
  assetsFolder: "assets/",
  dependencies: ["@twilio/runtime-handler", "twilio-run"],
} as const;
