import type { PlatformDescriptor } from "../types.js";
import { EXPRESS_RESPONSE, INVOCATION_INPUT } from "../frameworks/common.js";

/** AWS Lambda freezes the execution environment as soon as the handler's promise settles. */
export const awsLambda = {
  id: "aws-lambda",
  name: "AWS Lambda",
  freezesAfterReturn: true,
  // "Initialize SDK clients and database connections outside of the function handler" to reuse them on warm starts
  // (docs.aws.amazon.com/lambda/latest/dg/best-practices.html; the seeds: "initialize the tracer outside the handler").
  initPlace: "module level, outside the handler: reused on warm starts",
  requestInputs: INVOCATION_INPUT,
} as const satisfies PlatformDescriptor;

/**
 * AWS Lambda serving an Express (or Connect-style) app through `serverless-http` or
 * `@codegenie/serverless-express` (`export const handler = serverless(app)`): the adapter's promise
 * settles, and the environment freezes, once the route has finished the response (`res.json(…)`), not
 * when the route's own function returns, so a route flushes before it sends, as on Google Cloud
 * Functions. serverless-http's README shows the other form, `const proxy = serverless(app);
 * module.exports.handler = async (event, context) => { const result = await proxy(event, context); …;
 * return result; }` (https://github.com/dougmoscrop/serverless-http), where one awaited flush after the
 * proxy covers every route.
 */
export const awsLambdaExpressApp = {
  ...awsLambda,
  responseCall: EXPRESS_RESPONSE,
} as const satisfies PlatformDescriptor;
