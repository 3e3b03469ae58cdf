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
