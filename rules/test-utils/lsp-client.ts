// A minimal Language Server Protocol client over stdio (JSON-RPC 2.0 with Content-Length framing),
// enough to drive a real language server from a test: requests with timeouts, notifications, and
// answers to the server's own requests. Test-only (not built).
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

interface Message {
  readonly jsonrpc: "2.0";
  readonly id?: number | string;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

type ServerRequestHandler = (params: unknown) => unknown;

export class LspClient {
  private readonly server: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private readonly handlers = new Map<string, ServerRequestHandler>();
  /** Every notification the server sent, in order (logs, status, pushed diagnostics). */
  readonly notifications: { readonly method: string; readonly params: unknown }[] = [];
  /** Methods of server requests that had no handler (answered with null), for diagnosing failures. */
  readonly unhandledServerRequests: string[] = [];
  stderr = "";

  constructor(command: string, args: readonly string[], cwd: string) {
    this.server = spawn(command, args, { cwd, stdio: ["pipe", "pipe", "pipe"] });
    this.server.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
    this.server.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString("utf8")));
    this.server.on("exit", (code) => {
      for (const { reject } of this.pending.values()) reject(new Error(`language server exited (${code}): ${this.stderr}`));
      this.pending.clear();
    });
  }

  /** Answers the server's `method` requests with `handler(params)`. */
  onRequest(method: string, handler: ServerRequestHandler): void {
    this.handlers.set(method, handler);
  }

  request<T>(method: string, params: unknown, timeoutMs = 15_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer within ${timeoutMs} ms; server log:\n${this.log()}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.send({ jsonrpc: "2.0", id, method, params: params as Json });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params: params as Json });
  }

  /** What the server logged (window/logMessage) and wrote to stderr, for failure messages. */
  log(): string {
    const messages = this.notifications
      .filter((notification) => notification.method === "window/logMessage")
      .map((notification) => (notification.params as { message: string }).message);
    return [...messages, this.stderr].join("\n");
  }

  /** Polite shutdown, then a kill in any case. */
  async close(): Promise<void> {
    if (this.server.exitCode === null) {
      try {
        await this.request("shutdown", null, 3_000);
        this.notify("exit", null);
      } catch {
        // The kill below ends it either way.
      }
    }
    const exited = new Promise<void>((resolve) => {
      if (this.server.exitCode !== null || this.server.signalCode !== null) resolve();
      else this.server.once("exit", () => resolve());
    });
    this.server.kill("SIGKILL");
    await exited;
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.server.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString("ascii"))?.[1]);
      const bodyStart = headerEnd + 4;
      if (!Number.isFinite(length) || this.buffer.length < bodyStart + length) return;
      const message = JSON.parse(this.buffer.subarray(bodyStart, bodyStart + length).toString("utf8")) as Message;
      this.buffer = this.buffer.subarray(bodyStart + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      const handler = this.handlers.get(message.method);
      if (!handler) this.unhandledServerRequests.push(message.method);
      let result: unknown = null;
      try {
        result = handler ? handler(message.params) : null;
      } catch (error) {
        this.send({ jsonrpc: "2.0", id: message.id, error: { code: -32603, message: String(error) } });
        return;
      }
      this.send({ jsonrpc: "2.0", id: message.id, result: (result ?? null) as Json });
    } else if (message.method !== undefined) {
      this.notifications.push({ method: message.method, params: message.params });
    } else if (typeof message.id === "number") {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else waiter?.resolve(message.result);
    }
  }
}
