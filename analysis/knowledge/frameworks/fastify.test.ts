// What fastify.ts says about Fastify's hooks on AWS Lambda, shown on Fastify itself: @fastify/aws-lambda
// answers the invocation with the result of `app.inject()` (light-my-request), so a hook covers a route's
// flush only if `inject()` waits for it.
import fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";

/** A hook body that is still running when a prompt caller looks (a real flush waits on the network). */
const slowWork = () => new Promise<void>((resolve) => setTimeout(resolve, 50));

describe("Fastify's hooks and inject(), the adapter's view of an invocation", () => {
  const apps: FastifyInstance[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });

  /**
   * Whether the hook's slow work had finished when `inject()` settled; `addHook` registers a hook that
   * runs `work` (which ends with the slow work) as its body. Waits for the work either way.
   */
  const finishedWhenInjectSettles = async (addHook: (app: FastifyInstance, work: () => Promise<void>) => void): Promise<boolean> => {
    const app = fastify();
    apps.push(app);
    let finished = false;
    let ended: Promise<void> | undefined;
    addHook(app, () => (ended = slowWork().then(() => void (finished = true))));
    app.get("/", async () => ({ ok: true }));
    const response = await app.inject({ method: "GET", url: "/" });
    expect(response.statusCode).toBe(200);
    const atSettle = finished;
    expect(ended).toBeDefined();
    await ended;
    expect(finished).toBe(true);
    return atSettle;
  };

  it("inject() settles only after an async onSend hook has (a flush there ends inside the invocation)", async () => {
    const finished = await finishedWhenInjectSettles((app, work) =>
      app.addHook("onSend", async (_request, _reply, payload) => {
        await work();
        return payload;
      }),
    );
    expect(finished).toBe(true);
  });

  it("inject() settles only after a done-callback onSend hook calls done (done after the flush settled is inside the invocation)", async () => {
    const finished = await finishedWhenInjectSettles((app, work) =>
      app.addHook("onSend", (_request, _reply, payload, done) => {
        void work().then(() => done(null, payload));
      }),
    );
    expect(finished).toBe(true);
  });

  it("inject() settles before an async onResponse hook has (Lambda may freeze during a flush there)", async () => {
    const finished = await finishedWhenInjectSettles((app, work) =>
      app.addHook("onResponse", async () => {
        await work();
      }),
    );
    expect(finished).toBe(false);
  });

  it("inject() settles before a done-callback onResponse hook calls done", async () => {
    const finished = await finishedWhenInjectSettles((app, work) =>
      app.addHook("onResponse", (_request, _reply, done) => {
        void work().then(() => done());
      }),
    );
    expect(finished).toBe(false);
  });
});
