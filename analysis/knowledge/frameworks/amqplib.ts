import type { FrameworkDescriptor } from "../types.js";

/**
 * RabbitMQ consumers of amqplib's promise API: `const connection = await amqp.connect(url)`, `const
 * channel = await connection.createChannel()` (or `createConfirmChannel()`), `channel.consume(queue,
 * onMessage)`, whose callback runs once per delivered message, concurrently up to the channel's
 * `prefetch`. Checked against amqplib's channel_model.js (`CM.createChannel` resolves to the `Channel`
 * whose `consume(queue, callback, options)` registers it) and @types/amqplib (`connect(): Promise<…>`,
 * `createChannel(): Promise<Channel>`, `createConfirmChannel(): Promise<ConfirmChannel>`). The
 * callback API (`amqplib/callback_api`, `connect(url, cb)`) is not modelled.
 */
export const amqplib = {
  id: "amqplib-consumer",
  name: "RabbitMQ message",
  unit: "message",
  modules: ["amqplib"],
  objects: {
    amqpConnection: {
      createdBy: [{ value: { package: "amqplib", name: "connect" }, new: false }],
      types: [{ package: "amqplib", name: ["Connection", "ChannelModel"] }],
      returns: { createChannel: "amqpChannel", createConfirmChannel: "amqpChannel" },
    },
    amqpChannel: {
      types: [{ package: "amqplib", name: ["Channel", "ConfirmChannel"] }],
      methods: { consume: { arguments: [1] } },
    },
  },
} as const satisfies FrameworkDescriptor;
