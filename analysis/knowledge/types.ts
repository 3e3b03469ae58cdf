// The shapes of the knowledge the analysis core reads: descriptors of the world (frameworks, serverless
// platforms, SDKs), one module each, read by one engine. A new platform is a new descriptor, not a branch.

/** How a platform lets work go on after the response has been sent, if it has such a hook. */
export type BackgroundWork =
  /** An imported function: `waitUntil(promise)` from `@vercel/functions`, `after(fn)` from `next/server`. */
  | { readonly kind: "import"; readonly module: string; readonly name: string; readonly takes: "promise" | "callback" }
  /** A method of one of the handler's parameters: Cloudflare's `ctx.waitUntil(promise)`. */
  | { readonly kind: "parameter-method"; readonly parameterIndex: number; readonly method: string; readonly takes: "promise" };

/** A serverless runtime that stops or freezes the work once the handler has returned (or responded). */
export interface PlatformDescriptor {
  /** Stable id, used in settings and fixtures: `aws-lambda`, `gcp-functions`, `vercel`, … */
  readonly id: string;
  /** For messages and docs: "AWS Lambda". */
  readonly name: string;
  /** The runtime freezes or ends the instance after the response: unflushed spans are lost. */
  readonly freezesAfterReturn: boolean;
  /** The form a fix should write when the runtime offers one (else an awaited flush in try/finally). */
  readonly backgroundWork?: BackgroundWork;
}
