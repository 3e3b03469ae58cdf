// `npm run demo`: what the package does, on the bundled fixtures, in a screenful. First ESLint with
// `honeyhive.configs.recommended` (through this repository's eslint.config.js and the built plugin)
// over fixtures/: the `before` file of every case shows its anti-pattern, the `after` file is clean,
// except in the cases that end in a review marker, where the finding stays for a person to settle.
// Findings are the point here, so they never fail the command; a summary says what was expected.
// Then `honeyhive migrate --dry fixtures` previews the codemod on the same files: its summary.
// `npm run demo -- --details` prints every finding and the whole diff as well.
// The work and the text are scripts/demo-run.mjs's (its test renders both forms from one run).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
if (!existsSync(join(root, "dist", "esm", "rules", "index.js"))) {
  console.log("Building the package first (npm run build)…");
  const build = spawnSync(process.execPath, [join(root, "scripts", "build.mjs")], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Imported after the build: eslint.config.js loads the built plugin.
const { collectDemo, renderDemo } = await import("./demo-run.mjs");
const { text, code } = renderDemo(await collectDemo(), { details: process.argv.includes("--details") });
process.stdout.write(text);
process.exitCode = code;
