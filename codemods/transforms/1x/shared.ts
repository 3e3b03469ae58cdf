// What the 1.x transforms share: renaming or dropping an option key of an object literal by the
// 1.x data, and the review marker that says which keys were dropped and why.
import { readFileSync, realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { skipTrivia, unwrapExpression } from "../../../analysis/ast.js";
import { getAnalysisContext } from "../../../analysis/context.js";
import { type EditList, lineStart } from "../../../analysis/edits.js";
import { keyedProperties, option1xAmong } from "../../../analysis/honeyhive-1x.js";
import { addMarker } from "../../engine/markers.js";
import type { AnalysisInput } from "../../../analysis/input.js";
import { EMPTY_MANIFEST, everySpecifierOf, exportedTracerShape, projectModules } from "../../../analysis/project-modules.js";
import { exportPath, type ModuleOrigin } from "../../../analysis/bindings.js";
import { isKnownNonHoneyhiveModule } from "../../../analysis/knowledge/sdks/index.js";
import { SDK_RECEIVER_WORDS_1X, TRACER_RECEIVER_WORDS_1X } from "../../../analysis/knowledge/sdks/honeyhive-1x.js";
import { splitCdnUrl } from "../../../analysis/knowledge/npm-cdns.js";
import { isLocalModule, isSdkModule, packageSpecifier } from "../../../analysis/settings.js";
import { PACKAGE_VERSION } from "../../../sdk/version.js";

/** `{ key: v }` → `{ to: v }`; a shorthand `{ key }` → `{ to: key }`. */
export function renameKey(edits: EditList, property: TSESTree.Property, to: string): void {
  if (property.shorthand) edits.insertBefore(property, `${to}: `);
  else edits.replace(property.key, property.computed ? `[${JSON.stringify(to)}]` : to);
}

/**
 * Removes properties of one object literal with the commas that belong to them (`{ a, b }` → `{ a }`;
 * all of them → `{}`). Adjacent ones go as one range: removing each with its own
 * comma would overlap (`{ a, b, c }` without `b` and `c` → `{ a }`).
 */
export function removeProperties(edits: EditList, text: string, properties: readonly TSESTree.ObjectLiteralElement[]): void {
  const object = properties[0]?.parent as TSESTree.ObjectExpression | undefined;
  if (!object) return;
  const list = object.properties;
  const indices = new Set(properties.map((property) => list.indexOf(property)));
  for (let index = 0; index < list.length; index += 1) {
    if (!indices.has(index) || indices.has(index - 1)) continue;
    let last = index;
    while (indices.has(last + 1)) last += 1;
    const next = list[last + 1];
    const previous = list[index - 1];
    if (next) {
      edits.remove([list[index]!.range[0], next.range[0]]);
    } else if (previous) {
      // A trailing comma stays trailing: `{ a, b, }` → `{ a, }`.
      const comma = skipTrivia(text, list[last]!.range[1]);
      const trailing = text[comma] === "," && comma < object.range[1] - 1;
      edits.remove([previous.range[1], trailing ? comma : list[last]!.range[1]]);
    } else {
      edits.remove([object.range[0] + 1, object.range[1] - 1]);
    }
  }
}

/**
 * Applies the data's decision to each key of a 1.x options literal of call `of`: `rename` keys get
 * this SDK's name, `marker`/`removed` keys are dropped (they would not type-check) and returned so the
 * caller's marker names them. Keys the data does not know, and `rewrite` keys, are left to the caller
 * (one that the caller deletes is passed in `alsoRemove`, so that adjacent deletions do not overlap).
 */
export function migrateOptionKeys(
  edits: EditList,
  text: string,
  object: TSESTree.ObjectExpression,
  of: string,
  alsoRemove: readonly TSESTree.ObjectLiteralElement[] = [],
): string[] {
  const dropped: string[] = [];
  const removed: TSESTree.ObjectLiteralElement[] = [...alsoRemove];
  const keys = keyedProperties(object).map(({ key }) => key);
  for (const { property, key } of keyedProperties(object)) {
    const migration = option1xAmong(of, key, keys)?.migration;
    if (!migration || alsoRemove.includes(property)) continue;
    if (migration.decision === "rename" && migration.to !== undefined && migration.to !== key) renameKey(edits, property, migration.to);
    if (migration.decision === "marker" || migration.decision === "removed") {
      removed.push(property);
      dropped.push(`${key} (${migration.why.replace(/\.$/, "")})`);
    }
  }
  removeProperties(edits, text, removed);
  return dropped;
}

/** The marker text for keys `migrateOptionKeys` dropped. */
export function droppedKeysMessage(of: string, dropped: readonly string[]): string {
  return `removed 1.x ${of} option${dropped.length > 1 ? "s" : ""} ${dropped.join("; ")}`;
}

/** The first argument when it is an object literal. */
export function objectArgument(call: TSESTree.CallExpression | TSESTree.NewExpression, index = 0): TSESTree.ObjectExpression | undefined {
  const argument = call.arguments[index];
  return argument?.type === AST_NODE_TYPES.ObjectExpression ? argument : undefined;
}

/**
 * Where a member's name is written and what to put before a new name there: `tracer.flush` → the
 * `flush` with no prefix; `tracer["flush"]` / `tracer?.["flush"]` → the whole `["flush"]`, to become a
 * dotted `.forceFlush` (`?.` already written stays). Writing a bare name into the brackets would read a
 * variable of that name (`tracer[forceFlush]`), and a name with a dot (`provider.getTracer`) does not fit
 * in a string literal.
 */
export function memberNameSpan(text: string, member: TSESTree.MemberExpression): { range: TSESTree.Range; prefix: string } {
  if (!member.computed) return { range: member.property.range, prefix: "" };
  const open = text.lastIndexOf("[", member.property.range[0]);
  const close = text.indexOf("]", member.property.range[1]);
  return { range: [open, close + 1], prefix: /\?\.\s*$/.test(text.slice(0, open)) ? "" : "." };
}

/** `tracer.flush` → `tracer.<to>`, also from `tracer["flush"]` (see memberNameSpan). */
export function renameMember(edits: EditList, text: string, member: TSESTree.MemberExpression, to: string): void {
  const { range, prefix } = memberNameSpan(text, member);
  edits.replace(range, `${prefix}${to}`);
}

/**
 * A receiver the model cannot resolve but whose text names a tracer (`tracer`, `this.hhTracer`,
 * `c.get("tracer")`, `tracers.get(k)`, `app.honeyhive`: TRACER_RECEIVER_WORDS_1X): enough evidence for a review marker on a 1.x method called on
 * it, never for a rewrite. One test for every 1.x transform, so the same receiver is marked alike.
 */
export function receiverNamedLikeTracer(text: string, member: TSESTree.MemberExpression): boolean {
  return TRACER_RECEIVER_WORDS.test(text.slice(member.object.range[0], member.object.range[1]));
}

const TRACER_RECEIVER_WORDS = new RegExp(TRACER_RECEIVER_WORDS_1X.join("|"), "i");

/** A receiver whose text names the SDK itself (`request.server.honeyhive`, SDK_RECEIVER_WORDS_1X): see receiverNamedLikeTracer. */
export function receiverNamesSdk(text: string, member: TSESTree.MemberExpression): boolean {
  return SDK_RECEIVER_WORDS.test(text.slice(member.object.range[0], member.object.range[1]));
}

const SDK_RECEIVER_WORDS = new RegExp(SDK_RECEIVER_WORDS_1X.join("|"), "i");

/** `honeyhive@<range>` with an optional subpath (`honeyhive@1.0.42/experiments`), after `npm:` or a CDN's origin. */
const VERSIONED_SDK = /^honeyhive@([^/]*)(\/.*)?$/;

/**
 * Deno's `npm:honeyhive@<range>` or a CDN's `https://esm.sh/honeyhive@<range>` (analysis/knowledge/npm-cdns.ts):
 * what comes before the package, its range, and what comes after the range (subpath, the CDN's query).
 */
export function versionedSdkSpecifier(specifier: string): { readonly head: string; readonly range: string; readonly tail: string } | undefined {
  const url = specifier.startsWith("https:") ? splitCdnUrl(specifier) : undefined;
  const head = url ? url.head : /^npm:\/?/.exec(specifier)?.[0];
  if (head === undefined) return undefined;
  const match = VERSIONED_SDK.exec(url ? url.path : specifier.slice(head.length));
  return match ? { head, range: match[1]!, tail: `${match[2] ?? ""}${url?.tail ?? ""}` } : undefined;
}

/**
 * A Deno specifier of the package at another major (`npm:honeyhive@1.0.42`, `npm:honeyhive@^1/experiments`,
 * `https://esm.sh/honeyhive@1.0.42`) → this version's range, as `--update-package` writes package.json's
 * (`npm:honeyhive@^2.0.0`, `https://esm.sh/honeyhive@^2.0.0`: esm.sh takes a semver range too): the
 * migrated code is this package's and does not compile against 1.x. A range of this major, one without a
 * version (`npm:honeyhive`, `@latest`) and any other specifier stay as written.
 */
export function thisMajorSpecifier(specifier: string): string {
  const written = versionedSdkSpecifier(specifier);
  const major = written ? /\d+/.exec(written.range)?.[0] : undefined;
  if (!written || major === undefined || major === PACKAGE_VERSION.split(".")[0]) return specifier;
  return `${written.head}honeyhive@^${PACKAGE_VERSION}${written.tail}`;
}

/**
 * This package's subpath entry points as files of its published ES build: package.json "exports" →
 * `import` → `default` (a test holds the two equal), for a CDN that addresses files.
 */
export const PUBLISHED_ENTRY_FILES: Readonly<Record<string, string>> = { experiments: "dist/esm/sdk/experiments/index.js" };

/**
 * `module` as the file writes the package (`npm:honeyhive@^2.0.0/experiments` in Deno), at this major. On a
 * CDN that does not read "exports" (unpkg, jsDelivr, esm.run: analysis/knowledge/npm-cdns.ts) the subpath
 * is written as the file it maps to (`https://cdn.jsdelivr.net/npm/honeyhive@^2.0.0/dist/esm/sdk/experiments/index.js/+esm`):
 * the package has no `experiments` file at its root.
 */
export function sdkSpecifierFor(input: AnalysisInput, module: string): string {
  const specifier = thisMajorSpecifier(getAnalysisContext(input).specifierFor(module));
  const url = specifier.startsWith("https:") ? splitCdnUrl(specifier) : undefined;
  const subpath = url && !url.cdn.readsExports ? /^honeyhive@[^/]*\/(.+)$/.exec(url.path)?.[1] : undefined;
  const file = subpath === undefined ? undefined : PUBLISHED_ENTRY_FILES[subpath];
  return file === undefined ? specifier : `${url!.head}${url!.path.slice(0, -subpath!.length)}${file}${url!.tail}`;
}

/**
 * A transform's review markers, one per line as the engine writes them, naming every marked call of the
 * line: `await a.flush(); await HoneyHiveTracer.flush();` gets one marker that says which call each
 * message is about (addMarker alone writes one marker line per message).
 */
export class LineMarkers {
  private readonly lines = new Map<number, { node: TSESTree.Node; marks: { node: TSESTree.Node; message: string }[] }>();

  constructor(private readonly text: string) {}

  add(node: TSESTree.Node, message: string): void {
    const line = lineStart(this.text, node.range[0]);
    const found = this.lines.get(line) ?? { node, marks: [] };
    if (!found.marks.some((mark) => mark.node === node && mark.message === message)) found.marks.push({ node, message });
    this.lines.set(line, found);
  }

  write(edits: EditList): void {
    for (const { node, marks } of this.lines.values()) {
      if (marks.length === 1) {
        addMarker(edits, this.text, node, marks[0]!.message);
        continue;
      }
      const byMessage = new Map<string, string[]>();
      for (const mark of marks) {
        const calls = byMessage.get(mark.message) ?? [];
        if (!calls.includes(this.callText(mark.node))) calls.push(this.callText(mark.node));
        byMessage.set(mark.message, calls);
      }
      addMarker(edits, this.text, node, [...byMessage].map(([message, calls]) => `${calls.join(" and ")}: ${message}`).join("; "));
    }
  }

  /** `a.flush()`, `HoneyHiveTracer.flush()`: the callee's text with empty parentheses (arguments left out). */
  private callText(node: TSESTree.Node): string {
    const callee = node.type === AST_NODE_TYPES.CallExpression ? node.callee : node;
    return `${this.text.slice(callee.range[0], callee.range[1])}${node.type === AST_NODE_TYPES.CallExpression ? "()" : ""}`;
  }
}

/**
 * Whether a receiver is provably not HoneyHive's: a `const` of the file that holds, through `await`,
 * an import of a package that is neither the SDK nor a settings module (`oi` of
 * `@arizeai/openinference-core`), an instance of one (`new MongoClient()`), what a call of one returns
 * (`await Tracer.init()` of `@acme/tracing`; not a call taking a function, which may wrap an init:
 * `memoize(() => HoneyHiveTracer.init())`), or an instance of a class of the file that extends none (`new T()`). Nothing
 * is followed through a member or call of a value (`cache.get(k)` of an LRU cache may hold tracers).
 * A marker about a 1.x method on such a receiver would send the user to another library's call
 * (hunt-lookalike review, defect 3).
 */
export function receiverOfAnotherLibrary(input: AnalysisInput, member: TSESTree.MemberExpression): boolean {
  const { bindings } = getAnalysisContext(input);
  const foreign = (origin: ReturnType<typeof bindings.originOf>) =>
    origin !== undefined &&
    !origin.typeOnly &&
    !isSdkModule(origin.module, input.settings) &&
    (isLocalModule(origin.module, input.settings) ? projectModuleOutsideSdk(input, origin) : anotherLibrarysModule(packageSpecifier(origin.module), input.filename) || projectModuleOutsideSdk(input, origin));
  let node = unwrapExpression(member.object);
  for (let hops = 0; node !== undefined && hops < 8; hops += 1) {
    if (node.type === AST_NODE_TYPES.NewExpression) node = unwrapExpression(node.callee);
    if (node?.type === AST_NODE_TYPES.CallExpression) {
      const wraps = node.arguments.some((argument) => argument.type === AST_NODE_TYPES.ArrowFunctionExpression || argument.type === AST_NODE_TYPES.FunctionExpression);
      return !wraps && foreign(bindings.originOf(node.callee));
    }
    if (node?.type === AST_NODE_TYPES.MemberExpression) return foreign(bindings.originOf(node));
    if (node?.type !== AST_NODE_TYPES.Identifier) return false;
    const origin = bindings.originOf(node);
    if (origin) return foreign(origin);
    const def = bindings.variableOf(node)?.defs[0];
    // A class of the file, unless it extends another (maybe the SDK's tracer).
    if (def?.type === "ClassName") return (def.node as TSESTree.ClassDeclaration | TSESTree.ClassExpression).superClass === null;
    // A `const` (never reassigned): what it is initialized with.
    const declarator = def?.type === "Variable" && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.parent?.kind === "const" ? def.node : undefined;
    node = declarator?.id.type === AST_NODE_TYPES.Identifier ? unwrapExpression(declarator.init) : undefined;
  }
  return false;
}

/**
 * An export of the project's own module (`./my-tracer`, `@/honeyhive` through tsconfig `paths`) that
 * provably is not HoneyHive's: the module was read, its export facts name no tracer or getter of one, and
 * it loads neither the SDK, a settings module, nor another project module (analysis/project-modules.ts
 * `exportedTracerShape`: "foreign"), and each package it loads is provably another library's
 * (`anotherLibrarysModule`), as a class `Tracer` with `init()`/`traceFunction()`/`flush()` of its
 * own (look-alike round D3). A module that cannot be read, or that loads another project module (which
 * may hand on a tracer), is not this: its calls keep their markers.
 */
function projectModuleOutsideSdk(input: AnalysisInput, origin: ModuleOrigin): boolean {
  const name = exportPath(origin)[0];
  if (name === undefined || exportedTracerShape(input, { specifier: origin.module, name }) !== "foreign") return false;
  // Each package it loads provably another library's (a workspace package or an alias may wrap the SDK).
  return everySpecifierOf(input, { specifier: origin.module, name }, (specifier, path) => anotherLibrarysModule(packageSpecifier(specifier), path));
}

/**
 * Whether a bare specifier provably names another library (review-migrate finding 1): a package known not
 * to be HoneyHive's (analysis/knowledge/sdks), or one installed in a node_modules above the file (its real
 * path stays under node_modules, so not a workspace package's link) that does not depend on `honeyhive`, or,
 * not installed (a fresh clone), one an npm lockfile above the file records, not as a link, without `honeyhive`
 * among its dependencies.
 * A workspace package (`@acme/obs`), a tsconfig alias (`@lib/tracing`) or a `baseUrl` import (`lib/tracing`)
 * is none of these: it may wrap the SDK, and its 1.x calls keep their markers.
 */
function anotherLibrarysModule(specifier: string, filename: string): boolean {
  if (isKnownNonHoneyhiveModule(specifier)) return true;
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
  if (name === "" || name.startsWith(".") || /^[a-z]+:/.test(name)) return false;
  for (let directory = dirname(resolve(filename)); ; directory = dirname(directory)) {
    const key = `${directory}\0${name}`;
    let answer = INSTALLED_PACKAGES.get(key);
    if (answer === undefined) {
      answer = installedPackage(join(directory, "node_modules", name));
      INSTALLED_PACKAGES.set(key, answer);
    }
    if (answer !== "absent") return answer === "foreign";
    // Not installed (a fresh clone): the npm lockfile beside the package.json that asks for it records its dependencies.
    const locked = lockedPackage(directory, name);
    if (locked !== "absent") return locked === "foreign";
    if (dirname(directory) === directory) return false;
  }
}

/** package-lock.json (lockfile v2/v3) → its `packages` map, per directory (undefined: none or unreadable). */
const LOCKFILES = new Map<string, Readonly<Record<string, LockedPackage>> | undefined>();

interface LockedPackage {
  readonly link?: boolean;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
}

/**
 * What the npm lockfile of `directory` (package-lock.json or npm-shrinkwrap.json, lockfile v2 or v3) says of the
 * top-level package `name`: a link (a workspace package: "ours"), one whose own dependencies name `honeyhive`
 * ("ours"), any other ("foreign"); "absent" when the lockfile does not list it or there is none.
 */
function lockedPackage(directory: string, name: string): "absent" | "foreign" | "ours" {
  let packages = LOCKFILES.get(directory);
  if (!LOCKFILES.has(directory)) {
    packages = readLockfile(join(directory, "npm-shrinkwrap.json")) ?? readLockfile(join(directory, "package-lock.json"));
    LOCKFILES.set(directory, packages);
  }
  const entry = packages?.[`node_modules/${name}`];
  if (entry === undefined) return "absent";
  if (entry.link) return "ours";
  const declares = (deps: Readonly<Record<string, string>> | undefined) => deps !== undefined && Object.hasOwn(deps, "honeyhive");
  return declares(entry.dependencies) || declares(entry.peerDependencies) || declares(entry.optionalDependencies) ? "ours" : "foreign";
}

function readLockfile(path: string): Readonly<Record<string, LockedPackage>> | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as { packages?: unknown };
    return typeof parsed.packages === "object" && parsed.packages !== null ? (parsed.packages as Record<string, LockedPackage>) : undefined;
  } catch {
    return undefined;
  }
}

const INSTALLED_PACKAGES = new Map<string, "absent" | "foreign" | "ours">();

function installedPackage(packageDirectory: string): "absent" | "foreign" | "ours" {
  // The project's one package.json reader (mtime-checked, past a BOM); an unreadable one proves nothing.
  const manifest = projectModules().manifestOf(packageDirectory);
  if (manifest === undefined) return "absent";
  if (manifest === EMPTY_MANIFEST) return "ours";
  try {
    // A workspace package is linked into node_modules: its real path is the project's own folder.
    if (!realpathSync(packageDirectory).split(/[\\/]/).includes("node_modules")) return "ours";
  } catch {
    return "ours";
  }
  return manifest.dependencies.has("honeyhive") ? "ours" : "foreign";
}
