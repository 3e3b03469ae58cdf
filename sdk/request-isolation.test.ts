// Node.js runs the requests of one keep-alive connection in one async resource, and createSession()
// attaches its context to the current resource (AsyncLocalStorage#enterWith). Without a fresh context
// per request, a route that does not create a session would carry the previous request's session, and
// a createSession() made in a promise callback would leak into later requests. The SDK gives every
// incoming request of every Node HTTP server a clean context before any handler runs; these tests hold
// it to 0 carried-over spans on plain node:http and Express over keep-alive connections.
import express from "express";
import { Agent, createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { HoneyHiveTracer, trace } from "./index.js";
import { httpGet, LocalServers } from "./test-utils/local-http.js";

/** Requests per test; half of them go to the route that creates no session. */
const REQUEST_COUNT = 800;

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** Routes: /create makes a session, /promise makes one inside a promise callback, /plain makes none. */
function createRoutes(tracer: HoneyHiveTracer) {
  const work = trace({ tracer, eventType: "tool", eventName: "work" }, async (route: string) => {
    await new Promise((resolve) => setImmediate(resolve));
    return route;
  });
  const respond = async (route: string, response: ServerResponse): Promise<void> => {
    response.end(await work(route));
  };
  const routes: Record<string, Handler> = {
    "/create": (_request, response) => {
      tracer.createSession({ sessionName: "create" });
      void respond("create", response);
    },
    "/promise": (_request, response) => {
      void Promise.resolve().then(() => {
        tracer.createSession({ sessionName: "in-a-promise-callback" });
        return respond("promise", response);
      });
    },
    "/plain": (_request, response) => void respond("plain", response),
    "/with-session": (_request, response) => {
      void tracer.withSession("scoped", () => respond("with-session", response));
    },
  };
  return routes;
}

function plainNodeServer(routes: Record<string, Handler>): Server {
  return createServer((request, response) => routes[request.url ?? ""](request, response));
}

function expressServer(routes: Record<string, Handler>): Server {
  const app = express();
  for (const [path, handler] of Object.entries(routes)) app.get(path, handler);
  return createServer(app);
}

const servers = new LocalServers();
const tracers: HoneyHiveTracer[] = [];
afterEach(async () => {
  await servers.closeAll();
  for (const tracer of tracers.splice(0)) await tracer.shutdown();
});

/** Sends `paths` in order over `sockets` keep-alive connections, `sockets` requests at a time. */
async function sendAll(baseUrl: string, paths: string[], sockets: number): Promise<string[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  try {
    const answers: string[] = [];
    for (let start = 0; start < paths.length; start += sockets) {
      const batch = paths.slice(start, start + sockets);
      answers.push(...(await Promise.all(batch.map((path) => httpGet(baseUrl + path, agent)))));
    }
    return answers;
  } finally {
    agent.destroy();
  }
}

async function serve(
  makeServer: (routes: Record<string, Handler>) => Server,
  paths: string[],
  sockets: number,
  { sessionAtStartup = false } = {},
) {
  const tracer = HoneyHiveTracer.init({ project: "isolation", sessionName: "server", testMode: true });
  tracers.push(tracer);
  const server = makeServer(createRoutes(tracer));
  let connections = 0;
  server.on("connection", () => connections++);
  // Start-up code that made a session in a promise callback and then started the server from there:
  // the listening socket, and every connection it accepts, inherit that callback's context.
  const baseUrl = await (sessionAtStartup
    ? Promise.resolve().then(() => {
        tracer.createSession({ sessionName: "startup" });
        return servers.listen(server);
      })
    : servers.listen(server));
  const answers = await sendAll(baseUrl, paths, sockets);
  expect(answers).toEqual(paths.map((path) => path.slice(1)));
  const spansOf = (route: string) =>
    tracer.getFinishedSpans().filter((span) => span.attributes["honeyhive_outputs.result"] === route);
  return { tracer, connections, spansOf };
}

const serverKinds = [
  ["node:http", plainNodeServer],
  ["Express 5", expressServer],
] as const;

describe.each(serverKinds)("keep-alive requests on %s", (_kind, makeServer) => {
  it(`carries no session into a route that creates none (0 of ${REQUEST_COUNT / 2} spans)`, async () => {
    const paths = Array.from({ length: REQUEST_COUNT }, (_, index) => (index % 2 === 0 ? "/create" : "/plain"));
    const { tracer, connections, spansOf } = await serve(makeServer, paths, 4);

    expect(connections).toBeLessThanOrEqual(4); // keep-alive really carried many requests per connection
    const plain = spansOf("plain");
    expect(plain).toHaveLength(REQUEST_COUNT / 2);
    const carriedOver = plain.filter((span) => span.attributes["honeyhive.session_id"] !== tracer.sessionId);
    expect(carriedOver).toHaveLength(0);
    // The routes that create a session still get their own, one per request.
    const created = new Set(spansOf("create").map((span) => span.attributes["honeyhive.session_id"]));
    expect(created.size).toBe(REQUEST_COUNT / 2);
    expect(created.has(tracer.sessionId)).toBe(false);
  });

  // A guard, not a reproduction: on Node.js 20 and 22 a createSession() in a request's promise callback
  // stays in that callback's promise chain even without the per-request reset. The next test is the
  // promise-callback leak that does reproduce.
  it("does not leak a session created in a promise callback into later requests", async () => {
    const paths = Array.from({ length: REQUEST_COUNT / 2 }, (_, index) => (index % 4 === 0 ? "/promise" : "/plain"));
    const { tracer, spansOf } = await serve(makeServer, paths, 2);

    const promised = spansOf("promise");
    expect(promised).toHaveLength(REQUEST_COUNT / 8);
    expect(promised.every((span) => span.attributes["honeyhive.session_id"] !== tracer.sessionId)).toBe(true);
    const leaked = spansOf("plain").filter((span) => span.attributes["honeyhive.session_id"] !== tracer.sessionId);
    expect(leaked).toHaveLength(0);
  });

  it("does not hand a session created where the server started (in a promise callback) to its requests", async () => {
    const paths = Array.from({ length: 20 }, () => "/plain");
    const { tracer, spansOf } = await serve(makeServer, paths, 2, { sessionAtStartup: true });

    const plain = spansOf("plain");
    expect(plain).toHaveLength(20);
    expect(plain.filter((span) => span.attributes["honeyhive.session_id"] !== tracer.sessionId)).toHaveLength(0);
  });

  it("keeps withSession() scoped to its callback", async () => {
    const paths = Array.from({ length: 40 }, (_, index) => (index % 2 === 0 ? "/with-session" : "/plain"));
    const { tracer, spansOf } = await serve(makeServer, paths, 1);

    const scoped = new Set(spansOf("with-session").map((span) => span.attributes["honeyhive.session_id"]));
    expect(scoped.size).toBe(20);
    expect(scoped.has(tracer.sessionId)).toBe(false);
    expect(spansOf("plain").every((span) => span.attributes["honeyhive.session_id"] === tracer.sessionId)).toBe(true);
  });
});
