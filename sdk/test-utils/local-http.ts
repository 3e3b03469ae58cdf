// Local HTTP servers and a keep-alive client for tests that put request load on the SDK (servers on
// 127.0.0.1 only).
import { request as httpRequest, type Agent, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Servers started by a test file, closed together after each test. */
export class LocalServers {
  readonly #servers: Server[] = [];

  /** Listens on an ephemeral port of 127.0.0.1; resolves with the base URL. */
  async listen(server: Server): Promise<string> {
    this.#servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async closeAll(): Promise<void> {
    for (const server of this.#servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }
}

/** GET `url` through `agent`; resolves with the response body. */
export function httpGet(url: string, agent: Agent, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { agent, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve(body));
      response.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}
