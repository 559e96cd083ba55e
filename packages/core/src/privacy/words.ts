// Capitalised words in a text, found in one pass and checked in code (see personal-data.ts).

/** A stretch of text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Capitalised words that belong to organisations, services, roles, places and calendar
 * names rather than people, so "Virtual School" or "NHS Trust" is never read as a name.
 */
const NOT_NAME_WORDS = new Set(
  (
    'the a an and or of for in on at to by with from this that these those our we you they it all each every new no not ' +
    'virtual school schools college colleges academy academies university nursery council councils county borough city district town parish ' +
    'nhs trust trusts foundation hospital hospitals health healthcare care carer carers service services team teams board boards group groups ' +
    'panel panels committee committees forum forums network networks partnership partnerships partner partners hub hubs centre centres center ' +
    'unit units office offices department departments police probation youth justice court courts housing association associations ' +
    'children childrens child leavers leaver young people person family families fostering foster adoption social work worker workers ' +
    'officer officers manager managers head heads lead leads nurse nurses named designated teacher teachers director directors member members ' +
    'councillor councillors mayor chair deputy assistant senior principal mental emotional wellbeing education training employment integrated ' +
    'commissioning commissioner authority local community voluntary sector agency agencies ltd limited plc cic charity corporate parenting ' +
    'pledge promise promises action actions plan plans report reports record records form forms policy strategy review reviews meeting ' +
    'pep peps cicc ehcp send sendco senco year term quarter week day date birth dob born birthday total number ' +
    'street road lane avenue drive close way place square crescent terrace gardens grove mews park walk rise row house flat floor building estate ' +
    'north south east west upper lower great little upon saint st ' +
    'monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december ' +
    'dear please note thanks thank yes'
  ).split(' '),
);

// Capitalised words, found in one pass over the text and checked in code, so that nothing can
// backtrack: a word is a run of letters shaped like a name (Jane, McDonald, DeVito), optionally
// after a capital and an apostrophe (O'Brien), and optionally followed by a hyphen and another
// capitalised run, as often as there are (Smith-Jones).

/** How a run of letters can be used in a capitalised word. */
const Shape = {
  /** Not in a capitalised word. */
  None: 0,
  /** One capital letter: the O of O'Brien. */
  Initial: 1,
  /** A capital, up to two lower-case letters, a capital, then lower-case letters: McDonald, DeVito. */
  Inner: 2,
  /** A capital then lower-case letters: Jane, and each part of Smith-Jones. */
  Capitalised: 3,
} as const;
type Shape = (typeof Shape)[keyof typeof Shape];

const Letter = { None: 0, Upper: 1, Lower: 2, Other: 3 } as const;
type Letter = (typeof Letter)[keyof typeof Letter];
// Sticky, so they test the character at `lastIndex` in place.
const UPPER_AT = /\p{Lu}/uy;
const LOWER_AT = /\p{Ll}/uy;
const LETTER_AT = /\p{L}/uy;

export function testAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}

// What each character of the Basic Multilingual Plane is, once looked up: the kind of letter plus one, 0 for not yet known.
const LETTER_KINDS = new Uint8Array(0x10000);

function letterAt(text: string, at: number): Letter {
  const code = text.charCodeAt(at);
  if (code < 0x80) return code >= 0x61 && code <= 0x7a ? Letter.Lower : code >= 0x41 && code <= 0x5a ? Letter.Upper : Letter.None;
  if (at >= text.length) return Letter.None;
  const surrogate = code >= 0xd800 && code <= 0xdfff;
  if (!surrogate && LETTER_KINDS[code]) return (LETTER_KINDS[code]! - 1) as Letter;
  const kind = testAt(UPPER_AT, text, at) ? Letter.Upper : testAt(LOWER_AT, text, at) ? Letter.Lower : testAt(LETTER_AT, text, at) ? Letter.Other : Letter.None;
  if (!surrogate) LETTER_KINDS[code] = kind + 1;
  return kind;
}

/** 2 for a surrogate pair (a letter outside the Basic Multilingual Plane), else 1. */
export function widthAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

/**
 * The run of letters starting at `at` (a letter), ending at a non-letter or at `limit`: its end
 * and shape packed in one number, `end * 4 + shape`, since this runs for every word.
 */
function readRun(text: string, at: number, limit: number): number {
  let ok = letterAt(text, at) === Letter.Upper;
  let lowerBefore = 0;
  let capitalSeen = false;
  let lowerAfter = 0;
  let i = at + widthAt(text, at);
  for (; i < limit; i += widthAt(text, i)) {
    const letter = letterAt(text, i);
    if (letter === Letter.None) break;
    if (!ok) continue;
    if (letter === Letter.Lower) {
      if (capitalSeen) lowerAfter++;
      else lowerBefore++;
    } else if (letter === Letter.Upper && !capitalSeen && lowerBefore <= 2) capitalSeen = true;
    else ok = false;
  }
  const shape = !ok ? Shape.None : !capitalSeen ? (lowerBefore > 0 ? Shape.Capitalised : Shape.Initial) : lowerAfter > 0 ? Shape.Inner : Shape.None;
  return i * 4 + shape;
}
const runEnd = (run: number) => Math.floor(run / 4);
const runShape = (run: number) => run % 4;

export const isApostrophe = (c: string | undefined) => c === "'" || c === '\u2019';

/** True when `at` starts the rest of a word: after its hyphen or its O'. */
export const startsWithin = (text: string, at: number) => text[at - 1] === '-' || isApostrophe(text[at - 1]);

// A word never ends in "'s" (the apostrophe only comes after an initial), so there is nothing to strip.
export const isNameWord = (word: string) => !NOT_NAME_WORDS.has(word.toLowerCase());

/** A word as seen through a window of the text (see `seenWithin`). */
export interface SeenWord extends Span {
  joinsNext: boolean;
  nameLike: boolean;
}

/** The capitalised words of a text, in order of position (they never overlap), as columns. */
export interface Words {
  text: string;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** For each word: JOINS_NEXT, and once asked, KNOWN with NAME_LIKE or not. */
  flags: Uint8Array;
  /** For each word, once asked, the index of the last of the name-like words joined to it and each other; -1 before. */
  nameRunEnd: Int32Array;
}
/** Only spaces (at least one) between this word and the next. */
const JOINS_NEXT = 1;
const KNOWN = 2;
/** Not an organisation, service, role, place or calendar word. */
const NAME_LIKE = 4;

export const joinsNext = (words: Words, k: number) => (words.flags[k]! & JOINS_NEXT) !== 0;

export function nameLike(words: Words, k: number): boolean {
  if (k >= words.count) return false;
  let flags = words.flags[k]!;
  if (!(flags & KNOWN)) words.flags[k] = flags |= KNOWN | (isNameWord(words.text.slice(words.starts[k], words.ends[k])) ? NAME_LIKE : 0);
  return (flags & NAME_LIKE) !== 0;
}

/** The index of the last word in the run of joined name-like words that starts at word `k` (itself name-like). */
export function nameRunEnd(words: Words, k: number): number {
  let j = k;
  while (words.nameRunEnd[j]! < 0 && joinsNext(words, j) && nameLike(words, j + 1)) j++;
  const end = words.nameRunEnd[j]! >= 0 ? words.nameRunEnd[j]! : j;
  // Remembered for every word passed, so runs are walked once however many birth words point into them.
  words.nameRunEnd.fill(end, k, j + 1);
  return end;
}

/**
 * The capitalised words of `text`. Runs of letters are also cut at `cuts` (in order), where a birth word
 * starts or a postcode starts or ends ("ZoëDOB" is Zoë then DOB), since those patterns only
 * know ASCII letters and the name is read up to them.
 */
export function capitalisedWords(text: string, cuts: Int32Array): Words {
  let c = 0;
  const limitAfter = (at: number) => {
    while (c > 0 && cuts[c - 1]! > at) c--;
    while (c < cuts.length && cuts[c]! <= at) c++;
    return c < cuts.length ? cuts[c]! : text.length;
  };
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let count = 0;
  for (let i = 0; i < text.length; ) {
    if (letterAt(text, i) === Letter.None) {
      i += widthAt(text, i);
      continue;
    }
    const run = readRun(text, i, limitAfter(i));
    let end = -1;
    if (runShape(run) === Shape.Initial && isApostrophe(text[runEnd(run)]) && letterAt(text, runEnd(run) + 1) !== Letter.None) {
      const core = readRun(text, runEnd(run) + 1, limitAfter(runEnd(run) + 1));
      if (runShape(core) >= Shape.Inner) end = runEnd(core);
    } else if (runShape(run) >= Shape.Inner) end = runEnd(run);
    if (end < 0) {
      i = runEnd(run);
      continue;
    }
    while (text[end] === '-' && letterAt(text, end + 1) !== Letter.None) {
      const part = readRun(text, end + 1, limitAfter(end + 1));
      if (runShape(part) !== Shape.Capitalised) break;
      end = runEnd(part);
    }
    if (count === starts.length) {
      starts = grown(starts);
      ends = grown(ends);
    }
    starts[count] = i;
    ends[count++] = end;
    i = end;
  }
  const flags = new Uint8Array(count);
  for (let k = 0; k + 1 < count; k++) if (onlySpaces(text, ends[k]!, starts[k + 1]!)) flags[k] = JOINS_NEXT;
  return { text, count, starts, ends, flags, nameRunEnd: new Int32Array(count).fill(-1) };
}

/** Twice the room, the same contents. */
export function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

function onlySpaces(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 0x20) return false;
  return true;
}

/** Index of the first word that ends after `at` (binary search). */
export function firstEndingAfter(words: Words, at: number): number {
  let lo = 0;
  let hi = words.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words.ends[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Word `k` as if the text were cut at `from` and `to`: a word cut at its hyphen keeps the part
 * inside ("Smith" of "Smith-Dob"), as does O'Brien cut after its apostrophe; a word cut inside
 * its letters, or with nothing inside, is undefined.
 */
export function seenWithin(text: string, words: Words, k: number, from: number, to: number): SeenWord | undefined {
  let start = words.starts[k]!;
  let end = words.ends[k]!;
  if (start < from) {
    if (startsWithin(text, from + 1) && from + 1 < end) start = from + 1;
    else if (startsWithin(text, from)) start = from;
    else return undefined;
  }
  if (end > to) {
    if (text[to] === '-') end = to;
    else if (text[to - 1] === '-') end = to - 1;
    else return undefined;
  }
  if (end <= start || end <= from || start >= to) return undefined;
  const whole = start === words.starts[k] && end === words.ends[k];
  return { start, end, nameLike: whole ? nameLike(words, k) : isNameWord(text.slice(start, end)), joinsNext: joinsNext(words, k) && end === words.ends[k] };
}

/** The words inside `from`..`to` (see `seenWithin`). */
export function wordsWithin(text: string, words: Words, from: number, to: number): SeenWord[] {
  const within: SeenWord[] = [];
  for (let k = firstEndingAfter(words, from); k < words.count && words.starts[k]! < to; k++) {
    const seen = seenWithin(text, words, k, from, to);
    if (seen) within.push(seen);
  }
  return within;
}

/** The words split into runs: words with only spaces between them. */
export function runsOf(words: readonly SeenWord[]): SeenWord[][] {
  const runs: SeenWord[][] = [];
  let run: SeenWord[] = [];
  for (const word of words) {
    run.push(word);
    if (!word.joinsNext) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Two or more name-like words in a row (not organisation, place or calendar words) in a run of
 * capitalised words: the stretch nearest the run's end (`lastName`) or start (`firstName`),
 * since the name that matters is the one next to the birth word or postcode.
 */
function nameStretches(run: readonly SeenWord[]): Span[] {
  const stretches: Span[] = [];
  let from = -1;
  for (let i = 0; i <= run.length; i++) {
    if (i < run.length && run[i]!.nameLike) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      if (i - from >= 2) stretches.push({ start: run[from]!.start, end: run[i - 1]!.end });
      from = -1;
    }
  }
  return stretches;
}

export const lastName = (run: readonly SeenWord[]) => nameStretches(run).at(-1);
export const firstName = (run: readonly SeenWord[]) => nameStretches(run)[0];
