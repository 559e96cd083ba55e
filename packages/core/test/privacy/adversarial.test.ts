import { describe, expect, it } from 'vitest';
import { findPersonalData, isValidNhsNumber } from '../../src/privacy/personal-data.js';
import { prng } from '../prng.js';

/**
 * Text written to make the personal-data check slow: 50,000 characters built so that a pattern
 * would backtrack, or a scan would read the same text again for every match. Each must scan in
 * time proportional to its length, measured against ordinary evidence of the same length in the
 * same process, never against a clock, so that a slow or busy machine cannot fail it. A
 * catastrophic pattern never finishes at all here (the test's time limit catches that); a
 * quadratic one takes hundreds of times as long as the prose.
 */

const LENGTH = 50_000;
/** How many times as long as ordinary prose a scan may take. Linear scans measure 0.1 to about 5 on a quiet machine. */
const MAX_RATIO = 20;

const fill = (unit: string, length = LENGTH) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

// Ordinary evidence, as partners write it: about services, with dates, a birthday and a service's postcode.
const PROSE = [
  'Virtual School ran 12 PEP training sessions for designated teachers in March 2026.',
  'The Corporate Parenting Board met on 3 March 2026 and agreed the refreshed pledge.',
  'Annual health assessments completed on time rose from 81% to 93% between April 2025 and March 2026.',
  'Care leavers now get a birthday card and a voucher; 212 were sent by 31/03/2026.',
  'Drop-in sessions moved to the Youth Hub, 20 Station Road, Leeds LS1 4AP, from 6 January 2026.',
  'The Children in Care Council asked for better Wi-Fi in children\u2019s homes; the contract changed on 2026-02-12.',
  'West Mercia Police ran 4 workshops on exploitation for 38 foster carers.',
  'Date of birth fields were removed from the referral form in 2025 after a privacy review.',
  'Budget of \u00a31,250,000 agreed for 2026-27 placement sufficiency.',
  'Every young person leaving care now has a named adviser and a plan for housing, education and work.',
].join(' ');

function scanTime(text: string): number {
  const started = performance.now();
  findPersonalData(text);
  return performance.now() - started;
}

/**
 * How many times as long `text` takes to scan as prose of the same length: the fastest of
 * alternating runs of each, after a warm-up, so that load slows both alike. A ratio over the
 * limit is measured again (up to three times): a burst of load passes, a super-linear scan does not.
 */
function ratioToProse(text: string): number {
  const prose = fill(PROSE, text.length);
  let ratio = Infinity;
  for (let attempt = 0; attempt < 3 && ratio >= MAX_RATIO; attempt++) {
    scanTime(prose);
    const first = scanTime(text) / scanTime(prose);
    // Far over the limit at the first try: no need to wait for more runs of a slow scan.
    if (first > 50 * MAX_RATIO) return first;
    let subject = Infinity;
    let baseline = Infinity;
    for (let run = 0; run < 5; run++) {
      subject = Math.min(subject, scanTime(text));
      baseline = Math.min(baseline, scanTime(prose));
    }
    ratio = Math.min(ratio, subject / baseline);
  }
  return ratio;
}

/** Each aimed at one detector, or at the folding all of them read through. */
const ADVERSARIAL: Record<string, Record<string, string>> = {
  'names beside a birth word': {
    'capitalised words then "1 DOB x" (the 17-second case)': fill('Abcd '.repeat(15) + '1 DOB x '),
    'capitalised words then DOB, over and over': fill('Abcd Abcd Abcd DOB '),
    'a birth word before every capitalised word': fill('Dob Abcd '),
    '"Birthdate", which is a capitalised word itself': fill('Birthdate Abcd Abcd '),
    'one run of name-like words with DOB at the end': fill('Jane Smith ', LENGTH - 4) + ' DOB',
    'DOB then one run of name-like words': 'DOB ' + fill('Jane Smith ', LENGTH - 4),
    'upper and lower case in turn': fill('AbCdEfGh'),
    'upper and lower case in turn, as words': fill('AbCd '),
    'apostrophes after capitals': fill("O'"),
    'one word of hyphenated capitalised parts': fill('Abc-'),
    "O'Brien-Smith-Jones without end": fill("O'Abc-"),
    'possessives and verbs before birth words': fill("Abcd's was is , ( : - DOB "),
    'date of birth between names': fill('Jane Smith date of birth 3 March 2012 for Tom Ellis '),
  },
  'dates of birth': {
    'digits': fill('1'),
    'digits and slashes': fill('1/'),
    'digits and hyphens': fill('1-1-'),
    'two-digit groups': fill('12/12/'),
    'digits and spaces': fill('1 '),
    '"3 of"': fill('3 of '),
    'month names': fill('March '),
    'ordinals and months': fill('3rd March '),
    'DOB before every digit group': fill('DOB 1/'),
    'DOB on its own': fill('DOB '),
    'D.O.B.': fill('D.O.B.'),
    '"date of birth"': fill('date of birth '),
    '"born"': fill('born '),
    '"born" then a digit': fill('born 1 '),
    'dates of birth, every one found': fill('DOB 03/03/2012, '),
  },
  'NHS numbers': {
    'valid NHS numbers': fill('943 476 5919 '),
    'ten digits over and over': fill('9434765919'),
    'groups of three': fill('943 '),
    'single digits and spaces': fill('9 4 3 '),
    'groups on separate lines': fill('943\n'),
    'digits and zero-width spaces': fill('9\u200b'),
  },
  'names with a postcode': {
    'postcodes': fill('SW1A 1AA '),
    'a postcode then a word': fill('LS6 2AB Jane '),
    'names with postcodes, every one found': fill('Jane Smith LS6 2AB\n'),
    'address blocks over many lines': fill('Jane Smith\n14 Oak Road\nLeeds\n'),
    'postcodes that are nearly postcodes': fill('A1 1A'),
  },
  'white space': {
    'spaces': fill(' '),
    'tabs': fill('\t'),
    'line breaks': fill('\n'),
    'Windows line breaks': fill('\r\n'),
    'no-break spaces': fill('\u00a0'),
    'DOB, spaces, a digit': 'DOB' + ' '.repeat(LENGTH - 4) + '1',
    'a digit, spaces, a month': '1' + ' '.repeat(LENGTH - 6) + 'March',
    '"date", spaces, "of"': 'date' + ' '.repeat(LENGTH - 6) + 'of',
    '"born", spaces, a digit': 'born' + ' '.repeat(LENGTH - 5) + '1',
    'a name, spaces, a postcode': 'Jane' + ' '.repeat(LENGTH - 18) + 'Smith LS6 2AB',
  },
  'folding': {
    'accented capitals and letters': fill('\u0100b\u010dd '),
    'combining marks after letters': fill('Zoe\u0308 '),
    'combining marks alone': fill('\u0301'),
    'fullwidth digits': fill('\uff19'),
    'Arabic-Indic digits': fill('\u0669\u0664'),
    'zero-width spaces': fill('\u200b'),
    'DOB with zero-width spaces': fill('D\u200bO\u200bB '),
    'soft hyphens in numbers': fill('943\u00ad'),
    'mathematical bold letters': fill('\ud835\udc00\ud835\udc1b\ud835\udc1c '),
    'capitals outside the Basic Multilingual Plane': fill('\ud801\udc00\ud801\udc28\ud801\udc29 '),
    'Chinese': fill('\u4e2d\u6587'),
  },
};

// Everything the patterns look at, for random mixes.
const PIECES = [
  'A', 'b', 'Z', '\u00e9', '\u00c9', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2009', '\u200b', '\u00ad', '\u0301', '-', '\u2013',
  '\u2011', '/', '.', ',', ':', ';', '(', ')', '!', "'", '\u2019', '0', '1', '3', '9', '12', '\uff11', '\u0663', 'DOB', 'dob', 'D.O.B.',
  'date of birth', 'birthday', 'born', 'born on', 'of', 'for', 'was', 'is', "'s", 'March', 'Jan', '3rd', '2012', '943', '476',
  '5919', 'SW1A', '1AA', 'LS6', '2AB', 'GIR 0AA', 'Jane', 'Smith', 'McDonald', "O'Brien", 'Smith-Jones', 'Council', 'School',
];

function randomMix(seed: number): string {
  const random = prng(seed);
  let text = '';
  while (text.length < LENGTH) text += PIECES[Math.floor(random() * PIECES.length)];
  return text.slice(0, LENGTH);
}

describe('findPersonalData on adversarial text: time proportional to length', () => {
  for (const [detector, cases] of Object.entries(ADVERSARIAL)) {
    describe(detector, () => {
      it.each(Object.entries(cases))('scans 50,000 characters of %s no slower than 20 times ordinary prose', (_, text) => {
        expect(text.length).toBeGreaterThanOrEqual(LENGTH - 1);
        expect(ratioToProse(text)).toBeLessThan(MAX_RATIO);
      }, 60_000);
    });
  }

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('scans a random mix of everything the patterns look at (seed %i) no slower than 20 times ordinary prose', (seed) => {
    expect(ratioToProse(randomMix(seed))).toBeLessThan(MAX_RATIO);
  }, 60_000);

  it('refuses 50,000 digits as an NHS number at once', () => {
    expect(isValidNhsNumber('9'.repeat(LENGTH))).toBe(false);
  });
});

describe('findPersonalData on adversarial text: the findings are still right', () => {
  const found = (text: string) => findPersonalData(text).map((f) => `${f.kind}: ${text.slice(f.start, f.end)}`);

  it('finds the name and date of birth after 49,000 characters of capitalised words', () => {
    expect(found(fill('Abcd ', 49_000) + '. Jane Smith DOB 03/03/2012')).toEqual([
      'name-with-date-of-birth: Jane Smith DOB',
      'date-of-birth: 03/03/2012',
    ]);
  });

  it('finds each name on either side of every DOB, once', () => {
    const text = 'Abcd Abcd Abcd DOB '.repeat(2_000);
    const findings = found(text);
    expect(findings).toHaveLength(2_000 + 1_999);
    expect(new Set(findings)).toEqual(new Set(['name-with-date-of-birth: Abcd Abcd Abcd DOB', 'name-with-date-of-birth: DOB Abcd Abcd Abcd']));
  });

  it('finds a date of birth after a long run of digits and slashes', () => {
    expect(found('1/'.repeat(24_995) + ' born 03/03/2012')).toEqual(['date-of-birth: 03/03/2012']);
  });

  it('finds an NHS number after 49,988 spaces, with offsets in the text as typed', () => {
    const text = ' '.repeat(49_988) + '943 476 5919';
    expect(findPersonalData(text).map((f) => [f.kind, f.start, f.end])).toEqual([['nhs-number', 49_988, 50_000]]);
  });

  it('finds an NHS number after 40,000 zero-width spaces, with offsets in the text as typed', () => {
    const text = '\u200b'.repeat(40_000) + 'Ref 9\u200b434765919';
    expect(findPersonalData(text).map((f) => [f.kind, f.start, f.end])).toEqual([['nhs-number', 40_004, 40_015]]);
  });

  it('finds the one name with a postcode after 5,000 postcodes', () => {
    expect(found('SW1A 1AA '.repeat(5_000) + '. Jane Smith, LS6 2AB')).toEqual(['name-with-postcode: Jane Smith, LS6 2AB']);
  });

  it('finds a name and date of birth written to slip past, after 40,000 characters of accents and marks', () => {
    expect(found(fill('Zoe\u0308 Ab\u0301c ', 40_000) + '\nJane\u00a0Smith D\u200bOB 03\u201303\u20132012')).toEqual([
      'name-with-date-of-birth: Jane\u00a0Smith D\u200bOB',
      'date-of-birth: 03\u201303\u20132012',
    ]);
  });
});
