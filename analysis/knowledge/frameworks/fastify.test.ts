// What fastify.ts says about Fastify's hooks on AWS Lambda, shown on Fastify itself: @fastify/aws-lambda
// answers the invocation with the result of `app.inject()` (light-my-request), so a hook covers a route's
// flush only if `inject()` waits for it.
import fastify from "fastify";
import { afterEach, describe, expect, it } from "vitest";

/** A hook body that is still running when a prompt caller looks (a real flush waits on the network). */
const slowWork = () => new Promise<void>((resolve) => setTimeout(resolve, 50));

describe("Fastify's hooks and inject(), the adapter's view of an invocation", () => {
  const apps: Array<ReturnType<typeof fastify>> = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });

  it("inject() settles only after an async onSend hook has (a flush there ends inside the invocation)", async () => {
    const app = fastify();
    apps.push(app);
    let finished = false;
    app.addHook("onSend", async (_request, _reply, payload) => {
      await slowWork();
      finished = true;
      return payload;
    });
    app.get("/", async () => ({ ok: true }));
    const response = await app.inject({ method: "GET", url: "/" });
    expect(response.statusCode).toBe(200);
    expect(finished).toBe(true);
  });

  it("inject() settles before an async onResponse hook has (Lambda may freeze during a flush there)", async () => {
    const app = fastify();
    apps.push(app);
    let finished = false;
    let ended: Promise<void> | undefined;
    app.addHook("onResponse", async () => {
      ended = slowWork().then(() => {
        finished = true;
      });
      await ended;
    });
    app.get("/", async () => ({ ok: true }));
    const response = await app.inject({ method: "GET", url: "/" });
    expect(response.statusCode).toBe(200);
    expect(ended).toBeDefined();
    expect(finished).toBe(false);
    await ended;
    expect(finished).toBe(true);
  });
});
