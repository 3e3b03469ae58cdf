import { describe, expect, it } from "vitest";
import { FRAMEWORKS, PLATFORMS, activeDescriptorsFor, frameworkById, indexedDescriptorsFor, knowledgeIndex } from "./index.js";

describe("the knowledge registry", () => {
  it("gives each descriptor a unique id, and every platform a descriptor uses is registered", () => {
    expect(new Set(FRAMEWORKS.map((descriptor) => descriptor.id)).size).toBe(FRAMEWORKS.length);
    expect(new Set(PLATFORMS.map((platform) => platform.id)).size).toBe(PLATFORMS.length);
    const used = FRAMEWORKS.flatMap((descriptor) => [
      ...(descriptor.platform && typeof descriptor.platform !== "function" ? [descriptor.platform] : []),
      ...(descriptor.files ?? []).flatMap((file) => (file.platform && typeof file.platform !== "function" ? [file.platform] : [])),
    ]);
    for (const platform of used) expect(PLATFORMS).toContain(platform);
    expect(PLATFORMS.every((platform) => platform.freezesAfterReturn)).toBe(true);
  });

  it("names only object kinds of the same descriptor in returns and properties", () => {
    for (const descriptor of FRAMEWORKS) {
      for (const kind of Object.values(descriptor.objects ?? {})) {
        for (const target of [...Object.values(kind.returns ?? {}), ...Object.values(kind.properties ?? {})]) {
          expect(descriptor.objects, `${descriptor.id} → ${target}`).toHaveProperty(target);
        }
      }
    }
  });

  it("reads, for a file, only the descriptors of the modules it imports (prefixes included), in registry order", () => {
    expect(indexedDescriptorsFor(new Set())).toEqual([]);
    expect(indexedDescriptorsFor(new Set(["lodash", "honeyhive"]))).toEqual([]);
    expect(indexedDescriptorsFor(new Set(["express"])).map((descriptor) => descriptor.id)).toEqual(["express"]);
    expect(indexedDescriptorsFor(new Set(["mercurius", "fastify", "@nestjs/common"])).map((descriptor) => descriptor.id)).toEqual([
      "fastify",
      "nestjs",
      "mercurius",
    ]);
    expect(indexedDescriptorsFor(new Set(["@fastify/type-provider-typebox"])).map((descriptor) => descriptor.id)).toEqual(["fastify"]);
    // By pattern: a project module named like tRPC's builder module.
    expect(indexedDescriptorsFor(new Set(["~/server/api/trpc"])).map((descriptor) => descriptor.id)).toEqual(["trpc"]);
    expect(indexedDescriptorsFor(new Set(["../trpc/init"])).map((descriptor) => descriptor.id)).toEqual(["trpc"]);
    expect(indexedDescriptorsFor(new Set(["./rpc", "trpc-tools", "./trpc-helpers"]))).toEqual([]);
  });

  it("flattens the descriptors of a set of modules once, and shares it between files importing the same frameworks", () => {
    const express = activeDescriptorsFor(new Set(["express", "honeyhive"]));
    expect(express).toBe(activeDescriptorsFor(new Set(["express"])));
    expect(express.descriptors.map((descriptor) => descriptor.id)).toEqual(["express"]);
    expect(express.memberNames).toContain("get");
    expect(activeDescriptorsFor(new Set(["lodash"])).kinds).toEqual([]);
    const trpc = activeDescriptorsFor(new Set(["@trpc/server"]));
    expect(trpc.valueKinds.map((ref) => ref.id)).toEqual(["init", "t", "procedure"]);
  });

  it("is built once per process", () => {
    expect(knowledgeIndex()).toBe(knowledgeIndex());
    expect(frameworkById("hapi")?.name).toBe("hapi");
    expect(frameworkById("unknown")).toBeUndefined();
  });
});
