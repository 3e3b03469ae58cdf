// 1x-trace-wrappers in code written without semicolons: a 1.x `tracer.trace(fn, ...args)` that becomes an
// immediately called function `(fn)(args)` (or an inlined `[…]` / template) at the start of a statement would
// otherwise continue the line before it (`label\n(fn)()` is `label(fn)()`): automatic semicolon insertion does not
// part them. The rewrite writes standard style's leading `;` there, and nowhere else.
import { expect, it } from "vitest";
import { runTransforms } from "../../engine/engine.js";

const migrate = (code: string, filename = "/tmp/app/jobs.js") => runTransforms(code, filename, { transforms: ["1x-trace-wrappers"] });

it("writes a leading `;` before a rewrite that starts a statement with `(`, `[` or a template after a line without one", () => {
  const code = `const { HoneyHiveTracer } = require("honeyhive")
const tracer = await HoneyHiveTracer.init({ project: "p" })
const label = "x"
tracer.trace(async () => { await work() })
const items = [1]
tracer.trace(() => [label, 2])
tracer.trace(() => \`t\${label}\`)
tracer.trace(step, 1)
`;
  const { output } = migrate(code);
  expect(output).toContain('const label = "x"\n;(async () => { await work() })()\n');
  expect(output).toContain("const items = [1]\n;[label, 2]\n");
  expect(output).toContain(";`t${label}`\n");
  // A name starts no continuation: no `;`.
  expect(output).toContain("\nstep(1)\n");
});

it("writes no `;` after a statement that ends with one, after a block, or first in a block", () => {
  const code = `const { HoneyHiveTracer } = require("honeyhive")
const tracer = await HoneyHiveTracer.init({ project: "p" });
const label = "x";
tracer.trace(async () => { await work() })
function work() { return label }
tracer.trace(async () => { await work() })
export async function run() {
  tracer.trace(async () => { await work() })
}
`;
  const { output } = migrate(code);
  expect(output).not.toContain(";(");
  expect(output.match(/^\s*\(async \(\) => \{ await work\(\) \}\)\(\)$/gm)).toHaveLength(3);
});

it("1x-sessions: a dropped `await` before `(tracer as T).startSession()` leaves the statement guarded", () => {
  const code = `import express from "express"
import { HoneyHiveTracer } from "honeyhive"
const tracer = await HoneyHiveTracer.init({ project: "p" })
const app = express()
app.get("/", async (req, res) => {
  const label = req.url
  await (tracer as HoneyHiveTracer).startSession()
  res.send(label)
})
`;
  const migrateSessions = (source: string) => runTransforms(source, "/tmp/app/server.ts", { transforms: ["1x-sessions"] });
  const { output } = migrateSessions(code);
  expect(output).toContain("  const label = req.url\n  ;(tracer as HoneyHiveTracer).createSession()\n");
  expect(migrateSessions(output).changed).toBe(false);
  // After a statement ending with `;`: no guard.
  expect(migrateSessions(code.replace("req.url\n", "req.url;\n")).output).toContain("  const label = req.url;\n  (tracer as HoneyHiveTracer).createSession()\n");
});
