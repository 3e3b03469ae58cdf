import { describe, expect, it } from "vitest";
import { runTransforms } from "../engine/engine.js";

const run = (code: string, filename = "src/server.ts") =>
  runTransforms(code, filename, { transforms: ["session-start-to-create-session"] });

describe("session-start-to-create-session", () => {
  it("renames sessionStart in a handler passed by name, also through a computed member", () => {
    const before = `const express = require("express");
const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ project: "api" });
const router = express.Router();

function startSession(req, _res, next) {
  tracer["sessionStart"]({ sessionName: req.path });
  next();
}

router.use(startSession);
module.exports = router;
`;
    expect(run(before, "src/router.cjs").output).toBe(before.replace(`tracer["sessionStart"]`, `tracer["createSession"]`));
  });

  it("leaves sessionStart in a script and another library's sessionStart alone", () => {
    const script = `import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ project: "batch" });
tracer.sessionStart({ sessionName: "nightly" });
`;
    expect(run(script, "scripts/nightly.ts").output).toBe(script);

    const other = `import express from "express";
import { analytics } from "@acme/analytics";
import "honeyhive";

const app = express();
app.get("/", (_req, res) => {
  analytics.sessionStart();
  res.end();
});
`;
    expect(run(other).output).toBe(other);
  });
});
