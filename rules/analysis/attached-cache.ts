// A cache of one value per object (per Program, per handler) kept ON the object, under a private
// symbol, instead of in a module-level WeakMap.
//
// Why not a WeakMap: a module-level WeakMap lives in V8's old generation, and a young-generation
// collection (scavenge) keeps every value of such a table alive while its key is young: it cannot
// tell whether the key is still reachable. The analysis models reference the whole AST, so with
// WeakMaps every file's AST, scopes and models survived the scavenges after the file was done and
// were promoted to the old generation, to be freed only by the next full collection (on a
// whole-tree migration ~1/3 of what was allocated got promoted; scavenges took ~12% of the run).
// Stored on the key, a value is only reachable through the key and dies with it.
//
// The property is non-enumerable (ESLint's RuleTester compares ASTs before and after the rules run,
// enumerable properties only) and is written with defineProperty, which also works on keys whose
// class has no such field. A key that cannot take a property (frozen) falls back to a WeakMap.
export class AttachedCache<K extends object, V> {
  private readonly slot: symbol;
  private fallback: WeakMap<K, V> | undefined;

  constructor(description: string) {
    this.slot = Symbol(description);
  }

  get(key: K): V | undefined {
    const own = (key as Record<symbol, V | undefined>)[this.slot];
    return own !== undefined ? own : this.fallback?.get(key);
  }

  set(key: K, value: V): void {
    if (Object.isExtensible(key)) {
      Object.defineProperty(key, this.slot, { value, writable: true, configurable: true, enumerable: false });
    } else {
      (this.fallback ??= new WeakMap()).set(key, value);
    }
  }
}
