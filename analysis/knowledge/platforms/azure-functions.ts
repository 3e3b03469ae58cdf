import type { PlatformDescriptor } from "../types.js";
import { INVOCATION_INPUT, REQUEST_OBJECT } from "../frameworks/common.js";

/** Azure Functions (Node.js v4 model) may stop or scale in the worker once the handler has returned. */
export const azureFunctions = {
  id: "azure-functions",
  name: "Azure Functions",
  freezesAfterReturn: true,
  requestInputs: INVOCATION_INPUT,
} as const satisfies PlatformDescriptor;

/**
 * The same platform in the v3 model, whose handler takes `(context, req)`: the request is the second
 * parameter, and the first is the runtime's own context (`context.invocationId` is no client input).
 */
export const azureFunctionsV3 = {
  ...azureFunctions,
  requestInputs: { ...REQUEST_OBJECT, parameter: 1 },
} as const satisfies PlatformDescriptor;
