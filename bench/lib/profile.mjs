// When a target is missed the benchmark profiles the slow side (node --cpu-prof) and records where
// the time goes: self time per function, and the time spent under each of the package's own
// functions (inclusive), so RESULTS.md says why, not only that.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { CACHE_DIR } from "./paths.mjs";
import { runNode } from "./measure.mjs";

function frameName(node) {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^file:\/\//, "").split("/").slice(-3).join("/");
  return `${functionName || "(anonymous)"} ${file}${lineNumber >= 0 ? `:${lineNumber + 1}` : ""}`;
}

/**
 * A V8 CPU profile's call tree for walking up from a sample: its nodes by id, each node's parent id, and the µs
 * sampled in each node (the node on top of the stack).
 */
export function profileTree(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const sampled = new Map();
  profile.samples.forEach((id, index) => sampled.set(id, (sampled.get(id) ?? 0) + profile.timeDeltas[index]));
  return { nodes, parents, sampled };
}

/** The call frames on the stack of node `id` whose URL `keep` accepts, innermost first. */
export function framesOnStack({ nodes, parents }, id, keep) {
  const frames = [];
  for (let current = id; current !== undefined; current = parents.get(current)) {
    const { callFrame } = nodes.get(current);
    if (keep(callFrame.url)) frames.push(callFrame);
  }
  return frames;
}

/** Top `limit` functions by self time, and by inclusive time among frames whose URL matches `ownCode`. */
export function summarizeCpuProfile(profile, { limit = 12, ownCode } = {}) {
  const { nodes, parents, sampled: selfTime } = profileTree(profile);
  const totalUs = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0);
  const self = new Map();
  const inclusive = new Map();
  for (const [id, us] of selfTime) {
    const name = frameName(nodes.get(id));
    self.set(name, (self.get(name) ?? 0) + us);
    const counted = new Set();
    for (let current = id; current !== undefined; current = parents.get(current)) {
      const node = nodes.get(current);
      const frame = frameName(node);
      if (ownCode?.test(node.callFrame.url) && !counted.has(frame)) {
        counted.add(frame);
        inclusive.set(frame, (inclusive.get(frame) ?? 0) + us);
      }
    }
  }
  const top = (map) =>
    [...map]
      .sort((left, right) => right[1] - left[1])
      .slice(0, limit)
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / totalUs }));
  return { totalMs: totalUs / 1000, self: top(self), ownInclusive: top(inclusive) };
}

/** Runs a node script under --cpu-prof and summarizes the main thread's profile. */
export async function profileNode(script, args, { cwd, env, ownCode, limit } = {}) {
  const directory = mkdtempSync(join(CACHE_DIR, "profile-"));
  try {
    await runNode(script, args, { cwd, env, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${directory}`], allowFailure: true });
    const files = readdirSync(directory).filter((name) => name.endsWith(".cpuprofile")).sort();
    if (files.length === 0) return undefined;
    return summarizeCpuProfile(JSON.parse(readFileSync(join(directory, files[0]), "utf8")), { ownCode, limit });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
