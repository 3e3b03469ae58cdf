// Gitignore-style patterns for the places git itself cannot answer: the directory walk outside a
// git repository (nested .gitignore files) and the `--ignore <glob>` option. The semantics follow
// gitignore(5): `#` comments, `!` negation, a trailing `/` matches directories only, a pattern with
// a `/` before its end is anchored to the file that holds it, otherwise it matches at any depth;
// `*` and `?` stop at `/`, `**` spans directories, the last matching pattern wins.
// Node 20's `path.matchesGlob` is experimental (it prints a warning) and has no gitignore anchoring,
// hence this small compiler instead of a dependency.

export interface IgnoreRule {
  readonly pattern: string;
  readonly negated: boolean;
  readonly directoryOnly: boolean;
  readonly regex: RegExp;
}

function escapeRegexChar(char: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(char) ? `\\${char}` : char;
}

/** Translates the glob part of a pattern (no leading `!`, no trailing `/`) into a regex body. */
function globToRegexSource(glob: string): string {
  let source = "";
  let index = 0;
  while (index < glob.length) {
    const char = glob[index];
    if (char === "*") {
      let run = 1;
      while (glob[index + run] === "*") run++;
      const atSegmentStart = index === 0 || glob[index - 1] === "/";
      const next = glob[index + run];
      if (run >= 2 && atSegmentStart && next === "/") {
        source += "(?:.*/)?"; // `**/`: zero or more whole directories
        index += run + 1;
        continue;
      }
      if (run >= 2 && atSegmentStart && next === undefined) {
        source += ".*"; // trailing `/**`: everything inside
        index += run;
        continue;
      }
      source += "[^/]*"; // any other run of asterisks is a plain `*`
      index += run;
      continue;
    }
    if (char === "?") {
      source += "[^/]";
      index++;
      continue;
    }
    if (char === "\\" && index + 1 < glob.length) {
      source += escapeRegexChar(glob[index + 1]);
      index += 2;
      continue;
    }
    if (char === "[") {
      const close = glob.indexOf("]", index + 2);
      if (close !== -1) {
        let body = glob.slice(index + 1, close);
        const negated = body.startsWith("!") || body.startsWith("^");
        if (negated) body = body.slice(1);
        const escaped = body.replace(/[\\\]^]/g, (match) => `\\${match}`);
        source += negated ? `[^/${escaped}]` : `[${escaped}]`;
        index = close + 1;
        continue;
      }
    }
    source += escapeRegexChar(char);
    index++;
  }
  return source;
}

/** Compiles one gitignore line; undefined for blank lines and comments. */
export function compileIgnorePattern(line: string): IgnoreRule | undefined {
  // Trailing spaces are dropped unless escaped with a backslash.
  let pattern = line.replace(/(?<!\\)\s+$/, "");
  if (pattern === "" || pattern.startsWith("#")) return undefined;
  const negated = pattern.startsWith("!");
  if (negated) pattern = pattern.slice(1);
  else if (pattern.startsWith("\\!") || pattern.startsWith("\\#")) pattern = pattern.slice(1);
  const directoryOnly = pattern.endsWith("/");
  if (directoryOnly) pattern = pattern.slice(0, -1);
  if (pattern === "") return undefined;
  const anchored = pattern.includes("/");
  if (pattern.startsWith("/")) pattern = pattern.slice(1);
  const body = globToRegexSource(pattern);
  const regex = new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`);
  return { pattern: line.trim(), negated, directoryOnly, regex };
}

export function parseIgnoreFile(text: string): IgnoreRule[] {
  return text.split(/\r?\n/).flatMap((line) => compileIgnorePattern(line) ?? []);
}

/**
 * What one list of rules says about a path relative to the list's base directory (`/`-separated):
 * true ignored, false re-included by a negation, undefined no rule matched.
 */
export function ignoreVerdict(rules: readonly IgnoreRule[], relativePath: string, isDirectory: boolean): boolean | undefined {
  let verdict: boolean | undefined;
  for (const rule of rules) {
    if (rule.directoryOnly && !isDirectory) continue;
    if (rule.regex.test(relativePath)) verdict = !rule.negated;
  }
  return verdict;
}

/**
 * Whether a file path (relative to the rules' base) is ignored, taking its directories into account:
 * once a directory is ignored nothing below it can be re-included (as in git).
 */
export function isFileIgnored(rules: readonly IgnoreRule[], relativePath: string): boolean {
  if (rules.length === 0) return false;
  const segments = relativePath.split("/");
  for (let depth = 1; depth < segments.length; depth++) {
    if (ignoreVerdict(rules, segments.slice(0, depth).join("/"), true) === true) return true;
  }
  return ignoreVerdict(rules, relativePath, false) === true;
}
