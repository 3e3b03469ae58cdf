// What keeps a child process's event loop alive, as JavaScript source for the programs the tests run:
// `heldResources()` is process.getActiveResourcesInfo() without the process's own stdio (its pipes or
// TTYs and their writes) and without short requests that finish on their own within milliseconds: the
// teardown of sockets already destroyed (a connect cancelled by the destroy, a close in progress) and
// file reads (the module loader finishing a lazy import() the SDK started). What is left is what could
// hold the process open for long: a timer, an immediate, a socket, a DNS lookup. Printed right after an
// awaited shutdown() it is `[]`: the process exits at once, deterministically, where the wall time from
// the shutdown to the exit, seen by the test's process, measured the machine's load.
import { expect } from "vitest";

export const HELD_RESOURCES_SOURCE = `const heldResources = () => process.getActiveResourcesInfo().filter(
  (type) => !["PipeWrap", "TTYWrap", "WriteWrap", "ShutdownWrap", "ConnectWrap", "CloseReq", "FSReqPromise", "FSReqCallback"].includes(type),
);
`;

/**
 * The check: what a child process printed of `heldResources()` (its JSON) is empty. The failure names
 * what is still held, so a test that fails says which timer or socket the SDK left.
 */
export function expectNothingHeld(printed: string | undefined, label = "after shutdown"): void {
  if (printed === undefined) throw new Error(`${label}: the process printed no heldResources()`);
  const held = JSON.parse(printed) as string[];
  expect(held, `${label}: the process is still held open by ${held.join(", ")}`).toEqual([]);
}
