import type { FrameworkDescriptor } from "../types.js";
import { methods } from "./common.js";

/**
 * Slack Bolt for JavaScript (`@slack/bolt`): `new App({ token, signingSecret })` takes a listener per
 * incoming Slack request, `app.event(type, fn)`, `app.message([pattern,] fn)`, `app.action(id | { callback_id }, fn)`,
 * `app.command(name, fn)`, `app.shortcut(id, fn)`, `app.view(id, fn)`, `app.options(id, fn)`,
 * `app.function(id, fn)` (custom steps) and global middleware `app.use(fn)`; each runs once per event,
 * and events are handled concurrently (docs.slack.dev/tools/bolt-js/reference, "Listener functions";
 * checked 2026-12-06). The identifier arguments are strings, RegExps or constraint objects: only the
 * function arguments are listeners.
 */
export const slackBolt = {
  id: "slack-bolt",
  name: "Slack Bolt",
  unit: "event",
  modules: ["@slack/bolt"],
  objects: {
    app: {
      createdBy: [{ value: { package: "@slack/bolt", name: "App" }, new: true }],
      types: [{ package: "@slack/bolt", name: "App" }],
      methods: methods(["event", "message", "action", "command", "shortcut", "view", "options", "function", "use"]),
      listens: ["start"],
    },
  },
  // Bolt on AWS Lambda: the app's listeners run inside the invocation the exported handler hands over.
  invocationReceivers: [
    {
      value: { package: "@slack/bolt", name: "AwsLambdaReceiver" },
      option: "receiver",
      handlerMethods: ["start", "toHandler"],
      verifiedAt:
        "docs.slack.dev/tools/bolt-js/reference/classes/AwsLambdaReceiver (`start(..._args): Promise<AwsHandler>`, `toHandler(): AwsHandler`) and " +
        "docs.slack.dev/tools/bolt-js/deployments/aws-lambda (`new App({ token, receiver: awsLambdaReceiver })`, `module.exports.handler = async " +
        "(event, context, callback) => { const handler = await awsLambdaReceiver.start(); return handler(event, context, callback); }`); " +
        "@slack/bolt 4.2.1 dist/receivers/AwsLambdaReceiver.js on unpkg; checked with the search tool 2026-12-06",
    },
  ],
  // A listener gets one object: its payload and aliases (`event`, `message`, `command`, `action`, `view`,
  // `shortcut`, `options`, `payload`) and the request `body` are what Slack relays from the user; `say`,
  // `ack`, `respond`, `client`, `context` and `logger` are the app's.
  requestInputs: { holds: "request", parts: ["event", "message", "command", "action", "view", "shortcut", "options", "payload", "body"] },
} as const satisfies FrameworkDescriptor;
