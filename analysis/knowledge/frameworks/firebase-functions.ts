import { gcpFunctions as platform } from "../platforms/gcp-functions.js";
import type { CallRegistration, FrameworkDescriptor, ObjectKind } from "../types.js";
import { methods } from "./common.js";

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

const V1_ROOTS = ["firebase-functions", "firebase-functions/v1"];
const TRIGGER = { nameFromExport: true } as const;
/** A 1st-gen builder: `on…` methods register the function, the others return the next builder. */
const builder = (triggers: readonly string[], returns: Record<string, string> = {}): ObjectKind => ({ methods: methods(triggers, TRIGGER), returns });
/** `DocumentBuilder`/`RefBuilder` of Firestore and the Realtime Database. */
const DOCUMENT_TRIGGERS = ["onCreate", "onUpdate", "onDelete", "onWrite"];

/**
 * The 1st-gen API (`firebase-functions` before v4's default, `firebase-functions/v1` since): the
 * module object, or the builder `region(…)`/`runWith(…)` return, has one namespace per trigger
 * source whose builder chain ends in the registering `on…(fn)` call:
 * `functions.region("europe-west1").runWith({ memory: "1GB" }).firestore.document("chats/{id}").onCreate(fn)`,
 * `functions.pubsub.schedule("every 24 hours").timeZone("UTC").onRun(fn)`, `functions.auth.user().onCreate(fn)`.
 */
const V1_OBJECTS: Readonly<Record<string, ObjectKind>> = {
  "v1-functions": {
    isValue: [{ package: V1_ROOTS, name: "" }],
    returns: { region: "v1-functions", runWith: "v1-functions" },
    properties: {
      https: "v1-https", firestore: "v1-firestore", database: "v1-database", pubsub: "v1-pubsub", storage: "v1-storage",
      auth: "v1-auth", tasks: "v1-tasks", analytics: "v1-analytics", remoteConfig: "v1-remote-config", testLab: "v1-test-lab",
    },
  },
  "v1-https": builder(["onRequest", "onCall"]),
  "v1-firestore": builder([], { document: "v1-document", database: "v1-firestore", namespace: "v1-firestore" }),
  "v1-database": builder([], { ref: "v1-document", instance: "v1-database" }),
  "v1-document": builder(DOCUMENT_TRIGGERS),
  "v1-pubsub": builder([], { topic: "v1-topic", schedule: "v1-schedule" }),
  "v1-topic": builder(["onPublish"]),
  "v1-schedule": builder(["onRun"], { timeZone: "v1-schedule", retryConfig: "v1-schedule" }),
  "v1-storage": builder([], { object: "v1-object", bucket: "v1-storage" }),
  "v1-object": builder(["onFinalize", "onDelete", "onArchive", "onMetadataUpdate"]),
  "v1-auth": builder([], { user: "v1-user" }),
  "v1-user": builder(["onCreate", "onDelete", "beforeCreate", "beforeSignIn"]),
  "v1-tasks": builder([], { taskQueue: "v1-task-queue" }),
  "v1-task-queue": builder(["onDispatch"]),
  "v1-analytics": builder([], { event: "v1-analytics-event" }),
  "v1-analytics-event": builder(["onLog"]),
  "v1-remote-config": builder(["onUpdate"]),
  "v1-test-lab": builder([], { testMatrix: "v1-test-matrix" }),
  "v1-test-matrix": builder(["onComplete"]),
};

/**
 * Cloud Functions for Firebase (they run on Google Cloud Functions / Cloud Run functions): the 2nd-gen
 * triggers (`onRequest`, `onCall`, `onDocumentCreated`, `onSchedule`, …) and the 1st-gen builder
 * chains (`functions.https.onRequest(fn)`, `functions.firestore.document(path).onCreate(fn)`,
 * `functions.region(…).runWith(…).pubsub.schedule(…).onRun(fn)`).
 */
export const firebaseFunctions = {
  id: "firebase-functions",
  name: "Cloud Functions for Firebase",
  modules: [...ROOTS, "firebase-functions/v1", ...Object.keys(TRIGGERS).flatMap((namespace) => [`firebase-functions/v2/${namespace}`, `firebase-functions/${namespace}`])],
  platform,
  objects: V1_OBJECTS,
  calls: [
    ...triggerCalls(),
    { callee: { package: ["firebase-functions", "firebase-functions/v1"], name: ["https.onRequest", "https.onCall"] }, nameFromExport: true },
  ],
} as const satisfies FrameworkDescriptor;
