import { describe, expect, it } from "vitest";
import { decodeSource } from "./decode.js";

describe("decodeSource", () => {
  it("decodes valid UTF-8 (BOM, U+FFFD and astral characters included) without an error", () => {
    const text = "\uFEFFconst a = \"\uFFFD 😀 é\";\r\n";
    expect(decodeSource(Buffer.from(text, "utf8"))).toEqual({ text });
  });

  it("points at the first byte that is not UTF-8, after multi-byte characters and a real U+FFFD", () => {
    const bytes = Buffer.concat([Buffer.from("// ok\n\"😀\uFFFDé ", "utf8"), Buffer.from([0xc3, 0x28]), Buffer.from(" ", "utf8"), Buffer.from([0xe9])]);
    const { invalid } = decodeSource(bytes);
    // Line 2: `"`, 😀 (two UTF-16 units), U+FFFD, é, space, then the lone lead byte 0xc3.
    expect(invalid).toMatchObject({ line: 2, column: 7 });
    expect(invalid?.message).toMatch(/^not valid UTF-8 \(byte 0xc3\)/);
  });
});
