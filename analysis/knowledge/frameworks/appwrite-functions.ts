// Appwrite Functions (appwrite.io/docs/products/functions/develop; the Node.js starter that `appwrite init functions`
// writes: `functions/<name>/src/main.js` with `export default async ({ req, res, log, error }) => { … return
// res.json(…); }`): the default export of the function's entry module runs once per execution. Open Runtimes serves
// the executions of a deployment from one long-lived Node.js process, several at a time, so the module's tracer is
// shared by concurrent executions (a request handler, not a platform that freezes after the response).
import type { FrameworkDescriptor } from "../types.js";
import { appwriteEntryFolders } from "./appwrite-config.js";
import { REQUEST_OBJECT } from "./common.js";

export const appwriteFunctions = {
  id: "appwrite-functions",
  name: "Appwrite Functions",
  unit: "execution",
  modules: ["node-appwrite"],
  // The starter's entry `src/main.*`, in a function whose package.json depends on `node-appwrite` (the starter's
  // only dependency): a `src/main.*` of another project (a NestJS bootstrap) is not one.
  // Also the entry module the project's CLI configuration names (`functions[].path` + `entrypoint` of
  // appwrite.config.json or appwrite.json: appwrite-config.ts), whatever its name and dependencies: a path that
  // matches nothing, so only that entry does.
  files: [
    { path: /(?:^|\/)src\/main\.[cm]?[jt]s$/, defaultExport: true, projectDependency: ["node-appwrite"] },
    { path: /(?!)/, configuredFolders: { of: appwriteEntryFolders, entry: /^/ }, defaultExport: true },
  ],
  // `({ req, res, log, error })`: the context's `req` holds the client's `headers`, `query`, `body`/`bodyJson`.
  requestInputs: { ...REQUEST_OBJECT, parts: [...REQUEST_OBJECT.parts, "bodyJson", "bodyText", "bodyRaw"] },
} as const satisfies FrameworkDescriptor;
