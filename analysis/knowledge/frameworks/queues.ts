import type { FrameworkDescriptor } from "../types.js";

/**
 * Queue consumers that run jobs concurrently: BullMQ's `new Worker(queue, processor, { concurrency })`,
 * Bull's `queue.process(fn)`, kafkajs' `consumer.run({ eachMessage, eachBatch })`, and sqs-consumer's
 * `Consumer.create({ handleMessage, handleMessageBatch })`.
 */
export const queues = {
  id: "queue-worker",
  name: "queue job",
  unit: "job",
  modules: ["bullmq", "bull", "kafkajs", "sqs-consumer"],
  objects: {
    bullQueue: {
      createdBy: [{ value: { package: "bull", name: "" } }],
      types: [{ package: "bull", name: "Queue" }],
      methods: { process: {} },
    },
    kafka: {
      createdBy: [{ value: { package: "kafkajs", name: "Kafka" }, new: true }],
      returns: { consumer: "kafkaConsumer" },
    },
    kafkaConsumer: {
      types: [{ package: "kafkajs", name: "Consumer" }],
      methods: { run: { arguments: [], options: ["eachMessage", "eachBatch"] } },
    },
  },
  calls: [
    { callee: { package: "bullmq", name: "Worker" }, new: true, arguments: [1] },
    { callee: { package: "sqs-consumer", name: ["Consumer.create", "Consumer"] }, arguments: [], options: ["handleMessage", "handleMessageBatch"] },
  ],
} as const satisfies FrameworkDescriptor;

const PUBSUB = "@google-cloud/pubsub";

/**
 * Google Cloud Pub/Sub's streaming pull (cloud.google.com/pubsub/docs/pull, the Node.js sample `subscription.on("message",
 * messageHandler)`; googleapis/nodejs-pubsub `Subscription`, an EventEmitter whose `message` event fires once per
 * delivered message, up to `flowControl.maxMessages` (default 1000) at a time; checked 2026-12-07): the callback runs per
 * message, concurrently, on the process's one tracer. `error`/`close`/`debug` are not messages. The message is
 * another service's publish, not a client's request: no `requestInputs`.
 */
export const googlePubSub = {
  id: "google-pubsub",
  name: "Pub/Sub message",
  unit: "message",
  modules: [PUBSUB],
  objects: {
    pubsub: {
      createdBy: [{ value: { package: PUBSUB, name: "PubSub" }, new: true }],
      returns: { subscription: "subscription", topic: "topic" },
    },
    topic: {
      types: [{ package: PUBSUB, name: "Topic" }],
      returns: { subscription: "subscription" },
    },
    subscription: {
      createdBy: [{ value: { package: PUBSUB, name: "Subscription" }, new: true }],
      types: [{ package: PUBSUB, name: "Subscription" }],
      methods: {
        on: { arguments: [1], when: { argument: 0, oneOf: ["message"] } },
        addListener: { arguments: [1], when: { argument: 0, oneOf: ["message"] } },
      },
    },
  },
} as const satisfies FrameworkDescriptor;
