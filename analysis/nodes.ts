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

interface Merged {
  readonly nodes: readonly TSESTree.Node[];
  /** Whether `nodes` is also ordered by start offset, so a subtree's nodes can be found by binary search (when first asked). */
  sortedByStart?: boolean;
}

/** A slot list in walk order: one byte a node while the process has seen at most 256 node types. */
type SlotOrder = Uint8Array | Uint16Array;

interface NodeIndex {
  /**
   * By the slot of the type (`slotOf`): 1 + where its nodes are in `buckets`, 0 for a type the file does not
   * hold. One byte a type (for the types seen when the file was indexed) instead of a pointer.
   */
  readonly bucketOfSlot: SlotOrder;
  /** Each type present's nodes in walk order, at their exact length, in the order the walk first met the types. */
  readonly buckets: readonly TSESTree.Node[][];
  /**
   * The slot of every node, in walk order: merging types reads it (one byte a node) instead of a position per
   * node and a `{ nodes, start }` object per type (bench/NOTES.md, perf-sdk-4).
   */
  readonly order: SlotOrder;
  /** Made when types are first merged. */
  merged?: Map<string, Merged>;
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

function bucketOf(index: NodeIndex, type: string): TSESTree.Node[] | undefined {
  const slot = slotsOfTypes[type];
  // A slot added after the file was indexed (`slot >= bucketOfSlot.length`) is a type the file does not hold.
  const at = slot === undefined ? 0 : (index.bucketOfSlot[slot] ?? 0);
  return at === 0 ? undefined : index.buckets[at - 1];
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
  return (bucketOf(indexOf(ast), type) ?? NONE) as NodeOfType<T>[];
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
    index = indexOfListed((traversal && listTraversal(ast, traversal)) ?? walk(ast));
    indexes.set(ast, index);
  }
  return index;
}

/**
 * The index is built in two steps: the walk (or ESLint's steps) lists the nodes and their types' slots
 * in these arrays, kept for the process and overwritten by each file; then each type present gets
 * its array at its exact length, and the file one typed array of the slots in walk order. Pushing into
 * fresh arrays gave every type's pair (nodes, positions) the backing
 * store of a first push (16 slots each) whatever its count: ~12 KB a file, most of it empty, and kept
 * with the AST (bench/NOTES.md, lint-perf-c).
 */
const listedNodes: (TSESTree.Node | undefined)[] = [];
const listedSlots: number[] = [];
/** Per slot, while a file's buckets are filled: how many nodes of that type (then: how many placed). */
const slotCounts: number[] = [];

/** The index of the first `count` listed nodes; clears the listed nodes (the arrays outlive the file). */
function indexOfListed(count: number): NodeIndex {
  const nodes = listedNodes;
  const slots = listedSlots;
  const counts = slotCounts;
  const slotCount = keysOfSlots.length;
  while (counts.length < slotCount) counts.push(0);
  for (let i = 0; i < count; i++) counts[slots[i]]++;
  const narrow = slotCount <= 256;
  const bucketOfSlot = narrow ? new Uint8Array(slotCount) : new Uint16Array(slotCount);
  const order = narrow ? new Uint8Array(count) : new Uint16Array(count);
  const buckets: TSESTree.Node[][] = [];
  for (let i = 0; i < count; i++) {
    const slot = slots[i];
    order[i] = slot;
    let at = bucketOfSlot[slot];
    if (at === 0) {
      buckets.push(new Array<TSESTree.Node>(counts[slot]));
      bucketOfSlot[slot] = at = buckets.length;
      counts[slot] = 0;
    }
    buckets[at - 1][counts[slot]++] = nodes[i]!;
    nodes[i] = undefined;
  }
  for (let slot = 0; slot < slotCount; slot++) if (bucketOfSlot[slot] !== 0) counts[slot] = 0;
  return { bucketOfSlot, buckets, order };
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
  const mergedLists = (index.merged ??= new Map());
  let merged = mergedLists.get(key);
  if (merged === undefined) {
    const present: TSESTree.Node[][] = [];
    for (const type of types) {
      const bucket = bucketOf(index, type);
      if (bucket !== undefined) present.push(bucket);
    }
    merged = { nodes: present.length === 0 ? NONE : present.length === 1 ? present[0] : merge(index, types) };
    mergedLists.set(key, merged);
  }
  return merged;
}

/** Per slot, while types are merged: 1 + how many of its nodes are placed, 0 for a slot not asked (kept for the process). */
const mergeCursors: number[] = [];

/** The nodes of `types` (at least two of them present) by their place in the walk: the file's slot order, read once. */
function merge(index: NodeIndex, types: readonly string[]): TSESTree.Node[] {
  const { order, buckets, bucketOfSlot } = index;
  const cursors = mergeCursors;
  while (cursors.length < bucketOfSlot.length) cursors.push(0);
  let total = 0;
  for (const type of types) {
    const slot = slotsOfTypes[type];
    const bucket = bucketOf(index, type);
    if (slot === undefined || bucket === undefined || cursors[slot] !== 0) continue;
    cursors[slot] = 1;
    total += bucket.length;
  }
  const nodes: TSESTree.Node[] = new Array<TSESTree.Node>(total);
  let filled = 0;
  for (let i = 0; i < order.length && filled < total; i++) {
    const slot = order[i];
    const cursor = cursors[slot];
    if (cursor !== 0) {
      nodes[filled++] = buckets[bucketOfSlot[slot] - 1][cursor - 1];
      cursors[slot] = cursor + 1;
    }
  }
  for (const type of types) {
    const slot = slotsOfTypes[type];
    if (slot !== undefined && slot < cursors.length) cursors[slot] = 0;
  }
  return nodes;
}

function isSortedByStart(nodes: readonly TSESTree.Node[]): boolean {
  for (let i = 1; i < nodes.length; i++) if (nodes[i - 1].range[0] > nodes[i].range[0]) return false;
  return true;
}
