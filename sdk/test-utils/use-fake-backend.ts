// The fake backend's lifecycle in a test file: started once, emptied of faults and recorded requests
// after each test, closed at the end; and a URL where connections are refused.
import { afterAll, afterEach, beforeAll } from "vitest";
import { FakeHoneyHiveBackend } from "./fake-backend.js";

/** Registers the hooks; call the returned function inside a test to get the running backend. */
export function useFakeBackend(): () => FakeHoneyHiveBackend {
  let backend: FakeHoneyHiveBackend | undefined;
  beforeAll(async () => {
    backend = await FakeHoneyHiveBackend.start();
  });
  afterEach(() => {
    backend?.heal();
    if (backend) backend.requests.length = 0;
  });
  afterAll(async () => {
    await backend?.close();
  });
  return () => {
    if (!backend) throw new Error("useFakeBackend(): the backend is only available inside tests");
    return backend;
  };
}

/** A URL on 127.0.0.1 where nothing listens (connections are refused), found once per test file. */
export function useRefusingUrl(): () => string {
  let url: string | undefined;
  beforeAll(async () => {
    url = await FakeHoneyHiveBackend.refusingUrl();
  });
  return () => {
    if (url === undefined) throw new Error("useRefusingUrl(): the URL is only available inside tests");
    return url;
  };
}
