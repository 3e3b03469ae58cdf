import type { PlatformDescriptor } from "../types.js";

/** AWS Lambda freezes the execution environment as soon as the handler's promise settles. */
export const awsLambda = {
  id: "aws-lambda",
  name: "AWS Lambda",
  freezesAfterReturn: true,
} as const satisfies PlatformDescriptor;
