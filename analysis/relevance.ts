// Which of the rules can report anything in a file: one decision per file, shared by all eight rules
// (each rule's create() returns no listeners at once for a file this says is not its business). Most
// linted code does not use the SDK (bench/NOTES.md, perf-lint-corpus: no file of the real corpus does),
// and for such a file only two kinds of finding remain possible, read here from cheap facts first:
//
// - a call, inside a function, of a helper imported from a project module whose facts say it starts a
//   session or inits a tracer (no-session-start-in-handler, no-tracer-init-in-handler): possible only
//   where an imported binding is called inside a function, read off the imports' references (the scope
//   manager's, no walk of the tree) before the handler entry gate (analysis/entry-gate.ts) is asked;
// - an OpenTelemetry pipeline exporting to HoneyHive (no-tracer-init-in-handler, require-force-flush-in-
//   lambda): possible only where the text names what those rules' text tests look for.
//
// Every other rule reads the SDK model and reports nothing where `usesSdk` is false. Each answer here is
// a necessary condition of what the rule asks next (the rule still asks it), so a rule reports exactly
// what it reported without this; only the order of the questions changes, cheapest first.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { enclosingFunction } from "./ast.js";
import { AttachedCache } from "./attached-cache.js";
import type { AnalysisInput } from "./input.js";
import { PROJECT_SPECIFIER_START } from "./flush-calls.js";
import { opentelemetryProfile, OTEL_USE_MEMBERS } from "./knowledge/sdks/opentelemetry.js";
import { getSdkModel } from "./sdk-model.js";
import { includesText, indexOfText, lineStartsWith } from "./text-search.js";
import { topLevelImportsOf } from "./top-level-imports.js";

export interface FileRelevance {
  /** The file uses the SDK (`getSdkModel(input).usesSdk`): every rule may report. */
  readonly sdk: boolean;
  /**
   * An imported binding called inside a function (`openSession(req)` in a handler), or a variable of a
   * nested scope named like a value import and called so (no-session-start-in-handler takes a call of
   * that name for the import's): where an imported helper's finding may start. Read only without the SDK.
   */
  readonly importedCall: boolean;
}

const USES_SDK: FileRelevance = Object.freeze({ sdk: true, importedCall: true });
const IMPORTED_CALL: FileRelevance = Object.freeze({ sdk: false, importedCall: true });
const NOTHING: FileRelevance = Object.freeze({ sdk: false, importedCall: false });

const relevances = new AttachedCache<TSESTree.Program, FileRelevance>("honeyhive.relevance");

/** What may be reported in the file (see `FileRelevance`); once per file, whichever rule asks first. */
export function relevanceOf(input: AnalysisInput): FileRelevance {
  let relevance = relevances.get(input.ast);
  if (relevance === undefined) {
    relevance = getSdkModel(input).usesSdk ? USES_SDK : callsImportedBinding(input) ? IMPORTED_CALL : NOTHING;
    relevances.set(input.ast, relevance);
  }
  return relevance;
}

/**
 * `FileRelevance.importedCall`. The helper findings start from a call whose callee is an identifier,
 * inside a function (analysis/ast.ts `enclosingFunction`), that resolves to an import binding or a
 * top-level `require` binding, or is named like a value import (session-start's
 * `candidateCalls`, which a call of a nested declaration of that name also satisfies). A file that
 * declares a TypeScript namespace with code (not `declare`) is let through: an `import x = N.y` inside it
 * binds an import off the top level.
 */
function callsImportedBinding(input: AnalysisInput): boolean {
  const { ast, scopeManager } = input;
  const { bindings, namespaceWithCode } = topLevelImportsOf(ast);
  // An ambient one (`declare namespace`, `declare module`, `declare global`) holds no function body.
  if (namespaceWithCode) return true;
  let names: Set<string> | undefined;
  for (const binding of bindings) {
    const { node } = binding;
    // CommonJS: `const { openSession } = require("./session")` binds a helper as an import does.
    if (binding.kind === "declarator") {
      for (const variable of scopeManager.getDeclaredVariables(node)) {
        if (calledInFunction(variable)) return true;
        (names ??= new Set()).add(variable.name);
      }
      continue;
    }
    for (const variable of scopeManager.getDeclaredVariables(node)) {
      if (calledInFunction(variable)) return true;
    }
    if (binding.kind === "import" && binding.node.importKind !== "type") {
      for (const specifier of binding.node.specifiers) if (specifier.type !== AST_NODE_TYPES.ImportNamespaceSpecifier) (names ??= new Set()).add(specifier.local.name);
    }
  }
  return names !== undefined && calledInNestedScope(scopeManager, names);
}

/** A reference of `variable` that is the callee of a call inside a function. */
function calledInFunction(variable: Scope.Variable): boolean {
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    const parent = identifier.parent;
    // By the parents, as the rules read it: a parameter's decorator lies in its function, not in its scope.
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier && enclosingFunction(parent) !== undefined) return true;
  }
  return false;
}

/** Whether a variable of a scope below the module's, named as one of `names` (it shadows an import), is called inside a function. */
function calledInNestedScope(scopeManager: Scope.ScopeManager, names: ReadonlySet<string>): boolean {
  for (const scope of scopeManager.scopes) {
    if (scope.type === "global" || scope.type === "module") continue;
    const { variables } = scope;
    if (variables.length <= names.size) {
      for (const variable of variables) if (names.has(variable.name) && calledInFunction(variable)) return true;
    } else {
      for (const name of names) {
        const variable = scope.set.get(name);
        if (variable !== undefined && calledInFunction(variable)) return true;
      }
    }
  }
  return false;
}

/**
 * For require-force-flush-in-lambda in a file that does not use the SDK: whether its text may pass the
 * rule's OpenTelemetry tests (`mayExportOtelToHoneyhive`, `mayImportOtelPipeline`, analysis/flush-calls.ts),
 * a superset of what they find, read with searches that skip most of the text and from the same data: a
 * pipeline package (the OpenTelemetry profile's `modules`: `mayNameOtelPackage`), a member called on a
 * pipeline's objects (OTEL_USE_MEMBERS: `getTracer`, `startSpan`, `startActiveSpan`, `forceFlush`), a
 * tracer imported among other names (`{ tracer } from`), or a line that imports or requires a project
 * module for its effect (`import "./tracing"`: PROJECT_SPECIFIER_START). analysis/relevance.test.ts holds
 * the tests' shapes to it.
 */
export function mayNameOtelPipeline(text: string): boolean {
  return (
    mayNameOtelPackage(text) ||
    OTEL_USE_MEMBERS.some((member) => includesText(text, member)) ||
    followedBy(text, "racer", TRACER_IN_IMPORTED_NAMES) ||
    lineStartsWith(text, "import", SIDE_EFFECT_IMPORT) ||
    lineStartsWith(text, "require", SIDE_EFFECT_REQUIRE)
  );
}

/** Whether `after` (sticky) matches at some occurrence of `word`. */
function followedBy(text: string, word: string, after: RegExp): boolean {
  for (let at = indexOfText(text, word, 0); at !== -1; at = indexOfText(text, word, at + word.length)) {
    after.lastIndex = at + word.length;
    if (after.test(text)) return true;
  }
  return false;
}

/** After a `tracer` / `Tracer` in a name: the braces of an import or a destructured require closing (`{ tracer } from`, `{ tracer } = require`). */
const TRACER_IN_IMPORTED_NAMES = /[^{}]*\}\s*(?:from\b|=\s*require\b)/y;

/** After `import` / `require` at the start of a line: a project module's specifier (`./`, `../`, `@/`, `~/`, `#`). */
const SIDE_EFFECT_IMPORT = new RegExp(String.raw`\s*["']${PROJECT_SPECIFIER_START}`, "y");
const SIDE_EFFECT_REQUIRE = new RegExp(String.raw`\s*\(\s*["']${PROJECT_SPECIFIER_START}`, "y");

/**
 * For no-tracer-init-in-handler in a file that does not use the SDK: an OpenTelemetry pipeline it creates is
 * read only where the text names a package pipelines are made with (`@opentelemetry/`, and the components'
 * packages outside that scope such as `@vercel/otel`: the OpenTelemetry profile's `modules`).
 */
export function mayNameOtelPackage(text: string): boolean {
  return opentelemetryProfile.modules.some((module) => includesText(text, module));
}
