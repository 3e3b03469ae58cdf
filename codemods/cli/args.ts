// Command line of `honeyhive`: `honeyhive migrate [paths…] [options]`, `--help`, `--version`.
// Everything a user can get wrong is a UsageError (exit code 2) with a message that says how to
// get it right.
import { parseArgs } from "node:util";
import { ALL_TRANSFORM_IDS, TRANSFORM_IDS, is1xTransformId, isTransformId, type TransformId } from "../transforms/ids.js";
import { DEFAULT_EXTENSIONS } from "./discover.js";

export class UsageError extends Error {}

export interface MigrateOptions {
  readonly paths: readonly string[];
  /** Paths were given explicitly (`--list` then counts what each transform would change). */
  readonly explicitPaths: boolean;
  readonly dry: boolean;
  readonly print: boolean;
  readonly check: boolean;
  readonly list: boolean;
  readonly json: boolean;
  readonly allowDirty: boolean;
  /** Paths that lead out of the project (the git top level, or the working directory) are accepted. */
  readonly allowOutsideProject: boolean;
  readonly verbose: boolean;
  /** `--from 1`: the code base is on honeyhive 1.x; the 1.x set runs first (and `--list` shows it). */
  readonly from1x?: boolean;
  /** `--update-package`: move package.json's `honeyhive` range to this package's version. */
  readonly updatePackage?: boolean;
  /** Selected transforms, in run order. */
  readonly transforms: readonly TransformId[];
  /** Worker threads asked for with `--cpus`; undefined means "decide from the machine". */
  readonly cpus: number | undefined;
  readonly runInBand: boolean;
  readonly extensions: readonly string[];
  readonly ignore: readonly string[];
  /**
   * `settings.honeyhive` of the ESLint plugin, from `--modules`, `--lambda-handler-names`,
   * `--serverless` / `--no-serverless` and `--sdk-version` (unset ones are left out: decided per file).
   */
  readonly settings: {
    readonly modules: readonly string[];
    readonly lambdaHandlerNames: readonly string[];
    readonly serverless?: boolean;
    readonly sdkVersion?: 1 | 2;
  };
}

export type Command =
  | { readonly kind: "help"; readonly topic: "main" | "migrate" }
  | { readonly kind: "version" }
  | { readonly kind: "migrate"; readonly options: MigrateOptions };

// Also read by scripts/docs-consistency.test.ts: every option here has its row in the README's option table and its line in `--help`.
export const MIGRATE_OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  dry: { type: "boolean", short: "d" },
  print: { type: "boolean", short: "p" },
  check: { type: "boolean" },
  list: { type: "boolean" },
  json: { type: "boolean" },
  "allow-dirty": { type: "boolean" },
  "allow-outside-project": { type: "boolean" },
  verbose: { type: "boolean" },
  transforms: { type: "string", short: "t", multiple: true },
  skip: { type: "string", multiple: true },
  cpus: { type: "string" },
  "run-in-band": { type: "boolean" },
  extensions: { type: "string" },
  ignore: { type: "string", multiple: true },
  modules: { type: "string", multiple: true },
  "lambda-handler-names": { type: "string", multiple: true },
  // Both spelled out (not parseArgs' allowNegative): the settings value is three-state, unset included.
  serverless: { type: "boolean" },
  "no-serverless": { type: "boolean" },
  "sdk-version": { type: "string" },
  from: { type: "string" },
  "update-package": { type: "boolean" },
} as const;

/** `--x a,b --x c` → ["a", "b", "c"]. */
function commaList(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => value.split(",")).map((item) => item.trim()).filter((item) => item !== "");
}

/** `--transforms a,b --transforms c` → ["a", "b", "c"], each checked against the known ids. */
function transformList(values: readonly string[] | undefined, flag: string): TransformId[] {
  const ids = commaList(values);
  const unknown = ids.filter((id) => !isTransformId(id));
  if (unknown.length > 0) {
    throw new UsageError(
      `${flag}: unknown transform ${unknown.map((id) => `"${id}"`).join(", ")}; valid ids: ${TRANSFORM_IDS.join(", ")}`,
    );
  }
  return ids as TransformId[];
}

function parseCpus(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--cpus: expected a whole number of at least 1, got "${value}"`);
  return Number(value);
}

function parseExtensions(value: string | undefined): string[] {
  if (value === undefined) return [...DEFAULT_EXTENSIONS];
  const extensions = value.split(",").map((extension) => extension.trim().replace(/^\./, "")).filter((extension) => extension !== "");
  if (extensions.length === 0) throw new UsageError(`--extensions: expected a comma-separated list such as ${DEFAULT_EXTENSIONS.join(",")}`);
  return extensions;
}

/** `--serverless` → true, `--no-serverless` → false, neither → undefined (decided per file). */
function parseServerless(on: boolean | undefined, off: boolean | undefined): boolean | undefined {
  if (on && off) throw new UsageError("--serverless and --no-serverless: give one of them");
  return on ? true : off ? false : undefined;
}

/**
 * `--sdk-version 1|2`: the major of honeyhive the code is written against. With `--from 1` the engine
 * reads the code as 2.x (codemods/engine/engine.ts `settingsOfRun`), so 1 contradicts it.
 */
function parseSdkVersion(value: string | undefined, from1x: boolean): 1 | 2 | undefined {
  if (value !== undefined && value !== "1" && value !== "2") throw new UsageError(`--sdk-version: expected 1 or 2, got "${value}"`);
  if (from1x && value === "1") throw new UsageError("--sdk-version 1 with --from 1: after the 1.x transforms the code is 2.x; leave --sdk-version out");
  return value === undefined ? undefined : (Number(value) as 1 | 2);
}

function parseMigrate(args: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: MIGRATE_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs' messages name the option and the problem; drop its hint about "--" for positionals.
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help", topic: "migrate" };
  if (values.version) return { kind: "version" };

  const only = transformList(values.transforms, "--transforms");
  const skipped = transformList(values.skip, "--skip");
  if (values.from !== undefined && values.from !== "1") {
    throw new UsageError(`--from: the only earlier major to migrate from is 1 (honeyhive 1.x), got "${values.from}"`);
  }
  const from1x = values.from === "1";
  // Naming a 1.x transform selects from the whole list, as --from 1 does.
  const selectable = from1x || only.some(is1xTransformId) ? ALL_TRANSFORM_IDS : TRANSFORM_IDS;
  const transforms = selectable.filter((id) => (only.length === 0 || only.includes(id)) && !skipped.includes(id));
  if (transforms.length === 0) throw new UsageError("no transform left to run: --transforms and --skip exclude them all");

  const serverless = parseServerless(values.serverless, values["no-serverless"]);
  const sdkVersion = parseSdkVersion(values["sdk-version"], from1x);
  const check = values.check ?? false;
  const print = values.print ?? false;
  return {
    kind: "migrate",
    options: {
      paths: positionals.length > 0 ? positionals : ["."],
      explicitPaths: positionals.length > 0,
      dry: (values.dry ?? false) || check || print,
      print,
      check,
      list: values.list ?? false,
      json: values.json ?? false,
      allowDirty: values["allow-dirty"] ?? false,
      allowOutsideProject: values["allow-outside-project"] ?? false,
      verbose: values.verbose ?? false,
      from1x,
      updatePackage: values["update-package"] ?? false,
      transforms,
      cpus: parseCpus(values.cpus),
      runInBand: values["run-in-band"] ?? false,
      extensions: parseExtensions(values.extensions),
      ignore: values.ignore ?? [],
      settings: {
        modules: commaList(values.modules),
        lambdaHandlerNames: commaList(values["lambda-handler-names"]),
        ...(serverless === undefined ? {} : { serverless }),
        ...(sdkVersion === undefined ? {} : { sdkVersion }),
      },
    },
  };
}

export function parseCommandLine(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h") return { kind: "help", topic: "main" };
  if (first === "--version" || first === "-v") return { kind: "version" };
  if (first === "help") return { kind: "help", topic: rest[0] === "migrate" ? "migrate" : "main" };
  if (first === "migrate") return parseMigrate(rest);
  throw new UsageError(first.startsWith("-") ? `unknown option ${first} (before a command)` : `unknown command "${first}"; the command is: migrate`);
}
