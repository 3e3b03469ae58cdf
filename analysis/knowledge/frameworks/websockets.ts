// WebSocket servers: their event callbacks run once per connection or message, for every client at
// once, on the module's one tracer (a session stored on it leaks between clients).
import type { FrameworkDescriptor, RequestInputs } from "../types.js";

/**
 * The socket a Socket.IO connection callback gets: what the server keeps on it (`socket.data`, `socket.id`,
 * `socket.rooms`) is not the client's, its handshake's `query`, `auth` and `headers` are
 * (https://socket.io/docs/v4/server-socket-instance/#sockethandshake).
 */
const SOCKET_IO_HANDSHAKE: RequestInputs = { holds: "context", holders: ["handshake"], parts: ["query", "auth", "headers"] };
/** Server events whose callback gets a connecting socket (`connect` is `connection`'s alias). */
const SOCKET_IO_CONNECTION_EVENTS = ["connection", "connect"];
/**
 * Events the server emits itself, whose arguments are the server's (https://socket.io/docs/v4/emit-cheatsheet/#reserved-events):
 * a socket's `disconnect` / `disconnecting` (a reason), `error`, and a server's `new_namespace` (a namespace).
 */
const SOCKET_IO_SERVER_EVENTS = ["disconnect", "disconnecting", "error", "new_namespace", "newListener", "removeListener"];

/**
 * Socket.IO (https://socket.io/docs/v4/server-api/): `io.on("connection", (socket) => …)` runs per
 * connection, and `socket.on("chat", (message, ack) => …)` per message; a namespace (`io.of("/chat")`)
 * registers the same way. The connection callback's parameter is the socket (a plugin of the server
 * kind, as Elysia's `group` callback's app is). Its client input differs by event (`requestInputsByEvent`).
 */
export const socketIo = {
  id: "socket.io",
  name: "Socket.IO",
  unit: "event",
  modules: ["socket.io"],
  objects: {
    server: {
      createdBy: [{ value: { package: "socket.io", name: ["", "Server"] } }],
      types: [{ package: "socket.io", name: ["Server", "Socket", "Namespace"] }],
      methods: { on: { arguments: [1] }, use: { arguments: [0] } },
      returns: { of: "server", to: "server", in: "server" },
      plugins: { registerMethod: "on" },
    },
  },
  // Every other event is a client's message: its arguments (`(payload, ack)`) are what the client emitted.
  requestInputsByEvent: {
    method: "on",
    events: Object.fromEntries([
      ...SOCKET_IO_CONNECTION_EVENTS.map((event) => [event, SOCKET_IO_HANDSHAKE] as const),
      ...SOCKET_IO_SERVER_EVENTS.map((event) => [event, null] as const),
    ]),
    otherEvents: { holds: "input", everyParameter: true },
    // `socket.use(([event, ...args], next) => …)`: a middleware of the socket gets each packet the client
    // sent, its event name and arguments (https://socket.io/docs/v4/server-api/#socketusefn; checked 2026-12-06).
    connectionMethods: { events: SOCKET_IO_CONNECTION_EVENTS, methods: { use: { holds: "input" } } },
    // `io.use((socket, next) => …)` (and a namespace's): a middleware of the server, run per connecting
    // socket before `connection`; the socket's handshake is the client's as in a connection callback
    // (https://socket.io/docs/v4/middlewares/: "socket.handshake.auth.token"; checked 2026-12-06).
    methods: { use: SOCKET_IO_HANDSHAKE },
  },
} as const satisfies FrameworkDescriptor;

/**
 * ws (https://github.com/websockets/ws): `wss.on("connection", (ws, request) => …)` runs per connection
 * and `ws.on("message", (data) => …)` per message. Only the server's sockets: a client `new WebSocket(url)`
 * of the same package is one connection of the process's own.
 */
export const ws = {
  id: "ws",
  name: "WebSocket",
  unit: "message",
  modules: ["ws"],
  objects: {
    server: {
      createdBy: [{ value: { package: "ws", name: ["WebSocketServer", "Server", "WebSocket.Server"] }, new: true }],
      types: [{ package: "ws", name: ["WebSocketServer", "Server"] }],
      methods: { on: { arguments: [1] } },
      plugins: { registerMethod: "on" },
    },
  },
  // The server's `connection` callback gets the socket and the upgrade request, an `http.IncomingMessage`
  // (its `headers` and `url` are the client's); a socket's `message` callback gets the client's data
  // (`(data, isBinary)`, ws 8; github.com/websockets/ws doc/ws.md, events 'connection' and 'message';
  // checked 2026-12-06). Other events (`close`, `error`, `listening`, `headers`) carry nothing taken as input.
  requestInputsByEvent: {
    method: "on",
    events: {
      connection: { holds: "request", parameter: 1, parts: ["headers", "url"] },
      message: { holds: "input", parameter: 0 },
    },
  },
} as const satisfies FrameworkDescriptor;
