// State that must be one per process, not one per copy of the package. An application can load this
// package twice (its ES module build from `import`, its CommonJS build from a `require()` in a
// dependency: the "dual package hazard"); a module variable is then two variables. A slot lives on
// `globalThis` under a registry-wide symbol (`Symbol.for`), which both copies reach: the default
// tracer (default-tracer.ts) and the logger's once-per-process memory (logger.ts) live there.

/**
 * The process-wide object named `name`, made by `create` the first time any copy asks for it. A copy
 * of another version may have made it with fewer fields: `complete` fills in what this copy needs.
 */
export function processSlot<T extends object>(name: string, create: () => T, complete: (slot: Partial<T>) => T = (slot) => slot as T): T {
  const registry = globalThis as Record<symbol, Partial<T> | undefined>;
  const key = Symbol.for(name);
  const existing = registry[key];
  if (existing === undefined) return (registry[key] = create()) as T;
  return complete(existing);
}
