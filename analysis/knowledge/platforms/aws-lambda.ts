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
  requestInputs: {
    ...INVOCATION_INPUT,
    // SNS: "MessageId: A Universally Unique Identifier (UUID), unique for each message published"
    // (docs.aws.amazon.com/sns/latest/dg/http-notification-json.html), the same id Lambda's SNS event carries
    // under `Records[i].Sns` (checked 2026-12-08). Not SQS's `Records[i].messageId`: "a system-assigned message
    // ID … The maximum length of a message ID is 100 characters" (SQSDeveloperGuide/sqs-queue-message-identifiers),
    // no format promised (UUID-shaped today, and AWS support advises against relying on it: dev.classmethod.jp
    // "sqs-message-id-format-specification", 2025-02-13). Not EventBridge's `id` either, "A Version 4 UUID
    // generated for every event" (eventbridge/latest/userguide/eb-events-structure.html), as a top-level `id` is
    // also any direct invocation's or Step Functions payload's own; nor `requestContext.requestId`, a UUID from a
    // REST API and not from an HTTP API ("JKJaXmPLvHcESHA=").
    assignedUuids: [["Records", "*", "Sns", "MessageId"]],
  },
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
