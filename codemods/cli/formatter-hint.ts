// After a run that wrote files, the command that formats them with the project's own formatter
// (transforms keep untouched code as it was, but the lines they write follow recast's layout).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

interface Formatter {
  readonly configFiles: readonly string[];
  /** Dependency names and package.json keys that show the project uses it. */
  readonly packages: readonly string[];
  readonly packageJsonKeys: readonly string[];
  readonly command: string;
}

const SCRIPT_EXTENSIONS = ["js", "cjs", "mjs", "ts", "cts", "mts"];

// In order of preference: a formatter before a linter that can also fix layout.
const FORMATTERS: readonly Formatter[] = [
  {
    configFiles: [
      ".prettierrc",
      ...["json", "json5", "yaml", "yml", "toml", ...SCRIPT_EXTENSIONS].map((extension) => `.prettierrc.${extension}`),
      ...SCRIPT_EXTENSIONS.map((extension) => `prettier.config.${extension}`),
    ],
    packages: ["prettier"],
    packageJsonKeys: ["prettier"],
    command: "npx prettier --write",
  },
  {
    configFiles: ["biome.json", "biome.jsonc"],
    packages: ["@biomejs/biome"],
    packageJsonKeys: [],
    command: "npx biome format --write",
  },
  {
    configFiles: [
      ...SCRIPT_EXTENSIONS.map((extension) => `eslint.config.${extension}`),
      ...["", ".js", ".cjs", ".json", ".yaml", ".yml"].map((extension) => `.eslintrc${extension}`),
    ],
    packages: ["eslint"],
    packageJsonKeys: ["eslintConfig"],
    command: "npx eslint --fix",
  },
];

function readPackageJson(directory: string): Record<string, unknown> | undefined {
  const file = join(directory, "package.json");
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch {
    return undefined; // a broken package.json is not this tool's business
  }
}

function usesFormatter(directory: string, formatter: Formatter): boolean {
  if (formatter.configFiles.some((file) => existsSync(join(directory, file)))) return true;
  const manifest = readPackageJson(directory);
  if (!manifest) return false;
  if (formatter.packageJsonKeys.some((key) => key in manifest)) return true;
  const dependencies = ["dependencies", "devDependencies"].flatMap((field) => Object.keys((manifest[field] as object | undefined) ?? {}));
  return formatter.packages.some((name) => dependencies.includes(name));
}

/** Quotes a path for a POSIX shell when it holds anything but safe characters. */
function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/**
 * The formatter command for `files` (relative to `cwd`), looking for a configured formatter from
 * `cwd` up to `stopAt` (the git top level, or `cwd` itself outside git); undefined when none.
 */
export function formatterCommand(cwd: string, stopAt: string, files: readonly string[]): string | undefined {
  if (files.length === 0) return undefined;
  let directory = resolve(cwd);
  const boundary = resolve(stopAt);
  for (;;) {
    const formatter = FORMATTERS.find((candidate) => usesFormatter(directory, candidate));
    if (formatter) return `${formatter.command} ${files.map(shellQuote).join(" ")}`;
    const parent = dirname(directory);
    if (directory === boundary || parent === directory || relative(boundary, parent).startsWith("..")) return undefined;
    directory = parent;
  }
}
