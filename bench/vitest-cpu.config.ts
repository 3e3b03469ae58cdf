// `VITEST_CPU_OUT=/tmp/cpu.jsonl npx vitest run --config bench/vitest-cpu.config.ts [files]`: the test
// run of vitest.config.ts with each file's CPU seconds written to $VITEST_CPU_OUT (bench/lib/vitest-cpu-setup.ts).
import { resolve } from "node:path";
import { defineConfig, mergeConfig } from "vitest/config";
import base from "../vitest.config.js";

const root = resolve(import.meta.dirname, "..");
export default mergeConfig(base, defineConfig({ root, test: { setupFiles: [resolve(root, "bench/lib/vitest-cpu-setup.ts")] } }));
