// Library calls that run a function of the app once per record of the invocation's batch, inside the
// call: the handler awaits (or returns) the call, so the record handler's tracing is the handler's
// (the flush rule follows it) and its record parameter is an element of the invocation's event (the
// session-id rule reads it as input). Read by analysis/record-handlers.ts.
import type { ValueSpecifier } from "./types.js";

export interface RecordHandlerCall {
  /** The function called: `processPartialResponse` of `@aws-lambda-powertools/batch`. */
  readonly call: ValueSpecifier;
  /** The position of the record handler among the call's arguments. */
  readonly handlerArgument: number;
  /** The position of the record among the record handler's parameters. */
  readonly recordParameter: number;
  readonly verifiedAt: string;
}

export const RECORD_HANDLER_CALLS: readonly RecordHandlerCall[] = [
  {
    call: { package: "@aws-lambda-powertools/batch", name: ["processPartialResponse", "processPartialResponseSync"] },
    handlerArgument: 1,
    recordParameter: 0,
    verifiedAt:
      "@aws-lambda-powertools/batch 2.31.0 lib/cjs/processPartialResponse.d.ts and processPartialResponseSync.d.ts (unpkg): `(event, recordHandler, processor, options?)`, 'accepts a batch of records, a record handler function, a batch processor'; its example `const recordHandler = async (record: SQSRecord) => { JSON.parse(record.body) }` with `export const handler: SQSHandler = async (event, context) => processPartialResponse(event, recordHandler, processor, { context })` (checked 2026-12-06)",
  },
];
