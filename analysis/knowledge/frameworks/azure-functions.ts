import { azureFunctions as platform } from "../platforms/azure-functions.js";
import type { FrameworkDescriptor } from "../types.js";
import { methods } from "./common.js";

/** The trigger methods of the v4 programming model's `app` (each takes a name and a handler or `{ handler }`). */
const TRIGGERS = [
  "http", "get", "post", "put", "patch", "deleteRequest", "timer", "storageQueue", "storageBlob", "serviceBusQueue",
  "serviceBusTopic", "eventHub", "eventGrid", "cosmosDB", "sql", "mySql", "webPubSub", "warmup", "generic",
];

/** Azure Functions, Node.js v4 model: `app.http("name", { handler })`, `app.storageQueue("name", { handler })`, … */
export const azureFunctions = {
  id: "azure-functions",
  name: "Azure Functions",
  modules: ["@azure/functions"],
  platform,
  objects: {
    app: {
      isValue: [{ package: "@azure/functions", name: "app" }],
      methods: methods(TRIGGERS, { options: ["handler"], nameArgument: 0 }),
    },
  },
} as const satisfies FrameworkDescriptor;
