/**
 * Spotting free text that looks like a child's personal data. A strategy tracker records
 * what services did, never details of a named child, so anything found here is reported
 * for a person to remove. It is a safety net: it finds the common shapes (NHS numbers,
 * dates of birth, names beside a date of birth or a postcode), not every possible one.
 */

import { fold } from './fold.js';
import {
  capitalisedWords, firstEndingAfter, firstName, isApostrophe, isNameWord, joinsNext, lastName, nameLike, nameRunEnd, runsOf, seenWithin,
  startsWithin, wordsWithin, type SeenWord, type Span, type Words,
} from './words.js';

/** What a finding looks like. */
export type PersonalDataKind = 'nhs-number' | 'date-of-birth' | 'name-with-date-of-birth' | 'name-with-postcode';

/** A stretch of text that looks like personal data: `text.slice(start, end)` is the part to remove. */
export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** Plain English: what it looks like and what to do. Never repeats the data itself. */
  message: string;
  /** Offset of the first character (UTF-16 code units, as `String.prototype.slice` counts). */
  start: number;
  /** Offset just after the last character. */
  end: number;
}

const MESSAGES: Record<PersonalDataKind, string> = {
  'nhs-number':
    `This looks like an NHS number. A child's NHS number must never be kept in the tracker: please delete it and describe the service instead.`,
  'date-of-birth':
    `This looks like a date of birth. Please delete it: the tracker records what services did, not details of a particular child.`,
  'name-with-date-of-birth':
    `This looks like a person's name next to a date of birth. Please delete both; if you need to refer to children, say how many or which group (for example "care leavers aged 18 to 21").`,
  'name-with-postcode':
    `This looks like a person's name with a postcode, which could show where they live. Please delete it; name the area or the service instead.`,
};

/**
 * True when `digits` is exactly ten digits (no spaces) whose last digit is the NHS
 * mod-11 check digit of the first nine: weights 10 down to 2, check = 11 - (sum mod 11),
 * where 11 means 0 and 10 means the number can never be issued.
 */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

// Ten digits alone, or 3-3-4 with the same separator (space or hyphen) twice; `separatorsAgree`
// also lets a line break stand for either ("943 476" at the end of a line, "5919" on the next).
const NHS_NUMBER = /(?<!\d)(\d{3})([ \n-]?)(\d{3})([ \n-]?)(\d{4})(?!\d)/g;

const MONTH = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const ORDINAL = '(?:st|nd|rd|th)?';
// Non-capturing so it can be embedded in other patterns; `dateIsPlausible` checks the parts.
const DATE_SOURCE =
  '(?<!\\d)(?<!\\d[/.-])(?:' +
  '\\d{4}-\\d{1,2}-\\d{1,2}' +
  '|\\d{1,2}([/.-])\\d{1,2}\\1(?:\\d{4}|\\d{2})' +
  `|\\d{1,2}${ORDINAL}\\s+(?:of\\s+)?(?:${MONTH})\\.?,?\\s+\\d{4}` +
  `|(?:${MONTH})\\.?\\s+\\d{1,2}${ORDINAL},?\\s+\\d{4}` +
  ')(?!\\d)(?![/.-]\\d)';
const DATE = new RegExp(DATE_SOURCE, 'gi');

/**
 * Words that say the date next to them is a date of birth. "born" alone counts only when a
 * date follows it ("born 03/03/2012"), so that "born and raised" is not one.
 */
const BIRTH_WORDS = /\b(?:d\.o\.b\b\.?|dob\b|date\s+of\s+birth\b|birth\s?date\b|born\s+(?:on|in)\b|birthday\b|born\b)/gi;
const BEFORE_DATE = /[ \t:,]*/y;
const DATE_AT = new RegExp(DATE_SOURCE, 'iy');

/** How far (in characters) a date may sit from a birth word and still be read as its date. */
const MAX_GAP = 20;

/** How far back (in characters) from a birth word a name may start. */
const NAME_REACH = 80;

/** How far (in characters) either side of a postcode a name may be. */
const ADDRESS_REACH = 60;

/** How many words may sit between a name and a postcode ("Jane Smith, Flat 3, 14 Oak Road, Leeds LS6 2AB"). */
const MAX_WORDS_TO_POSTCODE = 8;

// Read in steps after a birth word: separators, "of"/"for", an optional date, then the name.
const LEAD_IN = /[\s:,(\-\u2013]*(?:(?:of|for)\s+)?/y;
const DATE_HERE = new RegExp(`(?:${DATE_SOURCE})[\\s,;:)\\-\u2013]*(?:(?:of|for)\\s+)?`, 'iy');
const LEAD_IN_STEPS = [LEAD_IN, DATE_HERE];

// Outward code (A9, A99, AA9, AA99, A9A, AA9A) then inward code (9AA, without C I K M O V).
const POSTCODE =
  /(?<![A-Za-z0-9])(?:GIR ?0AA|(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRV-Y]) ?[0-9][ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])/gi;


/**
 * Looks for NHS numbers, dates of birth, and names beside a date of birth or a postcode; in
 * order of position. The text is read folded (see `fold`), so fullwidth or Arabic-Indic digits,
 * no-break or thin spaces, dashes and invisible characters hide nothing; offsets are the
 * original text's.
 */
export function findPersonalData(original: string): PersonalDataFinding[] {
  const folded = fold(original);
  const text = folded.text;
  const found: PersonalDataFinding[] = [];
  const add = (kind: PersonalDataKind, start: number, end: number) => {
    found.push({ kind, message: MESSAGES[kind], start: folded.startOf(start), end: folded.endOf(end - 1) });
  };

  findNhsNumbers(text, add);
  const birthWords = findBirthWords(text);
  const postcodes = Array.from(text.matchAll(POSTCODE), (m) => ({ start: m.index, end: m.index + m[0].length }));
  // The capitalised words are found once, and only when something might sit next to a name.
  let words: Words | undefined;
  const wordsOf = () => (words ??= capitalisedWords(text, Int32Array.from([...birthWords.map((w) => w.start), ...postcodes.flatMap((p) => [p.start, p.end])]).sort()));
  if (birthWords.length > 0) {
    findDatesOfBirth(text, birthWords, add);
    findNamesBesideBirthWords(text, wordsOf, birthWords, add);
  }
  if (postcodes.length > 0) findNamesWithPostcodes(text, wordsOf(), postcodes, add);

  found.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
  // The same finding can come from two birth words ("DOB 03/03/2012 (date of birth)"): once is enough.
  return found.filter((f, i) => i === 0 || f.kind !== found[i - 1]!.kind || f.start !== found[i - 1]!.start || f.end !== found[i - 1]!.end);
}

type Add = (kind: PersonalDataKind, start: number, end: number) => void;
interface BirthWord extends Span {
  /** "born" alone: only the date right after it is its date. */
  dateAfterOnly: boolean;
}

function findNhsNumbers(text: string, add: Add): void {
  for (const m of text.matchAll(NHS_NUMBER)) {
    const [whole, a = '', sep = '', b = '', sep2 = '', c = ''] = m;
    const start = m.index;
    const end = start + whole.length;
    if (!separatorsAgree(sep, sep2)) continue;
    // "12 943 476 5919" is part of a longer run of grouped digits, not an NHS number.
    const grouping = (ch: string | undefined) => ch !== undefined && (ch === sep || ch === sep2);
    if (sep && ((grouping(text[start - 1]) && /\d/.test(text[start - 2] ?? '')) || (grouping(text[end]) && /\d/.test(text[end + 1] ?? '')))) continue;
    const digits = a + b + c;
    // 0000000000 and the like pass the check but are placeholders, never issued numbers.
    if (/^(\d)\1{9}$/.test(digits)) continue;
    if (isValidNhsNumber(digits)) add('nhs-number', start, end);
  }
}

/** The same separator twice, or none; a line break may stand for a space or hyphen, where a number was wrapped. */
const separatorsAgree = (a: string, b: string) => a === b || (a !== '' && b !== '' && (a === '\n' || b === '\n'));

function findBirthWords(text: string): BirthWord[] {
  const found: BirthWord[] = [];
  for (const m of text.matchAll(BIRTH_WORDS)) {
    const word = { start: m.index, end: m.index + m[0].length, dateAfterOnly: m[0].length === 4 && m[0].toLowerCase() === 'born' };
    if (word.dateAfterOnly) {
      BEFORE_DATE.lastIndex = word.end;
      BEFORE_DATE.exec(text);
      DATE_AT.lastIndex = BEFORE_DATE.lastIndex;
      const date = DATE_AT.exec(text);
      if (!date || !dateIsPlausible(date[0])) continue;
    }
    found.push(word);
  }
  return found;
}

function findDatesOfBirth(text: string, birthWords: readonly BirthWord[], add: Add): void {
  let first = 0;
  for (const m of text.matchAll(DATE)) {
    const date = { start: m.index, end: m.index + m[0].length };
    if (!dateIsPlausible(m[0])) continue;
    // Birth words are in order: skip those too far behind this date for any later date too.
    while (first < birthWords.length && birthWords[first]!.end < date.start - MAX_GAP) first++;
    for (let k = first; k < birthWords.length && birthWords[k]!.start <= date.end + MAX_GAP; k++) {
      const word = birthWords[k]!;
      if (closeInSameSentence(text, word.end, date.start) || (!word.dateAfterOnly && closeInSameSentence(text, date.end, word.start))) {
        add('date-of-birth', date.start, date.end);
        break;
      }
    }
  }
}

/** True when `from`..`to` is a short gap that does not cross a line or sentence end. */
function closeInSameSentence(text: string, from: number, to: number): boolean {
  if (to < from || to - from > MAX_GAP) return false;
  return !/[\n;]|[.!?](?:\s|$)/.test(text.slice(from, to));
}

function dateIsPlausible(date: string): boolean {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date);
  if (iso) return inRange(Number(iso[2]), 12) && inRange(Number(iso[3]), 31);
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d+$/.exec(date);
  if (numeric) {
    const [x, y] = [Number(numeric[1]), Number(numeric[2])];
    // Read day first, but a month-first date of birth is still a date of birth.
    return (inRange(x, 31) && inRange(y, 12)) || (inRange(x, 12) && inRange(y, 31));
  }
  const day = /(?<!\d)(\d{1,2})(?!\d)/.exec(date);
  return day !== null && inRange(Number(day[1]), 31);
}

const inRange = (n: number, max: number) => n >= 1 && n <= max;

function findNamesBesideBirthWords(text: string, wordsOf: () => Words, birthWords: readonly Span[], add: Add): void {
  for (const word of birthWords) {
    const from = Math.max(0, word.start - NAME_REACH);
    // "Jane Smith was born on", else "Jane Smith, DOB" or "Zoë McDonald's date of birth". Only a
    // name right next to the birth word: "Jane Smith Council DOB" is not about Jane Smith.
    const start = nameEndingAt(text, wordsOf, from, endBeforeVerb(text, from, word.start)) ?? nameEndingAt(text, wordsOf, from, endBeforeSeparators(text, from, word.start));
    if (start !== undefined) add('name-with-date-of-birth', start, word.end);
    const at = afterLeadIn(text, word.end);
    // A name starts with a capital: checked first, so most birth words need no words found.
    const nameEnd = mayBeCapital(text, at) ? nameEndAfter(text, wordsOf(), at) : undefined;
    if (nameEnd !== undefined) add('name-with-date-of-birth', word.start, nameEnd);
  }
}

/** False only for an ASCII character that is not a letter (the common case), without a Unicode look-up. */
function mayBeLetter(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0x80 || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** False only for an ASCII character that is not a capital letter. */
function mayBeCapital(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0x80 || (code >= 0x41 && code <= 0x5a);
}

// Folded text has no white space but these two (see `fold`).
const isSpace = (code: number) => code === 0x20 || code === 0x0a;
const isBetweenNameAndBirthWord = (code: number) => isSpace(code) || code === 0x2c || code === 0x3a || code === 0x28 || code === 0x2d;

/** Where a name followed by "was" or "is" before `to` would end; -1 when there is no such verb. Never reads before `from`. */
function endBeforeVerb(text: string, from: number, to: number): number {
  let at = to;
  while (at > from && isSpace(text.charCodeAt(at - 1))) at--;
  if (at === to) return -1;
  const verb = at - 3 >= from && text.startsWith('was', at - 3) ? 3 : at - 2 >= from && text.startsWith('is', at - 2) ? 2 : 0;
  return verb > 0 ? endBeforeSeparators(text, from, at - verb) : -1;
}

/** Where a name before `to` would end: before separators (", ", " (", ": ") and an "'s". */
function endBeforeSeparators(text: string, from: number, to: number): number {
  let at = to;
  while (at > from && isBetweenNameAndBirthWord(text.charCodeAt(at - 1))) at--;
  return at - 2 >= from && text[at - 1] === 's' && isApostrophe(text[at - 2]) ? at - 2 : at;
}

/**
 * Where the name of two or more name-like words that ends exactly at `end` starts, counting
 * only words from `from` on; undefined when there is none. A name ends in a letter: checked
 * first, so most birth words need no words found.
 */
function nameEndingAt(text: string, wordsOf: () => Words, from: number, end: number): number | undefined {
  if (end <= from || !mayBeLetter(text, end - 1)) return undefined;
  const words = wordsOf();
  let k = firstEndingAfter(words, end - 1);
  const last = k < words.count ? seenWithin(text, words, k, from, end) : undefined;
  if (!last || last.end !== end || !last.nameLike) return undefined;
  let start = last.start;
  let count = 1;
  // Back over the words joined to it; one cut by the window's start is the last that can be inside.
  for (; k > 0 && start === words.starts[k] && joinsNext(words, k - 1); k--, count++) {
    const seen = seenWithin(text, words, k - 1, from, end);
    if (!seen?.nameLike) break;
    start = seen.start;
  }
  return count >= 2 ? start : undefined;
}

/** Where a name after a birth word would start: after separators, "of" or "for", and a date. */
function afterLeadIn(text: string, from: number): number {
  let at = from;
  for (const step of LEAD_IN_STEPS) {
    step.lastIndex = at;
    if (step.test(text)) at = step.lastIndex;
  }
  return at;
}

/**
 * Where the name right after a birth word ends ("DOB: Amir Khan", "date of birth 3 March 2012
 * for Tom Ellis"), allowing a date between; undefined when no name starts at `at`.
 */
function nameEndAfter(text: string, words: Words, at: number): number | undefined {
  const i = firstEndingAfter(words, at);
  if (i >= words.count || words.starts[i]! > at) return undefined;
  // A word starts here, or the rest of one does ("DOB-Jane Smith" after its hyphen).
  const firstNameLike = words.starts[i] === at ? nameLike(words, i) : startsWithin(text, at) && isNameWord(text.slice(at, words.ends[i]));
  if (!firstNameLike || !joinsNext(words, i) || !nameLike(words, i + 1)) return undefined;
  return words.ends[nameRunEnd(words, i + 1)]!;
}

function findNamesWithPostcodes(text: string, words: Words, postcodes: readonly Span[], add: Add): void {
  for (const { start, end } of postcodes) {
    let hit: Span | undefined;
    // Runs further from the postcode come first: the first that has a name near enough decides.
    for (const run of runsOf(wordsWithin(text, words, addressStart(text, start), start))) {
      const name = lastName(run);
      if (name && wordCount(text.slice(name.end, start)) <= MAX_WORDS_TO_POSTCODE) {
        hit = { start: name.start, end };
        break;
      }
    }
    if (!hit) {
      for (const run of runsOf(wordsWithin(text, words, end, sentenceEndAfter(text, end)))) {
        const name = firstName(run);
        if (!name) continue;
        // Later runs are further away, so the first name decides.
        if (wordCount(text.slice(end, name.start)) <= MAX_WORDS_TO_POSTCODE) hit = { start, end: name.end };
        break;
      }
    }
    if (hit) add('name-with-postcode', hit.start, hit.end);
  }
}

/**
 * Where the text that may belong with a postcode starts: up to 60 characters back, after the
 * last sentence end, semicolon or blank line. A single line break does not end it: the lines
 * of an address block ("Jane Smith\n14 Oak Road\nLeeds LS6 2AB") belong together.
 */
function addressStart(text: string, postcode: number): number {
  const from = Math.max(0, postcode - ADDRESS_REACH);
  let lineBreak = -1;
  for (let i = postcode - 1; i >= from; i--) {
    const c = text[i];
    if (c === ';') return i + 1;
    if ((c === '.' || c === '!' || c === '?') && i + 1 < postcode && /\s/.test(text[i + 1]!)) return i + 2;
    if (c === '\n') {
      if (lineBreak >= 0) return lineBreak + 1;
      lineBreak = i;
    } else if (c !== ' ') lineBreak = -1;
  }
  return from;
}

/** Where the text that may belong with a postcode ends: up to 60 characters on, before the first line or sentence end. */
function sentenceEndAfter(text: string, postcode: number): number {
  const to = Math.min(text.length, postcode + ADDRESS_REACH);
  for (let i = postcode; i < to; i++) {
    const c = text[i];
    if (c === '\n' || c === ';') return i;
    if ((c === '.' || c === '!' || c === '?') && (i + 1 === to || /\s/.test(text[i + 1]!))) return i;
  }
  return to;
}

const wordCount = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
