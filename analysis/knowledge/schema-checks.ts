import type { ValueSpecifier } from "./types.js";

/**
 * Schema libraries whose validation of a whole object checks a session id inside it
 * (require-valid-session-id): `Body.parse(req.body)` where `Body` is a schema the file writes with a
 * UUID rule on the key read (`z.object({ sessionId: z.string().uuid() })`). A schema's `uuid` rule is
 * named in its text: `mentions`.
 *
 * `throwing` methods throw (or reject) on invalid input, so a call before the value's use guards it;
 * `answering` methods return the verdict (`{ success }`, `{ error }`, a boolean), which guards the use
 * only where the result decides (an `if` test). Valibot's are functions of the package given the schema
 * first (`v.parse(Schema, value)`); the others are methods of the schema (Joi's `Joi.attempt(value, schema)`
 * and `Joi.assert` take the schema second).
 *
 * Checked with the search tool's docs corpus (gaps-rules-9): zod `parse`/`parseAsync` throw a ZodError,
 * `safeParse`/`safeParseAsync` return `{ success, data } | { success: false, error }` (mintlify.com/colinhacks/zod
 * "concepts/parsing"; zod/v4/classic/parse.d.cts as shipped in chromium's devtools-frontend node_modules); Joi's
 * `schema.validate()` returns `{ error, value }` without throwing and `Joi.assert`/`Joi.attempt(value, schema)`
 * throw (npmjs.com/package/joi-error-msg; sideway/joi v15.0.3 API.md, the `@hapi/joi` era, which also lists the
 * static `Joi.validate(value, schema)` answering like the method), `string().guid({ version })` (a Joi question
 * on volcengine.com); valibot's `uuid()` validation action (deno.land/x/valibot). Not found in the corpus, kept
 * as known from the READMEs: yup `validate` (rejects) / `validateSync` (throws) / `isValid`/`isValidSync`
 * (answer) and `string().uuid()`; Joi `validateAsync` (rejects; a csdn post uses it in try/catch) and the
 * `uuid()` alias of `guid()`; valibot `parse`/`parseAsync`/`assert` (throw), `safeParse`/`is` (answer).
 * `@hapi/joi` is Joi's package name before v16 (same API).
 */
export interface SchemaLibrary {
  /** The packages the schema's builder is imported from (`z` of "zod"). */
  readonly packages: readonly string[];
  /** Where the schema is in a call of the package's own function (`v.parse(schema, value)`: 0); methods of the schema when absent. */
  readonly schemaArgument?: number;
  readonly throwing: readonly string[];
  readonly answering: readonly string[];
}

export const SCHEMA_LIBRARIES: readonly SchemaLibrary[] = [
  { packages: ["zod", "zod/v4", "zod/v3", "zod/mini"], throwing: ["parse", "parseAsync"], answering: ["safeParse", "safeParseAsync"] },
  { packages: ["yup"], throwing: ["validate", "validateSync"], answering: ["isValid", "isValidSync"] },
  { packages: ["joi", "@hapi/joi"], throwing: ["validateAsync"], answering: ["validate"] },
  // `Joi.validate(value, schema)`: the static of Joi before v16 (`@hapi/joi`), answering like the method.
  { packages: ["joi", "@hapi/joi"], schemaArgument: 1, throwing: ["attempt", "assert"], answering: ["validate"] },
  { packages: ["valibot"], schemaArgument: 0, throwing: ["parse", "parseAsync", "assert"], answering: ["safeParse", "safeParseAsync", "is"] },
];

/** A schema's text that checks a UUID: `.uuid()`, `z.uuid()`, Joi's `.guid()`. */
export const SCHEMA_UUID_MENTION = /\buuid\s*\(|\.guid\s*\(/i;

/**
 * A validating call given the session id checks it only where its failure changes the flow
 * (analysis/session-id-flow.ts `decides`, `throwsOnInvalid`): it throws, or its result is tested by a branch
 * that ends the flow. Validators of packages that return a verdict and never throw, by binding: the `uuid`
 * package's `validate(id)` (`typeof uuid === "string" && REGEX.test(uuid)`, uuid/dist/validate.js as shipped in
 * chromium's devtools-frontend node_modules, found with the search tool), validator.js's `isUUID`; so a statement
 * `validate(id);` checks nothing. A function named `assert…` (Node's `assert`, chai's `assert.uuid`, `assertUuid` of assertion libraries) throws by
 * that convention (`THROWING_VALIDATOR_NAME`).
 */
export const ANSWERING_VALIDATORS: readonly ValueSpecifier[] = [
  { package: "uuid", name: ["validate", "version"] },
  { package: ["validator", "validator/lib/isUUID"], name: ["isUUID", "default"] },
];

/** A validator named so throws on failure (see `ANSWERING_VALIDATORS`). */
export const THROWING_VALIDATOR_NAME = /^assert/i;

/**
 * Calls that never return, which end the branch they are in like a `throw`: Koa's `ctx.throw(400)` (and
 * express-validator's `result.throw()`, `http-errors`' style `res.throw`), Node's `assert.fail()`, `process.exit()`.
 * `methods` by the member called, `globals` by the path written.
 */
export const FLOW_ENDING_CALLS: { readonly methods: readonly string[]; readonly globals: readonly string[] } = {
  methods: ["throw"],
  globals: ["process.exit", "assert.fail"],
};

/**
 * A verdict's key that holds the failure when set (`const { error } = schema.validate(body)`, valibot's
 * `result.issues`, a list of failures: zod's `ZodError.errors` (an alias of `issues`), ajv's `validate.errors`, the
 * array class-validator's `validate()` resolves to, usually held as `errors`): an `if` testing it takes its first
 * branch when the check fails. Only the first such key of a chain turns it (`result.error?.issues` is one failure).
 * A variable's name is no key: express-validator's docs hold its Result object as `const errors = validationResult(req)`.
 */
export const VERDICT_FAILURE_KEYS: readonly string[] = ["error", "issues", "errors"];

/**
 * A list's count compared with zero or one: which comparisons hold when the list has items (`errors.length > 0`,
 * `!== 0`, `>= 1`) and which when it is empty (`=== 0`, `< 1`), as `operator` with the number on its right.
 */
export const COUNT_MEMBER = "length";
export const NONEMPTY_COMPARISONS: Readonly<Record<string, number>> = { ">": 0, "!==": 0, "!=": 0, ">=": 1 };
export const EMPTY_COMPARISONS: Readonly<Record<string, number>> = { "===": 0, "==": 0, "<": 1, "<=": 0 };
