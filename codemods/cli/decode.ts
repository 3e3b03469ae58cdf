// Decoding a file for the transforms without losing a byte. The transforms work on text; a file
// that is not valid UTF-8 decodes with U+FFFD in place of its bad bytes, and writing that text back
// would replace bytes the transforms never touched (Latin-1 `é`, 0xe9, would become ef bf bd).
// Such a file is decoded for the text tests but never written: the caller reports it.
import { isUtf8 } from "node:buffer";
import type { FileError } from "./report.js";

export interface DecodedSource {
  /** The text, with a byte order mark kept as U+FEFF so that writing it back keeps it. */
  readonly text: string;
  /** Where the first byte that is not UTF-8 is, when there is one. */
  readonly invalid?: FileError;
}

const REPLACEMENT = 0xfffd;

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Whether `bytes` at `offset` hold U+FFFD itself (ef bf bd), which a valid file may contain. */
function holdsReplacementCharacter(bytes: Uint8Array, offset: number): boolean {
  return bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
}

/**
 * Finds the first byte that is not UTF-8: the decoder put U+FFFD there without the file holding
 * U+FFFD. Every code point before it was decoded from exactly its UTF-8 length in bytes.
 */
function firstInvalidByte(bytes: Uint8Array, text: string): FileError {
  let offset = 0;
  let line = 1;
  let column = 1;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint === REPLACEMENT && !holdsReplacementCharacter(bytes, offset)) break;
    offset += utf8Length(codePoint);
    if (character === "\n") {
      line++;
      column = 1;
    } else {
      column += character.length;
    }
  }
  const byte = (bytes[offset] ?? 0).toString(16).padStart(2, "0");
  return {
    message: `not valid UTF-8 (byte 0x${byte}); left untouched so that no byte of it is lost: convert it to UTF-8 to migrate it`,
    line,
    column,
  };
}

export function decodeSource(bytes: Buffer): DecodedSource {
  const text = bytes.toString("utf8");
  // The walk that finds the bad byte only runs for the rare file that is not UTF-8.
  return isUtf8(bytes) ? { text } : { text, invalid: firstInvalidByte(bytes, text) };
}
