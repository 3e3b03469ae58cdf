// The one reader of a descriptor's `ValueSpecifier` (analysis/knowledge/types.ts): whether a module a binding comes
// from is one the specifier names (as written, or by pattern: Convex's generated `…/_generated/server` at any
// depth), and whether a binding's origin is the value it names. Every engine module asks here, so a new form of
// specifier is read the same way everywhere.
import { originName, type ModuleOrigin } from "./bindings.js";
import type { PackageSpecifier, ValueSpecifier } from "./knowledge/types.js";

/** Whether `module` (a specifier as the file writes it) is one `spec` names: a string as written, a pattern by test, a list by any. */
export function packageSpecifies(spec: PackageSpecifier, module: string): boolean {
  if (typeof spec === "string") return spec === module;
  if (spec instanceof RegExp) return spec.test(module);
  for (const one of spec as readonly (string | RegExp)[]) if (typeof one === "string" ? one === module : one.test(module)) return true;
  return false;
}

/**
 * A specifier's `name`: one string or a short list, compared as written, except `"default"`: the module's default
 * export, which a binding's origin names `""` (`originName`: `import x from "m"`, `import { default as x }` and
 * `const x = require("m")` are the same value under interop), so it is compared as `""`.
 */
export function nameSpecifies(spec: string | readonly string[], name: string): boolean {
  return typeof spec === "string" ? specifiedName(spec) === name : spec.some((one) => specifiedName(one) === name);
}

/** `"default"` → `""`: the one name (`originName`'s) the default export is compared under. */
function specifiedName(name: string): string {
  return name === DEFAULT_EXPORT ? "" : name;
}

const DEFAULT_EXPORT = "default";

/** `origin` (where a binding comes from) is the value `spec` names. */
export function originMatches(origin: ModuleOrigin | undefined, spec: ValueSpecifier): boolean {
  return origin !== undefined && packageSpecifies(spec.package, origin.module) && nameSpecifies(spec.name, originName(origin));
}

/** The modules a specifier names as written (its patterns name none): what a gate that looks modules up by name can find. */
export function packagesWritten(spec: PackageSpecifier): readonly string[] {
  if (typeof spec === "string") return [spec];
  if (spec instanceof RegExp) return [];
  return (spec as readonly (string | RegExp)[]).filter((one): one is string => typeof one === "string");
}

/** The patterns of a specifier's `package`. */
export function packagePatterns(spec: PackageSpecifier): readonly RegExp[] {
  if (typeof spec === "string") return [];
  if (spec instanceof RegExp) return [spec];
  return (spec as readonly (string | RegExp)[]).filter((one): one is RegExp => one instanceof RegExp);
}
