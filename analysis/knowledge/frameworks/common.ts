// Vocabulary shared by several descriptors (HTTP verbs, the file extensions of route modules).
import type { TSESTree } from "@typescript-eslint/types";
import { isFunctionNode, staticName } from "../../ast.js";
import type { Registration, RequestInputs, ResponseCallEnd } from "../types.js";

export const HTTP_VERBS = ["get", "post", "put", "patch", "delete", "head", "options", "all"] as const;

/** The verbs that register a route for one request method (`all` matches every method, and often every path: `all("*", fn)`). */
export const ONE_METHOD_VERBS = HTTP_VERBS.filter((verb) => verb !== "all");

/** The exported request-method handlers of web-standard route modules (Next.js, SvelteKit, Astro, Vercel). */
export const UPPERCASE_VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

/** A script module's extension, for path conventions: `.js`, `.ts`, `.mjs`, `.tsx`, … */
export const SCRIPT_EXTENSION = String.raw`\.(?:[cm]?[jt]sx?)$`;

/** The same registration for every method name: `{ get: r, post: r, … }`. */
export function methods(names: readonly string[], registration: Registration = {}): Record<string, Registration> {
  return Object.fromEntries(names.map((name) => [name, registration]));
}

/**
 * A request object as Node's `IncomingMessage`, Express, Koa, Fastify, restify and the web-standard
 * `Request` (with the `event`/`{ request, url, params, cookies }` objects of SvelteKit, Remix, Astro
 * and h3) shape it: where the client's headers, query, body, route params and cookies are read.
 */
export const REQUEST_OBJECT = {
  holds: "request",
  parts: ["headers", "query", "body", "params", "cookies", "searchParams", "url", "rawHeaders", "pathParameters", "queryStringParameters"],
  getters: ["get", "header", "query", "param", "queries", "cookie", "json", "text", "formData"],
  holders: ["req", "request"],
  routeParameters: ["params", "param()"],
} as const satisfies RequestInputs;

/** A serverless event or request whose every member is what the caller sent (an AWS Lambda event, a Netlify v1 event). */
export const INVOCATION_INPUT = { holds: "input" } as const satisfies RequestInputs;

/**
 * A GraphQL resolver `(parent, args, context, info)`: `args` is what the client's operation passed
 * (its variables or literals), checked by the schema's types only (`ID`/`String` say nothing about UUIDs);
 * `parent` is what another resolver returned and `context` is built by the server.
 * https://www.apollographql.com/docs/apollo-server/data/resolvers#resolver-arguments
 */
export const GRAPHQL_RESOLVER_ARGS = { holds: "input", parameter: 1 } as const satisfies RequestInputs;

/**
 * An HTTP invocation answered through Express's response object, the second parameter (Google Cloud
 * Functions, Firebase `onRequest`, an Express app on AWS Lambda through serverless-http): the methods
 * that send, and those that return `res` for chaining before one.
 */
export const EXPRESS_RESPONSE = {
  kind: "responseCall",
  parameterIndex: 1,
  methods: ["send", "json", "jsonp", "end", "sendStatus", "redirect", "sendFile", "download", "render"],
  chainable: ["status", "set", "header", "type", "cookie", "clearCookie", "location", "vary", "append", "attachment", "links", "contentType"],
} as const satisfies ResponseCallEnd;

/**
 * The value of a top-level `module.exports = <value>` (or TypeScript's `export = <value>`) statement,
 * when `module` is the global (a file that declares its own `module` is not assigning CommonJS's exports).
 */
export function moduleExportsValue(statement: TSESTree.ProgramStatement, scope: GlobalScope): TSESTree.Expression | undefined {
  const exported = commonJsExport(statement, scope);
  return exported?.name === "default" ? exported.value : undefined;
}

interface GlobalScope {
  isGlobal(identifier: TSESTree.Identifier): boolean;
}

/**
 * A top-level CommonJS export statement: `module.exports = v` (`default`), `module.exports.x = v` and
 * `exports.x = v` (`x`), when `module` / `exports` is the global; TypeScript's `export = v`, which
 * compiles to `module.exports = v` (`default`).
 */
export function commonJsExport(statement: TSESTree.ProgramStatement, scope: GlobalScope): { readonly name: string; readonly value: TSESTree.Expression } | undefined {
  if (statement.type === "TSExportAssignment") return { name: "default", value: statement.expression };
  if (statement.type !== "ExpressionStatement" || statement.expression.type !== "AssignmentExpression" || statement.expression.operator !== "=") return undefined;
  const { left, right } = statement.expression;
  if (left.type !== "MemberExpression") return undefined;
  const name = staticName(left.property, left.computed);
  if (name === undefined) return undefined;
  const isModule = (node: TSESTree.Node): boolean => node.type === "Identifier" && node.name === "module" && scope.isGlobal(node);
  if (name === "exports" && isModule(left.object)) return { name: "default", value: right };
  const target = left.object;
  const isExports =
    (target.type === "Identifier" && target.name === "exports" && scope.isGlobal(target)) ||
    (target.type === "MemberExpression" && isModule(target.object) && staticName(target.property, target.computed) === "exports");
  return isExports ? { name, value: right } : undefined;
}

export interface ClassMethod {
  readonly member: TSESTree.MethodDefinition;
  readonly key: TSESTree.Node;
  readonly name: string;
  readonly fn: TSESTree.FunctionExpression;
}

/**
 * The instance methods of a class (not static, not getters, setters or the constructor) with a static
 * name, those named one of `names` when given: the per-request methods of a `WorkerEntrypoint`, a
 * NestJS controller, a Powertools handler class.
 */
export function instanceMethods(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression, names?: readonly string[]): ClassMethod[] {
  return classMethods(node, { names });
}

/** As `instanceMethods`, for getters (`kind: "get"`) or static members too: `get current()`, `static async tracer()`. */
export function classMethods(
  node: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  select: { readonly names?: readonly string[] | undefined; readonly kind?: "method" | "get"; readonly static?: boolean },
): ClassMethod[] {
  const { names, kind = "method", static: isStatic = false } = select;
  const found: ClassMethod[] = [];
  for (const member of node.body.body) {
    if (member.type !== "MethodDefinition" || member.kind !== kind || member.static !== isStatic) continue;
    const name = staticName(member.key, member.computed);
    if (name !== undefined && (names === undefined || names.includes(name)) && isFunctionNode(member.value)) found.push({ member, key: member.key, name, fn: member.value });
  }
  return found;
}
