// Searches of a file's text for fixed words, for the gates that run on every linted file. V8's
// `String.prototype.includes` finds a short pattern by looking for its first character (memchr) and
// comparing the rest there, so its cost follows how often that character occurs: `"honeyhive"` took
// ~3.7 µs on an average file of the real corpus (bench/NOTES.md, perf-lint-corpus: 'h' is common in
// code), its rare part `"ve"` ~1.3 µs, an upper-case or `@` word ~0.6 µs. A word is therefore looked for
// by its rarest character (by how often each occurs in JavaScript and TypeScript sources), then compared
// whole at each place found: the same answer as `text.includes(word)`, without a pass over every common letter.
/** Printable ASCII from the most to the least frequent in the real corpus's sources (space and line breaks count as most frequent). */
const BY_FREQUENCY = "etrnoasiclu.pf,d()*m=h\":gy/b>\\}{vEx-;0Sw_ARk`<TO12CI@[]PM|&DF'qjNL?!3zBU45H$W+V6Z8K7#9GQYXJ%^~";
/** Longer patterns are searched another way by V8 (Boyer-Moore-Horspool, with a table made per call). */
const MAX_ANCHOR = 5;

interface Plan {
  /** The part of the word looked for: from its rarest character on. */
  readonly anchor: string;
  /** Where the anchor starts in the word. */
  readonly offset: number;
}

const plans = new Map<string, Plan>();

function planOf(word: string): Plan {
  let plan = plans.get(word);
  if (plan === undefined) {
    let offset = 0;
    let rarest = -1;
    for (let index = 0; index < word.length; index++) {
      const rank = BY_FREQUENCY.indexOf(word[index]!);
      if (rank > rarest) {
        rarest = rank;
        offset = index;
      }
    }
    plan = { anchor: word.slice(offset, offset + MAX_ANCHOR), offset };
    plans.set(word, plan);
  }
  return plan;
}

/** `text.includes(word)`, found by the word's rarest character. */
export function includesText(text: string, word: string): boolean {
  return indexOfText(text, word, 0) !== -1;
}

/** `text.indexOf(word, from)`, found by the word's rarest character. */
export function indexOfText(text: string, word: string, from: number): number {
  const { anchor, offset } = planOf(word);
  if (anchor.length === word.length) return text.indexOf(word, from);
  for (let at = text.indexOf(anchor, from + offset); at !== -1; at = text.indexOf(anchor, at + 1)) {
    if (text.startsWith(word, at - offset)) return at - offset;
  }
  return -1;
}

/** `word` occurs as a word of its own: no identifier character (`[A-Za-z0-9_$]`) right before or after it. */
export function includesWord(text: string, word: string): boolean {
  for (let at = indexOfText(text, word, 0); at !== -1; at = indexOfText(text, word, at + word.length)) {
    if (!isIdentifierCharacter(text.charCodeAt(at - 1)) && !isIdentifierCharacter(text.charCodeAt(at + word.length))) return true;
  }
  return false;
}

/** `[A-Za-z0-9_$]` (NaN, past either end of the text, is not). */
function isIdentifierCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36;
}

/**
 * Whether `word` starts a line (after blanks only, as `^\s*word` reads with the `m` flag) and `after`, a
 * sticky pattern, matches right after it: a line-anchored test without a pass of a pattern over every line.
 */
export function lineStartsWith(text: string, word: string, after: RegExp): boolean {
  for (let at = indexOfText(text, word, 0); at !== -1; at = indexOfText(text, word, at + word.length)) {
    if (!atLineStart(text, at)) continue;
    after.lastIndex = at + word.length;
    if (after.test(text)) return true;
  }
  return false;
}

/** Whether only white space (line breaks included) lies between a line's start and `at`. */
function atLineStart(text: string, at: number): boolean {
  for (let index = at - 1; index >= 0; index--) {
    const code = text.charCodeAt(index);
    // \n, \r, U+2028, U+2029: a line starts after them (`^` with the `m` flag).
    if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) return true;
    if (!isWhiteSpace(code)) return false;
  }
  return true;
}

/** What `\s` matches, besides the line breaks. */
function isWhiteSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000;
}
