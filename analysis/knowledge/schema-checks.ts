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
 * From the libraries' documented APIs (written from their READMEs as known; the search corpus held none of
 * these pages this round, so re-check before widening the table): zod `parse`/`parseAsync` throw,
 * `safeParse`/`safeParseAsync` return `{ success }`, `z.string().uuid()` / `z.uuid()`; yup `validate`
 * (rejects) and `validateSync` (throws), `isValid`/`isValidSync` answer, `string().uuid()`; Joi `validate`
 * answers `{ error, value }`, `validateAsync` rejects, `Joi.attempt`/`Joi.assert` throw, `string().guid()`
 * (alias `uuid()`); valibot `parse`/`parseAsync`/`assert` throw, `safeParse` answers, `is` answers, `uuid()`.
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
  { packages: ["joi"], throwing: ["validateAsync"], answering: ["validate"] },
  { packages: ["joi"], schemaArgument: 1, throwing: ["attempt", "assert"], answering: [] },
  { packages: ["valibot"], schemaArgument: 0, throwing: ["parse", "parseAsync", "assert"], answering: ["safeParse", "safeParseAsync", "is"] },
];

/** A schema's text that checks a UUID: `.uuid()`, `z.uuid()`, Joi's `.guid()`. */
export const SCHEMA_UUID_MENTION = /\buuid\s*\(|\.guid\s*\(/i;
