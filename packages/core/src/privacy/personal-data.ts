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

// Ten digits alone, or 3-3-4 with the same separator (space or hyphen) twice.
const NHS_NUMBER = /(?<!\d)(\d{3})([ -]?)(\d{3})\2(\d{4})(?!\d)/g;

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

/** Words that say the date next to them is a date of birth. */
const BIRTH_WORDS = /\b(?:d\.o\.b\b\.?|dob\b|date\s+of\s+birth\b|birth\s?date\b|born\s+(?:on|in)\b|birthday\b)/gi;

/** How far (in characters) a date may sit from a birth word and still be read as its date. */
const MAX_GAP = 20;

/** How many words may sit between a name and a postcode ("Jane Smith, Flat 3, 14 Oak Road, Leeds LS6 2AB"). */
const MAX_WORDS_TO_POSTCODE = 8;

// A capitalised word, allowing O'Brien, McDonald, Smith-Jones and accented letters.
const CAP_WORD = "(?<!\\p{L})(?:\\p{Lu}['\u2019])?\\p{Lu}\\p{Ll}{0,2}\\p{Lu}?\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)*(?!\\p{L})";
const CAP_RUN = `${CAP_WORD}(?:[ \\t]+${CAP_WORD})*`;
const NAME_BEFORE_BIRTH_WORD = new RegExp(`(${CAP_RUN})(?:['\u2019]s)?[\\s,:(\\-\u2013]*(?:(?:was|is)\\s+)?$`, 'u');
// Read in steps after a birth word: separators, "of"/"for", an optional date, then the name.
const LEAD_IN = /[\s:,(\-\u2013]*(?:(?:of|for)\s+)?/y;
const DATE_HERE = new RegExp(`(?:${DATE_SOURCE})[\\s,;:)\\-\u2013]*(?:(?:of|for)\\s+)?`, 'iy');
const NAME_HERE = new RegExp(CAP_RUN, 'uy');
const CAP_RUNS = new RegExp(CAP_RUN, 'gu');

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

/** Looks for NHS numbers, dates of birth, and names beside a date of birth or a postcode; in order of position. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const found = new Map<string, PersonalDataFinding>();
  const add = (kind: PersonalDataKind, start: number, end: number) => {
    const key = `${kind}:${start}:${end}`;
    if (!found.has(key)) found.set(key, { kind, message: MESSAGES[kind], start, end });
  };

  findNhsNumbers(text, add);
  const birthWords = [...text.matchAll(BIRTH_WORDS)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (birthWords.length > 0) {
    findDatesOfBirth(text, birthWords, add);
    findNamesBesideBirthWords(text, birthWords, add);
  }
  findNamesWithPostcodes(text, add);

  return [...found.values()].sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
}

type Add = (kind: PersonalDataKind, start: number, end: number) => void;
interface Span {
  start: number;
  end: number;
}

function findNhsNumbers(text: string, add: Add): void {
  for (const m of text.matchAll(NHS_NUMBER)) {
    const [whole, a = '', sep = '', b = '', c = ''] = m;
    const start = m.index;
    const end = start + whole.length;
    // "12 943 476 5919" is part of a longer run of grouped digits, not an NHS number.
    if (sep && ((text[start - 1] === sep && /\d/.test(text[start - 2] ?? '')) || (text[end] === sep && /\d/.test(text[end + 1] ?? '')))) continue;
    const digits = a + b + c;
    // 0000000000 and the like pass the check but are placeholders, never issued numbers.
    if (/^(\d)\1{9}$/.test(digits)) continue;
    if (isValidNhsNumber(digits)) add('nhs-number', start, end);
  }
}

function findDatesOfBirth(text: string, birthWords: readonly Span[], add: Add): void {
  let first = 0;
  for (const m of text.matchAll(DATE)) {
    const date = { start: m.index, end: m.index + m[0].length };
    if (!dateIsPlausible(m[0])) continue;
    // Birth words are in order: skip those too far behind this date for any later date too.
    while (first < birthWords.length && birthWords[first]!.end < date.start - MAX_GAP) first++;
    for (let k = first; k < birthWords.length && birthWords[k]!.start <= date.end + MAX_GAP; k++) {
      const word = birthWords[k]!;
      if (closeInSameSentence(text, word.end, date.start) || closeInSameSentence(text, date.end, word.start)) {
        add('date-of-birth', date.start, date.end);
        break;
      }
    }
  }
}

/** True when `from`..`to` is a short gap that does not cross a line or sentence end. */
function closeInSameSentence(text: string, from: number, to: number): boolean {
  if (to < from || to - from > MAX_GAP) return false;
  return !/[\n\r;]|[.!?](?:\s|$)/.test(text.slice(from, to));
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

function findNamesBesideBirthWords(text: string, birthWords: readonly Span[], add: Add): void {
  for (const word of birthWords) {
    const before = text.slice(Math.max(0, word.start - 80), word.start);
    const b = NAME_BEFORE_BIRTH_WORD.exec(before);
    if (b?.[1]) {
      const runStart = word.start - before.length + b.index;
      const name = nameWithin(b[1], 'last');
      // Only a name right next to the birth word: "Jane Smith Council DOB" is not about Jane Smith.
      if (name && name.end === b[1].length) add('name-with-date-of-birth', runStart + name.start, word.end);
    }
    const run = runAfter(text, word.end);
    if (run) {
      const name = nameWithin(run.text, 'first');
      if (name && name.start === 0) add('name-with-date-of-birth', word.start, run.start + name.end);
    }
  }
}

/** The capitalised words right after `from`, allowing a date between ("DOB 3/3/2012 Jane Smith"). */
function runAfter(text: string, from: number): { start: number; text: string } | undefined {
  let at = from;
  for (const step of [LEAD_IN, DATE_HERE]) {
    step.lastIndex = at;
    if (step.exec(text)) at = step.lastIndex;
  }
  NAME_HERE.lastIndex = at;
  const m = NAME_HERE.exec(text);
  return m ? { start: at, text: m[0] } : undefined;
}

function findNamesWithPostcodes(text: string, add: Add): void {
  for (const m of text.matchAll(POSTCODE)) {
    const start = m.index;
    const end = start + m[0].length;
    const beforeFrom = Math.max(0, start - 60);
    const before = afterLastBoundary(text.slice(beforeFrom, start));
    const beforeOffset = start - before.length;
    let hit: Span | undefined;
    for (const run of before.matchAll(CAP_RUNS)) {
      const name = nameWithin(run[0], 'last');
      if (!name) continue;
      const runAt = beforeOffset + run.index;
      if (wordCount(text.slice(runAt + name.end, start)) <= MAX_WORDS_TO_POSTCODE) {
        hit = { start: runAt + name.start, end };
        break;
      }
    }
    if (!hit) {
      const after = beforeFirstBoundary(text.slice(end, end + 60));
      for (const run of after.matchAll(CAP_RUNS)) {
        const name = nameWithin(run[0], 'first');
        if (!name) continue;
        // Later runs are further away, so the first name decides.
        if (wordCount(after.slice(0, run.index + name.start)) <= MAX_WORDS_TO_POSTCODE) hit = { start, end: end + run.index + name.end };
        break;
      }
    }
    if (hit) add('name-with-postcode', hit.start, hit.end);
  }
}

/** The part after the last line break or sentence end (addresses use commas, so those stay). */
function afterLastBoundary(s: string): string {
  let cut = 0;
  for (const m of s.matchAll(/[\n\r;]|[.!?]\s/g)) cut = m.index + m[0].length;
  return s.slice(cut);
}

function beforeFirstBoundary(s: string): string {
  const m = /[\n\r;]|[.!?](?:\s|$)/.exec(s);
  return m ? s.slice(0, m.index) : s;
}

const wordCount = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * A stretch of two or more name-like words (not organisation, place or calendar words) in
 * a run of capitalised words, as offsets within the run: the stretch nearest the run's end
 * (`last`) or start (`first`), since the name that matters is the one next to the birth
 * word or postcode.
 */
function nameWithin(run: string, nearest: 'first' | 'last'): Span | undefined {
  const words = [...run.matchAll(/\S+/g)].map((w) => ({
    start: w.index,
    end: w.index + w[0].length,
    ok: !NOT_NAME_WORDS.has(w[0].toLowerCase().replace(/['\u2019]s$/, '')),
  }));
  const stretches: Span[] = [];
  let from = -1;
  for (let i = 0; i <= words.length; i++) {
    if (i < words.length && words[i]!.ok) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      if (i - from >= 2) stretches.push({ start: words[from]!.start, end: words[i - 1]!.end });
      from = -1;
    }
  }
  return nearest === 'first' ? stretches[0] : stretches[stretches.length - 1];
}
