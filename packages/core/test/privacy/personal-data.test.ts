import { describe, expect, it } from 'vitest';
import { findPersonalData, isValidNhsNumber, type PersonalDataKind } from '../../src/privacy/personal-data.js';

/** The findings as `kind: the text it covers`, which reads better in failures than offsets. */
function found(text: string): string[] {
  return findPersonalData(text).map((f) => `${f.kind}: ${text.slice(f.start, f.end)}`);
}

const kinds = (text: string): PersonalDataKind[] => findPersonalData(text).map((f) => f.kind);

describe('isValidNhsNumber', () => {
  it('accepts the well-known test number and others with a correct check digit', () => {
    // 9434765919 is the NHS's published example; the rest were computed by hand with the mod-11 rule.
    for (const n of ['9434765919', '4010232137', '4857773457', '1234567881', '4505577104', '6000000014']) {
      expect(isValidNhsNumber(n), n).toBe(true);
    }
  });

  it('accepts a check digit of 0 when 11 - (sum mod 11) is 11', () => {
    // 000000000 sums to 0, so the check is 11, written 0.
    expect(isValidNhsNumber('0000000000')).toBe(true);
  });

  it('refuses a wrong check digit', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('4010232130')).toBe(false);
  });

  it('refuses numbers whose check would be 10, whatever the last digit', () => {
    for (let last = 0; last <= 9; last++) {
      expect(isValidNhsNumber(`123456789${last}`)).toBe(false);
      expect(isValidNhsNumber(`999123456${last}`)).toBe(false);
    }
  });

  it('refuses anything but exactly ten digits', () => {
    for (const n of ['943476591', '94347659190', '943 476 5919', '943-476-5919', '94347659l9', '']) {
      expect(isValidNhsNumber(n), n).toBe(false);
    }
  });
});

describe('findPersonalData: NHS numbers', () => {
  it('finds an NHS number written as ten digits, or 3-3-4 with spaces or hyphens', () => {
    expect(found('Referral for 9434765919 sent')).toEqual(['nhs-number: 9434765919']);
    expect(found('NHS no. 943 476 5919.')).toEqual(['nhs-number: 943 476 5919']);
    expect(found('(943-476-5919)')).toEqual(['nhs-number: 943-476-5919']);
  });

  it('gives offsets that cover exactly the number', () => {
    const text = 'See 401 023 2137 for details';
    const [finding] = findPersonalData(text);
    expect(finding).toMatchObject({ kind: 'nhs-number', start: 4, end: 16 });
  });

  it('ignores ten digits whose check digit is wrong', () => {
    expect(found('Purchase order 9434765918 raised')).toEqual([]);
  });

  it('ignores 9- and 11-digit numbers, and ten digits inside a longer run', () => {
    expect(found('Invoice 943476591 paid')).toEqual([]);
    expect(found('Contract 40102321375 signed')).toEqual([]);
    expect(found('Contract 14010232137 signed')).toEqual([]);
    expect(found('Grouped 12 943 476 5919 codes')).toEqual([]);
    expect(found('Grouped 943 476 5919 12 codes')).toEqual([]);
  });

  it('ignores mixed separators and placeholder numbers of one repeated digit', () => {
    expect(found('943 476-5919')).toEqual([]);
    expect(found('Placeholder 0000000000 in the template')).toEqual([]);
  });

  it('never repeats the number in its message', () => {
    const [finding] = findPersonalData('943 476 5919');
    expect(finding?.message).toMatch(/NHS number/);
    expect(finding?.message).not.toMatch(/\d{3}/);
  });
});

describe('findPersonalData: dates of birth', () => {
  it.each([
    ['DOB 03/03/2012', '03/03/2012'],
    ['D.O.B. 3-3-12', '3-3-12'],
    ['d.o.b: 2012-03-03', '2012-03-03'],
    ['Date of birth: 3 March 2012', '3 March 2012'],
    ['date of birth is 3rd Mar 2012', '3rd Mar 2012'],
    ['born on the 3rd of March 2012', '3rd of March 2012'],
    ['born in Telford on 03.03.2012', '03.03.2012'],
    ['birthday 3 Sept 2012', '3 Sept 2012'],
    ['03/03/2012 (DOB)', '03/03/2012'],
    ['Birth date March 3, 2012', 'March 3, 2012'],
    ['born 03/03/2012', '03/03/2012'],
    ['Born: 3rd March 2012', '3rd March 2012'],
  ])('finds the date in "%s"', (text, date) => {
    expect(found(text)).toEqual([`date-of-birth: ${date}`]);
  });

  it('reads "born" alone as a birth word only when a date follows it', () => {
    expect(found('Staff born and raised in Telford joined on 03/03/2026')).toEqual([]);
    expect(found('Panel on 03/03/2026: 4 born locally')).toEqual([]);
    expect(found('Reviewed 03/03/2026, born 04/04/2012')).toEqual(['date-of-birth: 04/04/2012']);
    expect(found('Jane Smith born 03/03/2012')).toEqual(['name-with-date-of-birth: Jane Smith born', 'date-of-birth: 03/03/2012']);
  });

  it('does not treat a date as a date of birth when the birth word is in another sentence', () => {
    expect(found('Forms no longer ask for a DOB. The panel met on 3 March 2026.')).toEqual([]);
    expect(found('We stopped recording date of birth\n03/03/2026 was the last day')).toEqual([]);
  });

  it('does not treat a far-off date as a date of birth', () => {
    expect(found('Birthday cards were posted to every care leaver by the team on 31/03/2026')).toEqual([]);
  });

  it('ignores things shaped like dates that cannot be dates', () => {
    expect(found('DOB 45/45/2012')).toEqual([]);
  });
});

describe('findPersonalData: names beside a date of birth', () => {
  it('finds two capitalised words just before the birth word', () => {
    expect(found('Jane Smith DOB 03/03/2012')).toEqual([
      'name-with-date-of-birth: Jane Smith DOB',
      'date-of-birth: 03/03/2012',
    ]);
    expect(kinds('Kai O\u2019Brien-Hughes (date of birth withheld)')).toEqual(['name-with-date-of-birth']);
    expect(found('Zo\u00eb McDonald\u2019s date of birth')).toEqual(['name-with-date-of-birth: Zo\u00eb McDonald\u2019s date of birth']);
  });

  it('finds the name just after the birth word, even with a date between', () => {
    expect(found('DOB: Amir Khan')).toEqual(['name-with-date-of-birth: DOB: Amir Khan']);
    expect(found('date of birth 3 March 2012 for Tom Ellis')).toEqual([
      'name-with-date-of-birth: date of birth 3 March 2012 for Tom Ellis',
      'date-of-birth: 3 March 2012',
    ]);
  });

  it('does not read organisations or job titles as names', () => {
    expect(found('Virtual School date of birth checks moved online')).toEqual([]);
    expect(found('The NHS Trust DOB field was removed')).toEqual([]);
    expect(found('Designated Teacher DOB guidance updated')).toEqual([]);
    expect(found('Amir Khan Foundation DOB checks funded')).toEqual([]);
  });

  it('needs two words: a single capitalised word is not a full name', () => {
    expect(found('Records DOB field removed')).toEqual([]);
  });
});

describe('findPersonalData: names with a postcode', () => {
  it('finds a full name within a few words of a postcode', () => {
    expect(found('Jane Smith, 14 Oak Road, Leeds LS6 2AB')).toEqual([
      'name-with-postcode: Jane Smith, 14 Oak Road, Leeds LS6 2AB',
    ]);
    expect(kinds('Moved to M1 1AE with Mr Patel')).toEqual(['name-with-postcode']);
    expect(kinds('Placement for Ella Grant at B33 8TH')).toEqual(['name-with-postcode']);
    expect(kinds('Address for Ella Grant: sw1a 1aa')).toEqual(['name-with-postcode']);
  });

  it('ignores a postcode with no name near it, or only a service address', () => {
    expect(found('Post to SW1A 1AA')).toEqual([]);
    expect(found('Drop-ins moved to the Youth Hub, 20 Station Road, Leeds LS1 4AP.')).toEqual([]);
  });

  it('ignores a name in another sentence or far from the postcode', () => {
    expect(found('Thanks to Priya Shah. Parcels go to LS6 2AB')).toEqual([]);
    expect(found('Priya Shah said the new office, which opens next month after the works, is at LS6 2AB')).toEqual([]);
  });

  it('ignores things that are not full postcodes', () => {
    expect(found('Jane Smith works in the LS6 area')).toEqual([]);
    expect(found('Jane Smith ordered 12 CV 1AA batteries')).toEqual([]);
  });
});

describe('findPersonalData: text written (or pasted) so that it slips past the check', () => {
  it.each([
    ['no-break spaces', '943\u00a0476\u00a05919'],
    ['thin spaces', '943\u2009476\u20095919'],
    ['narrow no-break spaces', '943\u202f476\u202f5919'],
    ['ideographic spaces', '943\u3000476\u30005919'],
    ['non-breaking hyphens', '943\u2011476\u20115919'],
    ['en dashes', '943\u2013476\u20135919'],
    ['figure dashes', '943\u2012476\u20125919'],
    ['minus signs', '943\u2212476\u22125919'],
    ['tabs', '943\t476\t5919'],
    ['line breaks', '943\n476\n5919'],
    ['Windows line breaks', '943\r\n476\r\n5919'],
    ['a space, then a line break where the line was wrapped', '943 476\n5919'],
    ['zero-width spaces', '9\u200b4347\u200b65919'],
    ['zero-width joiners and non-joiners', '943\u200d476\u200c5919'],
    ['word joiners', '943\u2060476\u20605919'],
    ['soft hyphens', '943\u00ad476\u00ad5919'],
    ['byte order marks', '943\ufeff476\ufeff5919'],
    ['fullwidth digits', '\uff19\uff14\uff13 \uff14\uff17\uff16 \uff15\uff19\uff11\uff19'],
    ['Arabic-Indic digits', '\u0669\u0664\u0663 \u0664\u0667\u0666 \u0665\u0669\u0661\u0669'],
    ['Eastern Arabic-Indic digits', '\u06f9\u06f4\u06f3\u06f4\u06f7\u06f6\u06f5\u06f9\u06f1\u06f9'],
    ['Devanagari digits', '\u096f\u096a\u0969\u096a\u096d\u096c\u096b\u096f\u0967\u096f'],
  ])('finds an NHS number written with %s, covering exactly what was typed', (_, nhs) => {
    expect(found(`Ref ${nhs} sent`)).toEqual([`nhs-number: ${nhs}`]);
  });

  it('still ignores mixed separators and numbers that only look grouped across a line break', () => {
    expect(found('943\u00a0476-5919')).toEqual([]);
    expect(found('943\n4765919')).toEqual([]);
    expect(found('Grouped 12\u00a0943\u00a0476\u00a05919 codes')).toEqual([]);
  });

  it('finds "DOB" with a zero-width space in it, and dates in fullwidth digits', () => {
    expect(found('D\u200bOB 03/03/2012')).toEqual(['date-of-birth: 03/03/2012']);
    expect(found('Jane Smith D\u200bO\u200bB 03/03/2012')).toEqual([
      'name-with-date-of-birth: Jane Smith D\u200bO\u200bB',
      'date-of-birth: 03/03/2012',
    ]);
    expect(found('DOB \uff10\uff13/\uff10\uff13/\uff12\uff10\uff11\uff12')).toEqual(['date-of-birth: \uff10\uff13/\uff10\uff13/\uff12\uff10\uff11\uff12']);
    expect(found('date of birth 3\u00a0March\u00a02012')).toEqual(['date-of-birth: 3\u00a0March\u00a02012']);
  });

  it('finds a name with a no-break space, combining accents or fullwidth letters', () => {
    expect(found('Jane\u00a0Smith LS6 2AB')).toEqual(['name-with-postcode: Jane\u00a0Smith LS6 2AB']);
    expect(found('Zoe\u0308 McDonald DOB')).toEqual(['name-with-date-of-birth: Zoe\u0308 McDonald DOB']);
    expect(found('\uff2a\uff41\uff4e\uff45 \uff33\uff4d\uff49\uff54\uff48 \uff2c\uff33\uff16 \uff12\uff21\uff22')).toEqual([
      'name-with-postcode: \uff2a\uff41\uff4e\uff45 \uff33\uff4d\uff49\uff54\uff48 \uff2c\uff33\uff16 \uff12\uff21\uff22',
    ]);
  });

  it('gives offsets in the text as typed, after invisible characters and wider characters', () => {
    const text = '\u200b\u200bRef \uff19\uff14\uff13 \uff14\uff17\uff16 \uff15\uff19\uff11\uff19, D\u200bOB 03\u201303\u20132012';
    expect(findPersonalData(text).map((f) => [f.kind, f.start, f.end])).toEqual([
      ['nhs-number', 6, 18],
      ['date-of-birth', 25, 35],
    ]);
  });

  it('reads the lines of an address block together, but not across a blank line or a sentence end', () => {
    expect(found('Jane Smith\nLS6 2AB')).toEqual(['name-with-postcode: Jane Smith\nLS6 2AB']);
    expect(found('Jane Smith\r\n14 Oak Road\r\nLeeds\r\nLS6 2AB')).toEqual(['name-with-postcode: Jane Smith\r\n14 Oak Road\r\nLeeds\r\nLS6 2AB']);
    expect(found('Jane Smith\n\nLS6 2AB')).toEqual([]);
    expect(found('Thanks to Priya Shah.\nParcels go to LS6 2AB')).toEqual([]);
  });
});

describe('findPersonalData: ordinary evidence', () => {
  // Written for these tests: the kind of thing partners log, about services rather than children.
  const ordinary = [
    'Virtual School ran 12 PEP training sessions for designated teachers in March 2026.',
    'The Corporate Parenting Board met on 3 March 2026 and agreed the refreshed pledge.',
    'Annual health assessments completed on time rose from 81% to 93% between April 2025 and March 2026.',
    'The NHS Trust appointed a second named nurse for children in care on 14/01/2026.',
    'Housing Options confirmed that no care leaver was placed in bed and breakfast in Q3 2025/26.',
    'Care leavers now get a birthday card and a voucher; 212 were sent by 31/03/2026.',
    'Drop-in sessions moved to the Youth Hub, 20 Station Road, Leeds LS1 4AP, from 6 January 2026.',
    'The Children in Care Council asked for better Wi-Fi in children\u2019s homes; the contract changed on 2026-02-12.',
    'West Mercia Police ran 4 workshops on exploitation for 38 foster carers.',
    'Call the duty team on 0121 496 0000, quoting reference 12345678901.',
    'Invoice 943476591 for the mentoring scheme was paid on 3 March 2026.',
    'Date of birth fields were removed from the referral form in 2025 after a privacy review.',
    'Staff born in the borough were invited to mentor care leavers.',
    'Birthday celebrations for children in care: 57 events held in 2025.',
    'Mr Patel from Telford & Wrekin Council chaired the housing working group on 12 May 2026.',
    'The Integrated Care Board funded three new CAMHS posts from 01/04/2026.',
    'Budget of \u00a31,250,000 agreed for 2026-27 placement sufficiency.',
    'Ofsted rated the fostering service Good on 2 Feb 2026.',
    'Fostering Network training for 20 carers booked for 2026-06-18 at Civic Centre, Telford TF3 4JA.',
    '58% of care leavers aged 19 to 21 were in education, employment or training at 31 March 2026.',
  ];

  it.each(ordinary)('finds nothing in "%s"', (sentence) => {
    expect(found(sentence)).toEqual([]);
  });

  it('finds nothing in all of them run together as one paragraph', () => {
    expect(found(ordinary.join(' '))).toEqual([]);
  });
});

describe('findPersonalData: more than one finding', () => {
  it('reports every finding, in order of position', () => {
    const text = 'Ref 943 476 5919. Later: Sam Reid DOB 01/02/2013. Sam Reid, 3 Elm Close, Birmingham B33 8TH';
    expect(found(text)).toEqual([
      'nhs-number: 943 476 5919',
      'name-with-date-of-birth: Sam Reid DOB',
      'date-of-birth: 01/02/2013',
      'name-with-postcode: Sam Reid, 3 Elm Close, Birmingham B33 8TH',
    ]);
  });

  it('says what to do in every message without repeating the data', () => {
    const text = 'Sam Reid DOB 01/02/2013, 943 476 5919, Sam Reid B33 8TH';
    const findings = findPersonalData(text);
    expect(new Set(findings.map((f) => f.kind))).toEqual(
      new Set(['nhs-number', 'date-of-birth', 'name-with-date-of-birth', 'name-with-postcode']),
    );
    for (const f of findings) {
      expect(f.message).toMatch(/delete/i);
      for (const secret of ['Sam', 'Reid', '2013', '01/02', '943', 'B33']) expect(f.message).not.toContain(secret);
    }
  });

  it('finds nothing in empty text', () => {
    expect(findPersonalData('')).toEqual([]);
  });
});

describe('findPersonalData: no runaway matching', () => {
  // Not a timed test (speed is measured by `npm run bench`): a pattern that backtracks
  // catastrophically never finishes on 100,000 characters, and the test's time limit catches that.
  const awkward = [
    'DOB ',
    'Aaaa Bbbb Cccc ',
    '1234567890',
    '943 476 5919 ',
    'SW1A 1AA Jane Smith ',
    '03/03/2012 born on ',
    "O'O'O'O'",
    '-'.repeat(30),
    'AaAaAaAaAaAaAaAaAaAa',
    // Took 0.7 s for these 80 characters alone when names were matched with nested quantifiers.
    'Abcd '.repeat(15) + '1 DOB x ',
    'Abcd '.repeat(15) + 'DOB ',
  ];

  it.each(awkward)('finishes on 100,000 characters of "%s" repeated', (unit) => {
    const text = unit.repeat(Math.ceil(100_000 / unit.length));
    const findings = findPersonalData(text);
    for (const f of findings) expect(f.end).toBeGreaterThan(f.start);
  }, 20_000);
});
