// Proof that two builds migrate a tree to the same bytes (bench/lib/migrate-ab.mjs --digest): each
// build runs `migrate` (writing, not `--dry`) on its own copy of the tree (in the system's temporary
// folder, outside any git work tree), then every file of both copies is hashed (sha256) and compared,
// with the exit codes and the reports (stdout and stderr, timing and the copy's path removed). Prints
// one digest of each side (path and hash of every file, sorted) and how many files differ from the
// tree as generated; any difference between the sides is listed and fails the run.
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { runNode } from "./measure.mjs";

const strip = (text, dir) => text.replaceAll(dir, "<tree>").replace(/\([\d.]+s\)/g, "(s)");

function hashes(root) {
  const found = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.set(relative(root, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  };
  walk(root);
  return found;
}

const digestOf = (files) => createHash("sha256").update([...files].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([path, hash]) => `${path} ${hash}\n`).join("")).digest("hex");

async function migrated(bin, tree, migrateArgs) {
  const dir = mkdtempSync(join(tmpdir(), "migrate-digest-"));
  cpSync(tree, dir, { recursive: true });
  const run = await runNode(bin, ["migrate", ...migrateArgs, "."], { cwd: dir, allowFailure: true });
  const files = hashes(dir);
  rmSync(dir, { recursive: true, force: true });
  return { code: run.code, report: `${strip(run.stdout, dir)}\n--stderr--\n${strip(run.stderr, dir)}`, files };
}

/** Migrates a copy of `tree` with each of the two bins; true when every file, exit code and report agree. */
export async function sameMigratedTree(binA, binB, tree, migrateArgs) {
  const original = hashes(resolve(tree));
  const a = await migrated(binA, resolve(tree), migrateArgs);
  const b = await migrated(binB, resolve(tree), migrateArgs);
  const changed = [...a.files].filter(([path, hash]) => original.get(path) !== hash).length;
  const differing = [...new Set([...a.files.keys(), ...b.files.keys()])].filter((path) => a.files.get(path) !== b.files.get(path));
  console.log(`${tree} (${migrateArgs.join(" ")}): ${a.files.size} files, ${changed} changed by A; digest A ${digestOf(a.files)}, B ${digestOf(b.files)}; exit ${a.code}/${b.code}`);
  if (differing.length > 0) console.error(`files differ (${differing.length}): ${differing.slice(0, 20).join(", ")}`);
  if (a.code !== b.code) console.error("exit codes differ");
  if (a.report !== b.report) console.error(`reports differ (${a.report.length} vs ${b.report.length} chars)`);
  return differing.length === 0 && a.code === b.code && a.report === b.report;
}
