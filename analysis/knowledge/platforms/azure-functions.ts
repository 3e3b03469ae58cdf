import type { PlatformDescriptor } from "../types.js";

/** Azure Functions (Node.js v4 model) may stop or scale in the worker once the handler has returned. */
export const azureFunctions = {
  id: "azure-functions",
  name: "Azure Functions",
  freezesAfterReturn: true,
} as const satisfies PlatformDescriptor;
