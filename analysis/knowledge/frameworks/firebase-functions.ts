import { gcpFunctions as platform } from "../platforms/gcp-functions.js";
import type { CallRegistration, FrameworkDescriptor } from "../types.js";

/**
 * The 2nd-gen trigger functions, by the namespace module that exports them
 * (`firebase-functions/v2/https` or `firebase-functions/https`, and `https.onRequest` of the root modules).
 */
const TRIGGERS: Readonly<Record<string, readonly string[]>> = {
  https: ["onRequest", "onCall", "onCallGenkit"],
  firestore: [
    "onDocumentCreated", "onDocumentUpdated", "onDocumentDeleted", "onDocumentWritten",
    "onDocumentCreatedWithAuthContext", "onDocumentUpdatedWithAuthContext", "onDocumentDeletedWithAuthContext", "onDocumentWrittenWithAuthContext",
  ],
  database: ["onValueCreated", "onValueUpdated", "onValueDeleted", "onValueWritten"],
  scheduler: ["onSchedule"],
  pubsub: ["onMessagePublished"],
  storage: ["onObjectFinalized", "onObjectDeleted", "onObjectArchived", "onObjectMetadataUpdated"],
  tasks: ["onTaskDispatched"],
  eventarc: ["onCustomEventPublished"],
  identity: ["beforeUserCreated", "beforeUserSignedIn", "beforeEmailSent", "beforeSmsSent"],
  remoteConfig: ["onConfigUpdated"],
};
const ROOTS = ["firebase-functions", "firebase-functions/v2"];

/** `onRequest(fn)` / `onCall(opts, fn)` / `onDocumentCreated("path", fn)`: the function argument is the handler. */
function triggerCalls(): CallRegistration[] {
  return Object.entries(TRIGGERS).flatMap(([namespace, names]) => [
    { callee: { package: [`firebase-functions/v2/${namespace}`, `firebase-functions/${namespace}`], name: names }, nameFromExport: true },
    { callee: { package: ROOTS, name: names.map((name) => `${namespace}.${name}`) }, nameFromExport: true },
  ]);
}

/**
 * Cloud Functions for Firebase (they run on Google Cloud Functions / Cloud Run functions): the 2nd-gen
 * triggers (`onRequest`, `onCall`, `onDocumentCreated`, `onSchedule`, …) and the 1st-gen
 * `functions.https.onRequest(fn)` / `onCall(fn)`. 1st-gen builder chains
 * (`functions.firestore.document(path).onCreate(fn)`, `runWith(…)`) are not read.
 */
export const firebaseFunctions = {
  id: "firebase-functions",
  name: "Cloud Functions for Firebase",
  modules: [...ROOTS, "firebase-functions/v1", ...Object.keys(TRIGGERS).flatMap((namespace) => [`firebase-functions/v2/${namespace}`, `firebase-functions/${namespace}`])],
  platform,
  calls: [
    ...triggerCalls(),
    { callee: { package: ["firebase-functions", "firebase-functions/v1"], name: ["https.onRequest", "https.onCall"] }, nameFromExport: true },
  ],
} as const satisfies FrameworkDescriptor;
