import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { APP_CONTEXT_SLOTS } from "./app-lifetime.js";
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

  it("registers every platform descriptor of platforms/ (a hook may choose one no descriptor names, as aws-lambda.ts does Twilio Functions)", async () => {
    const folder = new URL("./platforms/", import.meta.url);
    const files = readdirSync(folder).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));
    expect(files.length).toBeGreaterThan(9);
    for (const file of files) {
      const exported = Object.values((await import(new URL(file, folder).href)) as Record<string, unknown>);
      const platforms = exported.filter((value): value is { readonly id: string; readonly freezesAfterReturn: unknown } => typeof value === "object" && value !== null && "freezesAfterReturn" in value && "id" in value);
      // By id: a module may also export a variant of its platform (aws-lambda.ts's streaming one) under the same id.
      for (const platform of platforms) expect(PLATFORMS.map(({ id }) => id), `${file}: ${platform.id}`).toContain(platform.id);
    }
  });

  // sdk-model reads a slot's `optionKeys` without loading the registry (an import cycle): they must stay the descriptor's.
  it("gives each app-context slot the option keys its framework descriptor registers, method by method", () => {
    for (const slot of APP_CONTEXT_SLOTS) {
      const declared: Record<string, readonly string[]> = {};
      for (const kind of Object.values(frameworkById(slot.framework)?.objects ?? {})) {
        for (const [method, registration] of Object.entries(kind.methods ?? {})) if (registration.options) declared[method] = registration.options;
      }
      expect(slot.optionKeys ?? {}, slot.framework).toEqual(declared);
    }
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
