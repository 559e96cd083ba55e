/**
 * Spotting free text that looks like a child's personal data. A strategy tracker records
 * what services did, never details of a named child, so anything found here is reported
 * for a person to remove. It is a safety net: it finds the common shapes (NHS numbers,
 * dates of birth, names beside a date of birth or a postcode), not every possible one.
 */

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
interface Span {
  start: number;
  end: number;
}
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

function testAt(pattern: RegExp, text: string, at: number): boolean {
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
function widthAt(text: string, at: number): number {
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

const isApostrophe = (c: string | undefined) => c === "'" || c === '\u2019';

/** True when `at` starts the rest of a word: after its hyphen or its O'. */
const startsWithin = (text: string, at: number) => text[at - 1] === '-' || isApostrophe(text[at - 1]);

// A word never ends in "'s" (the apostrophe only comes after an initial), so there is nothing to strip.
const isNameWord = (word: string) => !NOT_NAME_WORDS.has(word.toLowerCase());

/** A word as seen through a window of the text (see `seenWithin`). */
interface SeenWord extends Span {
  joinsNext: boolean;
  nameLike: boolean;
}

/** The capitalised words of a text, in order of position (they never overlap), as columns. */
interface Words {
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

const joinsNext = (words: Words, k: number) => (words.flags[k]! & JOINS_NEXT) !== 0;

function nameLike(words: Words, k: number): boolean {
  if (k >= words.count) return false;
  let flags = words.flags[k]!;
  if (!(flags & KNOWN)) words.flags[k] = flags |= KNOWN | (isNameWord(words.text.slice(words.starts[k], words.ends[k])) ? NAME_LIKE : 0);
  return (flags & NAME_LIKE) !== 0;
}

/** The index of the last word in the run of joined name-like words that starts at word `k` (itself name-like). */
function nameRunEnd(words: Words, k: number): number {
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
function capitalisedWords(text: string, cuts: Int32Array): Words {
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
function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
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
function firstEndingAfter(words: Words, at: number): number {
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
function seenWithin(text: string, words: Words, k: number, from: number, to: number): SeenWord | undefined {
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
function wordsWithin(text: string, words: Words, from: number, to: number): SeenWord[] {
  const within: SeenWord[] = [];
  for (let k = firstEndingAfter(words, from); k < words.count && words.starts[k]! < to; k++) {
    const seen = seenWithin(text, words, k, from, to);
    if (seen) within.push(seen);
  }
  return within;
}

/** The words split into runs: words with only spaces between them. */
function runsOf(words: readonly SeenWord[]): SeenWord[][] {
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

const lastName = (run: readonly SeenWord[]) => nameStretches(run).at(-1);
const firstName = (run: readonly SeenWord[]) => nameStretches(run)[0];

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

interface Folded {
  text: string;
  /** The original offset of the first character that became `text[i]`. */
  startOf(i: number): number;
  /** The original offset just after the last character that became `text[i]`. */
  endOf(i: number): number;
}

function fold(original: string): Folded {
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
