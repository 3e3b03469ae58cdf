// A cache of one value per object (per Program, per handler) kept ON the object, under a private
// symbol, instead of in a module-level WeakMap.
//
// Why not a WeakMap: a module-level WeakMap lives in V8's old generation, and a young-generation
// collection (scavenge) keeps the values of such a table alive while their keys are young (measured:
// a probe that cached each parse in one promoted three times as much). The analysis models reference
// the whole AST, so with WeakMaps every file's AST, scopes and models survived the scavenges after
// the file was done and were promoted to the old generation, to be freed only by the next full
// collection. Stored on the key, a value is only reachable through the key and dies with it.
//
// All caches share one slot per key (an array, one entry per cache), so a key gets one property
// however many caches use it. The property is non-enumerable (ESLint's RuleTester compares ASTs
// before and after the rules run, enumerable properties only). A key that cannot take a property
// (frozen) falls back to a WeakMap.
import { reportAnalysisError } from "./ast.js";

const SLOT = Symbol("honeyhive.analysisCaches");
let caches = 0;

type Slotted = { [SLOT]?: unknown[] };

export class AttachedCache<K extends object, V> {
  private readonly id = caches++;
  private fallback: WeakMap<K, V> | undefined;

  /** `description` names the cache for a reader of this code; it has no other use. */
  constructor(readonly description: string) {}

  get(key: K): V | undefined {
    const slot = (key as Slotted)[SLOT];
    if (slot !== undefined) return slot[this.id] as V | undefined;
    return this.fallback?.get(key);
  }

  /** The cached value, else `compute(key)` stored; a `compute` that throws is reported and `fallback` stored instead (analyses never throw into a lint run). */
  getOrCompute(key: K, compute: (key: K) => V, fallback: V): V {
    let value = this.get(key);
    if (value === undefined) {
      try {
        value = compute(key);
      } catch (error) {
        reportAnalysisError(error);
        value = fallback;
      }
      this.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    let slot = (key as Slotted)[SLOT];
    if (slot === undefined) {
      if (!Object.isExtensible(key)) {
        (this.fallback ??= new WeakMap()).set(key, value);
        return;
      }
      // At the number of caches made so far, at once: an empty array written at index `id` grows to ~1.5 × id
      // + 16 slots, and again at a higher id, all of it kept with the key (bench/NOTES.md, perf-sdk-4).
      slot = new Array<unknown>(caches);
      Object.defineProperty(key, SLOT, { value: slot, enumerable: false });
    }
    slot[this.id] = value;
  }
}
