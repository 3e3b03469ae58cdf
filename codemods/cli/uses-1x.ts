// `migrate` without `--from 1` on code written for honeyhive 1.x: the 2.x set reads every file as 2.x
// code and changes nothing of 1.x's, so the run would end silent. Each candidate file's text is asked
// here whether it uses what only 1.x had (the 1.x table, analysis/knowledge/sdks/honeyhive-1x.ts), and the
// summary names the count and the command (report.ts `formatSummary`, the JSON report's `uses1x`).
// A text test on what the prefilter already read (no parse; comments and the text of strings do not count, `codeOf`):
// an import of the SDK naming an export only
// 1.x had (`HoneyHive`, `traceFunction`, `enrichSpan` as free functions…), a path into the 1.x package
// (`honeyhive/models/components`), Deno's or a CDN's `honeyhive@1…`, or a call of a tracer method only 1.x
// tracers have and no other library's object shares (`.traceFunction(`, `.traceModel(`; not `.flush(`).
import { API_1X, METHODS_GONE_1X, SHARED_MEMBER_NAMES_1X } from "../../analysis/knowledge/sdks/honeyhive-1x.js";
import { SDK_ROOT_NAMES, honeyhiveProfile } from "../../analysis/knowledge/sdks/honeyhive.js";

const escape = (name: string): string => name.replace(/[$]/g, "\\$");
const ONLY_1X_EXPORTS = [...new Set(API_1X.filter((entry) => entry.where === "export" && !SDK_ROOT_NAMES.has(entry.name)).map((entry) => entry.name))];
const ONLY_1X_METHODS = [...METHODS_GONE_1X].filter((name) => !SHARED_MEMBER_NAMES_1X.has(name));
/** This package's own entry points (`honeyhive/experiments`…): any other `honeyhive/…` path is 1.x's. */
const ENTRY_POINTS: ReadonlySet<string> = new Set([...honeyhiveProfile.modules, "honeyhive/eslint-plugin", "honeyhive/package.json"]);

/** `import { A, B as C } from "honeyhive"`, `const { A } = require("honeyhive")`: the names listed (group 1) and the specifier (2). */
const NAMED_IMPORT = /(?:import|const|let|var)\s*(?:type\s+)?(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*(?:from\s*|=\s*require\(\s*)["']([^"']+)["']/g;
/** Any specifier of an import, re-export, `require()` or `import()`. */
const SPECIFIER = /(?:from\s*|require\(\s*|import\(\s*|import\s+)["']([^"']+)["']/g;
const ONLY_1X_METHOD_CALL = new RegExp(`\\.(?:${ONLY_1X_METHODS.map(escape).join("|")})\\s*\\(`);
/** `npm:honeyhive@1.0.42`, `https://esm.sh/honeyhive@1`: a 1.x version written in the specifier. */
const VERSIONED_1X = /(?:^|[:/])honeyhive@[~^]?1(?:\.|$|\/)/;

/** The SDK's module (`honeyhive`, a subpath) a specifier names, also as Deno or a CDN writes it; undefined for another. */
function sdkModuleOf(specifier: string): string | undefined {
  const match = /^(?:npm:|https?:\/\/[^/]+\/)?(honeyhive)(?:@[^/]*)?(\/.*)?$/.exec(specifier);
  return match ? match[1]! + (match[2] ?? "") : undefined;
}

/** What before a string makes it a module specifier: `from "…"`, `require("…")`, `import("…")`, `import "…"`. */
const BEFORE_SPECIFIER = /(?:\bfrom|\brequire\s*\(|\bimport\s*\(?)\s*$/;

/**
 * `source` with its comments and the text of its strings and templates blanked (same length, line breaks kept), except
 * module specifiers: a comment or a string saying `traceFunction(` or `import { HoneyHive } from "honeyhive"` is no
 * use of it. A light scan, not a parse (this runs on the main thread over the candidates' text): a regular expression
 * literal holding a quote can blank the rest of its line, which only makes a use there not count.
 */
export function codeOf(source: string): string {
  let out = "";
  let index = 0;
  const blank = (text: string) => text.replace(/[^\r\n]/g, " ");
  while (index < source.length) {
    const char = source[index]!;
    const next = source[index + 1];
    let end: number;
    if (char === "/" && next === "/") {
      end = source.indexOf("\n", index);
      end = end === -1 ? source.length : end;
      out += blank(source.slice(index, end));
    } else if (char === "/" && next === "*") {
      end = source.indexOf("*/", index + 2);
      end = end === -1 ? source.length : end + 2;
      out += blank(source.slice(index, end));
    } else if (char === '"' || char === "'" || char === "`") {
      // A quoted string ends at its quote or the line's end; a template at its backtick (its `${…}` blanked with it).
      end = index + 1;
      while (end < source.length && source[end] !== char && (char === "`" || source[end] !== "\n")) end += source[end] === "\\" ? 2 : 1;
      end = Math.min(end + 1, source.length);
      const text = source.slice(index, end);
      out += char !== "`" && BEFORE_SPECIFIER.test(out.slice(-40)) ? text : char + blank(text.slice(1, -1)) + text.slice(-1);
    } else {
      end = index + 1;
      out += char;
    }
    index = end;
  }
  return out;
}

/** Whether `source` (a candidate file's text) uses an API only honeyhive 1.x had (see the head of this file). */
export function uses1xApis(text: string): boolean {
  if (!text.includes("honeyhive")) return false;
  const source = codeOf(text);
  let importsSdk = false;
  for (const [, specifier] of source.matchAll(SPECIFIER)) {
    const module = sdkModuleOf(specifier!);
    if (module === undefined) continue;
    importsSdk = true;
    if (!ENTRY_POINTS.has(module) || VERSIONED_1X.test(specifier!)) return true;
  }
  if (!importsSdk) return false;
  for (const [, names, specifier] of source.matchAll(NAMED_IMPORT)) {
    if (sdkModuleOf(specifier!) !== "honeyhive") continue;
    for (const entry of names!.split(",")) {
      const name = entry.trim().replace(/^type\s+/, "").split(/\s+as\s+|\s*:\s*/)[0];
      if (name && ONLY_1X_EXPORTS.includes(name)) return true;
    }
  }
  return ONLY_1X_METHOD_CALL.test(source);
}
