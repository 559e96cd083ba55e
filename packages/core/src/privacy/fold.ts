// Folding text before the personal-data patterns read it (see personal-data.ts).
import { grown, testAt, widthAt } from './words.js';

// Folding: the text as the patterns read it. Each character is taken to its compatibility form
// (NFKC: fullwidth digits and letters become ASCII, a no-break space a space), then other
// decimal digits become ASCII digits, invisible characters (zero-width space and joiners, soft
// hyphen, byte order mark) are dropped, spaces become ' ', dashes and minus signs '-', and
// line breaks '\n'. Every folded character remembers where it came from in the original.

const IGNORABLE = /^[\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
const LINE_BREAK = /^[\n\v\f\r\u0085\u2028\u2029]$/;
const SPACE = /^[\t\p{Zs}]$/u;
const DASH = /^[\p{Pd}\u2212]$/u;
const DIGIT = /^\p{Nd}$/u;
const MARK_AT = /\p{M}/uy;
/** Anything but printable ASCII and the line feed, the only characters folding changes. */
const NEEDS_FOLDING = /[^\x20-\x7e\n]/;
const PLAIN = /[\x20-\x7e\n]+/y;

export interface Folded {
  text: string;
  /** The original offset of the first character that became `text[i]`. */
  startOf(i: number): number;
  /** The original offset just after the last character that became `text[i]`. */
  endOf(i: number): number;
}

export function fold(original: string): Folded {
  if (!NEEDS_FOLDING.test(original)) return { text: original, startOf: (i) => i, endOf: (i) => i + 1 };
  let text = '';
  // Where each piece of the folded text came from, in threes: its folded start, its original
  // start, and its original end, or -1 for a piece that maps one to one.
  let pieces = new Int32Array(3 * 64);
  let count = 0;
  const piece = (from: number, to: number, folded: string) => {
    if (folded.length === 0) return;
    const last = 3 * (count - 1);
    const oneToOne = folded.length === to - from;
    // Extends the last piece when both map one to one and this starts where that ends.
    if (!(oneToOne && count > 0 && pieces[last + 2] === -1 && pieces[last + 1]! + text.length - pieces[last]! === from)) {
      if (3 * count === pieces.length) pieces = grown(pieces);
      pieces[3 * count] = text.length;
      pieces[3 * count + 1] = from;
      pieces[3 * count + 2] = oneToOne ? -1 : to;
      count++;
    }
    text += folded;
  };
  // The start of the text not yet copied, all of which folds to itself.
  let same = 0;
  const folds = (from: number, to: number, folded: string) => {
    if (from > same) piece(same, from, original.slice(same, from));
    piece(from, to, folded);
    same = to;
  };
  for (let i = 0; i < original.length; ) {
    const code = original.charCodeAt(i);
    if ((code >= 0x20 && code < 0x7f) || code === 0x0a) {
      // Printable ASCII folds to itself, all but a letter with a combining mark after it.
      PLAIN.lastIndex = i;
      PLAIN.test(original);
      const to = isMarkAt(original, PLAIN.lastIndex) ? PLAIN.lastIndex - 1 : PLAIN.lastIndex;
      if (to > i) {
        i = to;
        continue;
      }
    }
    if (code === 0x0d) {
      const to = original.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
      folds(i, to, '\n');
      i = to;
    } else if ((code < 0xd800 || code > 0xdbff) && !isMarkAt(original, i + 1)) {
      // One UTF-16 unit on its own.
      const folded = foldChunk(original[i]!);
      if (folded !== original[i]) folds(i, i + 1, folded);
      i++;
    } else {
      // A character with the combining marks after it, folded together so that "e" and U+0301
      // make "é"; or a character outside the Basic Multilingual Plane.
      let j = i + widthAt(original, i);
      while (j < original.length && isMarkAt(original, j)) j += widthAt(original, j);
      const chunk = original.slice(i, j);
      const folded = foldChunk(chunk);
      if (folded !== chunk) folds(i, j, folded);
      i = j;
    }
  }
  if (original.length > same) piece(same, original.length, original.slice(same));
  // The piece holding folded offset `at` (binary search over the pieces' folded starts).
  const pieceOf = (at: number) => {
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pieces[mid * 3]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo * 3;
  };
  return {
    text,
    startOf: (at) => {
      const p = pieceOf(at);
      return pieces[p + 2] === -1 ? pieces[p + 1]! + at - pieces[p]! : pieces[p + 1]!;
    },
    endOf: (at) => {
      const p = pieceOf(at);
      return pieces[p + 2] === -1 ? pieces[p + 1]! + at - pieces[p]! + 1 : pieces[p + 2]!;
    },
  };
}

// Whether each character of the Basic Multilingual Plane is a combining mark, once looked up: 1 yes, 2 no, 0 not yet known.
const MARKS = new Uint8Array(0x10000);

function isMarkAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (!(code >= 0x300)) return false;
  if (code >= 0xd800 && code <= 0xdfff) return testAt(MARK_AT, text, at);
  if (!MARKS[code]) MARKS[code] = testAt(MARK_AT, text, at) ? 1 : 2;
  return MARKS[code] === 1;
}

// What each character (with its combining marks) folds to, once worked out; bounded, however
// many different characters a text brings.
const FOLDED = new Map<string, string>();

function foldChunk(chunk: string): string {
  let folded = FOLDED.get(chunk);
  if (folded === undefined) {
    folded = '';
    for (const c of chunk.normalize('NFKC')) folded += foldCharacter(c);
    if (FOLDED.size >= 10_000) FOLDED.clear();
    FOLDED.set(chunk, folded);
  }
  return folded;
}

function foldCharacter(c: string): string {
  if (c === '\r' || LINE_BREAK.test(c)) return '\n';
  if (c.length === 1 && c >= ' ' && c < '\x7f') return c;
  if (SPACE.test(c)) return ' ';
  if (DASH.test(c)) return '-';
  if (IGNORABLE.test(c)) return '';
  if (DIGIT.test(c)) return String(digitValue(c.codePointAt(0)!));
  return c;
}

/**
 * The value of a Unicode decimal digit. Unicode keeps each script's digits 0 to 9 together and
 * in order, so the value is how far the digit sits into its run of digits, modulo 10.
 */
function digitValue(codePoint: number): number {
  let zero = codePoint;
  while (DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return (codePoint - zero) % 10;
}
