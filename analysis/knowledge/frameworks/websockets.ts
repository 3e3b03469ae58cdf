// WebSocket servers: their event callbacks run once per connection or message, for every client at
// once, on the module's one tracer (a session stored on it leaks between clients).
import type { FrameworkDescriptor } from "../types.js";

/**
 * Socket.IO (https://socket.io/docs/v4/server-api/): `io.on("connection", (socket) => …)` runs per
 * connection, and `socket.on("chat", (message, ack) => …)` per message; a namespace (`io.of("/chat")`)
 * registers the same way. The connection callback's parameter is the socket (a plugin of the server
 * kind, as Elysia's `group` callback's app is).
 */
export const socketIo = {
  id: "socket.io",
  name: "Socket.IO",
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
} as const satisfies FrameworkDescriptor;

/**
 * ws (https://github.com/websockets/ws): `wss.on("connection", (ws, request) => …)` runs per connection
 * and `ws.on("message", (data) => …)` per message. Only the server's sockets: a client `new WebSocket(url)`
 * of the same package is one connection of the process's own.
 */
export const ws = {
  id: "ws",
  name: "WebSocket",
  modules: ["ws"],
  objects: {
    server: {
      createdBy: [{ value: { package: "ws", name: ["WebSocketServer", "Server", "WebSocket.Server"] }, new: true }],
      types: [{ package: "ws", name: ["WebSocketServer", "Server"] }],
      methods: { on: { arguments: [1] } },
      plugins: { registerMethod: "on" },
    },
  },
} as const satisfies FrameworkDescriptor;
