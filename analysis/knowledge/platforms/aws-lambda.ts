import type { PlatformDescriptor } from "../types.js";
import { INVOCATION_INPUT } from "../frameworks/common.js";

/** AWS Lambda freezes the execution environment as soon as the handler's promise settles. */
export const awsLambda = {
  id: "aws-lambda",
  name: "AWS Lambda",
  freezesAfterReturn: true,
  requestInputs: INVOCATION_INPUT,
} as const satisfies PlatformDescriptor;
