import type { PlatformDescriptor } from "../types.js";
import { INVOCATION_INPUT } from "../frameworks/common.js";

/** Azure Functions (Node.js v4 model) may stop or scale in the worker once the handler has returned. */
export const azureFunctions = {
  id: "azure-functions",
  name: "Azure Functions",
  freezesAfterReturn: true,
  requestInputs: INVOCATION_INPUT,
} as const satisfies PlatformDescriptor;
