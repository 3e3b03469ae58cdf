// The OTLP metrics helper (OpenTelemetry's ExporterMetrics) is told which server spans go to. It needs
// the host and port only; the full URL (before: `serverUrl` + path, query included) would hand a
// `?token=` or `user:pass@` of the serverUrl to third-party code.
import { inspect } from "node:util";
import { expect, it } from "vitest";
import { HttpTransport } from "./http-transport.js";
import { createHoneyHiveOtlpExporter, metricsServerUrl } from "./otlp-exporter.js";

const SERVER_URL = "https://user:hh-url-password-123@proxy.example:8443/hh/?token=hh-query-secret-456&tenant=acme";

it.each([
  [SERVER_URL, "https://proxy.example:8443"],
  ["http://127.0.0.1:9/api?key=abc", "http://127.0.0.1:9"],
  ["https://api.honeyhive.ai", "https://api.honeyhive.ai"],
  ["not a url", undefined],
])("tells the metrics helper only the origin of %s", (serverUrl, expected) => {
  expect(metricsServerUrl(serverUrl)).toBe(expected);
});

it("keeps no credential or query value of serverUrl in the exporter, and still names the server", () => {
  const transport = new HttpTransport(SERVER_URL, { keepProcessAlive: false });
  try {
    const exporter = createHoneyHiveOtlpExporter({ project: "p", source: "s", apiKey: "hh-exporter-key-789", timeoutMs: 100, transport });
    const rendered = inspect(exporter, { depth: Infinity, showHidden: true });
    expect(rendered).toContain("proxy.example");
    expect(rendered).toMatch(/8443/);
    for (const secret of ["hh-url-password-123", "hh-query-secret-456", "tenant=acme", "hh-exporter-key-789"]) expect(rendered).not.toContain(secret);
  } finally {
    transport.close();
  }
});
