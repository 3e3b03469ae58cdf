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
 * parameter, and the first is the runtime's own context (`context.invocationId` is no client input), but
 * two of its members carry the request: `context.req` is the HTTP trigger's request again, and
 * `context.bindingData` the trigger's metadata, for an HTTP trigger its route parameters, `query` and
 * `headers` (the client's). Checked in @azure/functions@3.2.0 index.d.ts (`Context.req`,
 * `Context.bindingData: ContextBindingData`, "trigger metadata and function invocation data").
 */
export const azureFunctionsV3 = {
  ...azureFunctions,
  requestInputs: {
    ...REQUEST_OBJECT,
    parameter: 1,
    otherParameters: {
      0: {
        ...REQUEST_OBJECT,
        parts: [...REQUEST_OBJECT.parts, "bindingData"],
        // What the host adds to every trigger's metadata: the invocation's GUID and `sys` (`methodName`,
        // `utcNow`, `randGuid`), the runtime's own values (Azure Functions' binding expressions,
        // "Binding expression patterns: trigger metadata" and `{sys.randGuid}`; @azure/functions 3.x
        // `ContextBindingData` "function invocation data", its `invocationId`).
        runtimeKeys: { bindingData: ["invocationId", "sys"] },
      },
    },
  },
} as const satisfies PlatformDescriptor;
