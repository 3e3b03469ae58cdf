// One walk per AST that indexes every node by type, for the analysis core and the codemods: the SDK
// model, the handler analysis and the transforms each ask for a few node types, and answering all
// of them from one walk replaces a whole-tree walk per consumer.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { visitorKeys } from "@typescript-eslint/visitor-keys";
import { AttachedCache } from "./attached-cache.js";

/** Calls and `new` expressions: the two node types that invoke a function. */
export const CALL_TYPES = [AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.NewExpression] as const;

export type NodeType = TSESTree.Node["type"];
export type NodeOfType<T extends NodeType> = Extract<TSESTree.Node, { type: T }>;

/** The nodes of one type in walk order; the position of each in the whole walk (to merge types) is in the index's `positions`, from `start` on. */
interface Bucket {
  readonly nodes: TSESTree.Node[];
  readonly start: number;
}

interface Merged {
  readonly nodes: readonly TSESTree.Node[];
  /** Whether `nodes` is also ordered by start offset, so a subtree's nodes can be found by binary search (when first asked). */
  sortedByStart?: boolean;
}

interface NodeIndex {
  /** By the slot of the type (`slotOf`); a type the file does not hold has none. */
  readonly buckets: (Bucket | undefined)[];
  /**
   * Every bucket's positions, one bucket after the other: one typed array per file instead of an array
   * per type present (~60 a file, all kept with the AST), read only when types are merged.
   */
  readonly positions: Int32Array;
  readonly merged: Map<string, Merged>;
}

/**
 * Per node type, kept once per process: its bucket's slot (in a prototype-less object: a keyed load
 * on it cost less than a `Map` look-up, and this runs for every node of every file) and, by slot, the
 * child keys the walk follows.
 */
const slotsOfTypes: Record<string, number | undefined> = Object.create(null) as Record<string, number | undefined>;
const keysOfSlots: (readonly string[])[] = [];

function slotOf(type: string): number {
  const slot = slotsOfTypes[type];
  return slot === undefined ? addType(type) : slot;
}

function addType(type: string): number {
  const slot = keysOfSlots.length;
  keysOfSlots.push(visitorKeys[type] ?? NONE);
  slotsOfTypes[type] = slot;
  return slot;
}

function bucketOf(index: NodeIndex, type: string): Bucket | undefined {
  const slot = slotsOfTypes[type];
  return slot === undefined ? undefined : index.buckets[slot];
}

const indexes = new AttachedCache<TSESTree.Program, NodeIndex>("honeyhive.nodeIndex");
const NONE: readonly never[] = [];

/**
 * ESLint's own traversal of a file (`SourceCode#traverse()`, part of ESLint's language API): the
 * steps it computes, and caches, before it creates the rules. Its node visits in enter phase are the
 * walk below in the same order (pre-order over the parser's visitor keys, which for
 * @typescript-eslint/parser are the keys `walk` reads), so under ESLint the index is read off them
 * instead of walking the tree a second time.
 */
export interface EslintTraversal {
  /** ESLint's steps: `{ kind: 1, target: node, phase: 1 | 2 }` visits and `{ kind: 2 }` code-path events. */
  traverse(): Iterable<object>;
  /** The keys the traversal follows (`SourceCode#visitorKeys`, the parser's). */
  readonly visitorKeys?: object;
}

const traversals = new AttachedCache<TSESTree.Program, EslintTraversal>("honeyhive.eslintTraversal");

/**
 * Builds the index of `ast` (when first asked) from ESLint's traversal of it instead of a walk, when
 * that traversal follows exactly the keys `walk` follows. Another parser's keys (espree's order
 * `ExportSpecifier` as exported-then-local, a newer parser's extra keys) would order or fill the
 * index differently: then the tree is walked.
 */
export function indexFromTraversal(ast: TSESTree.Program, traversal: EslintTraversal): void {
  if (indexes.get(ast) === undefined && traversal.visitorKeys !== undefined && followsWalkKeys(traversal.visitorKeys)) traversals.set(ast, traversal);
}

/** Per visitor-keys object (one per parser, for the process): whether its keys are `walk`'s. */
const sameKeysAsWalk = new WeakMap<object, boolean>();

function followsWalkKeys(keys: object): boolean {
  let same = sameKeysAsWalk.get(keys);
  if (same === undefined) sameKeysAsWalk.set(keys, (same = keys === visitorKeys || equalKeys(keys as Record<string, unknown>, visitorKeys)));
  return same;
}

function equalKeys(theirs: Record<string, unknown>, ours: Record<string, readonly string[] | undefined>): boolean {
  const types = new Set([...Object.keys(theirs), ...Object.keys(ours)]);
  for (const type of types) {
    const a = theirs[type];
    const b = ours[type];
    if (!Array.isArray(a) || b === undefined || a.length !== b.length || a.some((key, i) => key !== b[i])) return false;
  }
  return true;
}

/**
 * Walks `ast` once (later calls are free) and sets `parent` on every node that lacks it: ESLint sets
 * it before rules run, a bare typescript-estree parse (the codemods) does not.
 */
export function indexNodes(ast: TSESTree.Program): void {
  indexOf(ast);
}

/** Every node of one type in walk order: pre-order over the visitor keys, i.e. source order. */
export function nodesOfType<T extends NodeType>(ast: TSESTree.Program, type: T): readonly NodeOfType<T>[] {
  return (bucketOf(indexOf(ast), type)?.nodes ?? NONE) as NodeOfType<T>[];
}

/** Every node of several types, interleaved in walk order (as one walk collecting all of them would meet them). */
export function nodesOfTypes<T extends NodeType>(ast: TSESTree.Program, types: readonly T[]): readonly NodeOfType<T>[] {
  return mergedOf(indexOf(ast), types).nodes as NodeOfType<T>[];
}

/**
 * The nodes of `types` whose range lies within `root`'s, in walk order: for a function body (or any
 * node that no node of `types` shares its range with) exactly what a walk of `root` alone collects,
 * since a node lies within its parent's range (decorators before `export` or before a parameter are
 * the exception, and they still lie within any body holding them). `root` must belong to `ast`.
 */
export function nodesOfTypesWithin<T extends NodeType>(ast: TSESTree.Program, types: readonly T[], root: TSESTree.Node): readonly NodeOfType<T>[] {
  const merged = mergedOf(indexOf(ast), types);
  const { nodes } = merged;
  const sortedByStart = (merged.sortedByStart ??= isSortedByStart(nodes));
  const [start, end] = root.range;
  const within: TSESTree.Node[] = [];
  let i = 0;
  if (sortedByStart) {
    let high = nodes.length;
    while (i < high) {
      const middle = (i + high) >>> 1;
      if (nodes[middle].range[0] < start) i = middle + 1;
      else high = middle;
    }
  }
  for (; i < nodes.length; i++) {
    const { range } = nodes[i];
    if (sortedByStart && range[0] > end) break;
    if (range[0] >= start && range[1] <= end) within.push(nodes[i]);
  }
  return within as NodeOfType<T>[];
}

function indexOf(ast: TSESTree.Program): NodeIndex {
  let index = indexes.get(ast);
  if (index === undefined) {
    const traversal = traversals.get(ast);
    const { buckets, positions } = bucketsOfListed((traversal && listTraversal(ast, traversal)) ?? walk(ast));
    index = { buckets, positions, merged: new Map() };
    indexes.set(ast, index);
  }
  return index;
}

/**
 * The index is built in two steps: the walk (or ESLint's steps) lists the nodes and their types' slots
 * in these arrays, kept for the process and overwritten by each file; then each type present gets
 * its array at its exact length, and the file one typed array of positions. Pushing into fresh arrays
 * gave every type's pair (nodes, positions) the backing
 * store of a first push (16 slots each) whatever its count: ~12 KB a file, most of it empty, and kept
 * with the AST (bench/NOTES.md, lint-perf-c).
 */
const listedNodes: (TSESTree.Node | undefined)[] = [];
const listedSlots: number[] = [];
/** Per slot, while a file's buckets are filled: how many nodes of that type (then: how many placed). */
const slotCounts: number[] = [];

/** The buckets of the first `count` listed nodes; clears the listed nodes (the arrays outlive the file). */
function bucketsOfListed(count: number): Pick<NodeIndex, "buckets" | "positions"> {
  const nodes = listedNodes;
  const slots = listedSlots;
  const counts = slotCounts;
  while (counts.length < keysOfSlots.length) counts.push(0);
  for (let i = 0; i < count; i++) counts[slots[i]]++;
  const buckets = new Array<Bucket | undefined>(keysOfSlots.length);
  const positions = new Int32Array(count);
  let free = 0;
  for (let i = 0; i < count; i++) {
    const slot = slots[i];
    let bucket = buckets[slot];
    if (bucket === undefined) {
      const size = counts[slot];
      buckets[slot] = bucket = { nodes: new Array<TSESTree.Node>(size), start: free };
      free += size;
      counts[slot] = 0;
    }
    const at = counts[slot]++;
    bucket.nodes[at] = nodes[i]!;
    positions[bucket.start + at] = i;
    nodes[i] = undefined;
  }
  for (let slot = 0; slot < buckets.length; slot++) if (buckets[slot] !== undefined) counts[slot] = 0;
  return { buckets, positions };
}

/**
 * Pre-order over the visitor keys, like typescript-estree's `simpleTraverse` but without its per-node
 * key lookup and value validation through helper calls; an explicit stack measured a little faster
 * than recursion.
 */
/** Lists the nodes of `ast` (see `listedNodes`); returns how many. */
function walk(ast: TSESTree.Program): number {
  const stack: TSESTree.Node[] = [ast];
  let position = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    const slot = slotOf(node.type);
    listedNodes[position] = node;
    listedSlots[position++] = slot;
    const keys = keysOfSlots[slot];
    // Last key and last element first, so that the children pop in order.
    for (let k = keys.length - 1; k >= 0; k--) {
      const value = (node as unknown as Record<string, unknown>)[keys[k]];
      if (value === null || value === undefined) continue;
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const child = value[i] as TSESTree.Node | null;
          if (child !== null && typeof child.type === "string") {
            if (child.parent === undefined) (child as { parent?: TSESTree.Node }).parent = node;
            stack.push(child);
          }
        }
      } else if (typeof (value as TSESTree.Node).type === "string") {
        const child = value as TSESTree.Node;
        if (child.parent === undefined) (child as { parent?: TSESTree.Node }).parent = node;
        stack.push(child);
      }
    }
  }
  return position;
}

/**
 * Lists the nodes of ESLint's traversal steps (see `listedNodes`), its node visits in enter phase (its
 * other steps are exits and code-path events); returns how many. Undefined when the visits do not start at `ast` (another language's, or a
 * traversal of another tree): the caller walks instead.
 */
function listTraversal(ast: TSESTree.Program, traversal: EslintTraversal): number | undefined {
  const steps = traversal.traverse();
  if (!Array.isArray(steps)) return undefined;
  let position = 0;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as { readonly kind?: number; readonly phase?: number; readonly target?: TSESTree.Node };
    if (step.kind !== 1 || step.phase !== 1) continue;
    const node = step.target!;
    // Code-path events (`onCodePathStart`) come before the Program's own visit.
    if (position === 0 && node !== ast) return undefined;
    listedNodes[position] = node;
    listedSlots[position++] = slotOf(node.type);
  }
  return position === 0 ? undefined : position;
}

/** The merged lists' keys by the arrays callers pass (module constants, mostly): no join per call. */
const keysOfTypes = new WeakMap<readonly string[], string>();

function keyOf(types: readonly string[]): string {
  if (types.length === 1) return types[0];
  let key = keysOfTypes.get(types);
  if (key === undefined) keysOfTypes.set(types, (key = types.join(",")));
  return key;
}

function mergedOf(index: NodeIndex, types: readonly string[]): Merged {
  const key = keyOf(types);
  let merged = index.merged.get(key);
  if (merged === undefined) {
    const buckets: Bucket[] = [];
    for (const type of types) {
      const bucket = bucketOf(index, type);
      if (bucket !== undefined) buckets.push(bucket);
    }
    merged = { nodes: buckets.length === 1 ? buckets[0].nodes : merge(buckets, index.positions) };
    index.merged.set(key, merged);
  }
  return merged;
}

/** The nodes of `buckets` by their position in the walk. */
function merge(buckets: readonly Bucket[], positions: Int32Array): TSESTree.Node[] {
  let total = 0;
  for (const bucket of buckets) total += bucket.nodes.length;
  const nodes: TSESTree.Node[] = new Array<TSESTree.Node>(total);
  let filled = 0;
  const next = buckets.map(() => 0);
  for (;;) {
    let best = -1;
    let bestPosition = Infinity;
    for (let b = 0; b < buckets.length; b++) {
      const { nodes: ofType, start } = buckets[b];
      if (next[b] < ofType.length && positions[start + next[b]] < bestPosition) {
        best = b;
        bestPosition = positions[start + next[b]];
      }
    }
    if (best === -1) return nodes;
    nodes[filled++] = buckets[best].nodes[next[best]++];
  }
}

function isSortedByStart(nodes: readonly TSESTree.Node[]): boolean {
  for (let i = 1; i < nodes.length; i++) if (nodes[i - 1].range[0] > nodes[i].range[0]) return false;
  return true;
}
