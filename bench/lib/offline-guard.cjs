// Preloaded (`node --require`) into every SDK benchmark process: any TCP connection to a host other
// than 127.0.0.1 / ::1 / localhost is refused and counted, so a benchmark can prove that no SDK
// under test (ours, raw OpenTelemetry, the npm SDK and its dependencies) reached the network.
const net = require("node:net");

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);
const attempts = [];
globalThis.__benchNetworkAttempts = attempts;

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const [first, second] = args;
  const options = typeof first === "object" && first !== null && !Array.isArray(first) ? first : { port: first, host: typeof second === "string" ? second : undefined };
  const host = options.path ? "unix-socket" : (options.host ?? "localhost");
  if (!options.path && !LOOPBACK.has(host)) {
    attempts.push(`${host}:${options.port}`);
    process.nextTick(() => this.destroy(new Error(`bench offline guard: connection to ${host}:${options.port} refused`)));
    return this;
  }
  return originalConnect.apply(this, args);
};
