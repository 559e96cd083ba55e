import { describe, expect, it } from 'vitest';
import { prng } from '../prng.js';
import { formatCsvProblem, parseCsv, recordsToCsv, toCsv, type CsvCell } from '../../src/io/csv.js';

describe('parseCsv', () => {
  it('reads simple rows and keeps empty fields', () => {
    expect(parseCsv('a,b,c\r\n1,,3\r\n,,\r\n')).toEqual({
      rows: [
        ['a', 'b', 'c'],
        ['1', '', '3'],
        ['', '', ''],
      ],
      problems: [],
    });
  });

  it('accepts CRLF, LF and lone CR line endings, mixed in one file', () => {
    expect(parseCsv('a,b\r\nc,d\ne,f\rg,h').rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('strips a UTF-8 byte order mark so the first header is not mangled', () => {
    expect(parseCsv('\uFEFFTitle,Lead\r\nx,y').rows[0]).toEqual(['Title', 'Lead']);
  });

  it('reads quoted fields with commas, doubled quote marks and line breaks inside', () => {
    const text = 'Title,Notes\r\n"Foster carers, recruit 20","She said ""yes"""\r\n"two\r\nlines","a\nb\rc"\r\n';
    expect(parseCsv(text)).toEqual({
      rows: [
        ['Title', 'Notes'],
        ['Foster carers, recruit 20', 'She said "yes"'],
        ['two\r\nlines', 'a\nb\rc'],
      ],
      problems: [],
    });
  });

  it('ignores only the final empty line; other blank lines stay as rows so numbering matches a spreadsheet', () => {
    expect(parseCsv('a\n').rows).toEqual([['a']]);
    expect(parseCsv('a\n\nb\n').rows).toEqual([['a'], [''], ['b']]);
    expect(parseCsv('a\n\n').rows).toEqual([['a'], ['']]);
  });

  it('reads an empty file as no rows', () => {
    expect(parseCsv('')).toEqual({ rows: [], problems: [] });
    expect(parseCsv('\uFEFF')).toEqual({ rows: [], problems: [] });
  });

  it('keeps a trailing comma as a final empty field', () => {
    expect(parseCsv('a,\nb,').rows).toEqual([
      ['a', ''],
      ['b', ''],
    ]);
  });

  it('keeps spaces around fields as written', () => {
    expect(parseCsv(' a , b ').rows).toEqual([[' a ', ' b ']]);
  });

  it('reports an unclosed quote at the row where it opened, under the column header', () => {
    const { rows, problems } = parseCsv('Title,Notes\nok,fine\n"multi\nline",ok\nx,"never closed\ny,z\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 4, column: 'Notes' });
    expect(problems[0]?.message).toMatch(/closing quote/);
    // Nothing is lost: the rest of the file is in the open field.
    expect(rows[3]).toEqual(['x', 'never closed\ny,z\n']);
  });

  it('counts records, not lines, when a quoted field spans lines', () => {
    const { problems } = parseCsv('A,B\n"one\ntwo\nthree",x\nbad"quote,y\n');
    expect(problems).toEqual([expect.objectContaining({ row: 3, column: 'A' })]);
  });

  it('reports a quote mark in the middle of an unquoted field and keeps it', () => {
    const { rows, problems } = parseCsv('Title,Lead\nThe "you said" board,Council\n');
    expect(rows[1]).toEqual(['The "you said" board', 'Council']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 2, column: 'Title' });
    expect(problems[0]?.message).toMatch(/quote mark.*middle/);
  });

  it('reports text after a closing quote and keeps it', () => {
    const { rows, problems } = parseCsv('"ab"cd,e');
    expect(rows).toEqual([['abcd', 'e']]);
    expect(problems).toEqual([expect.objectContaining({ row: 1, column: 'A' })]);
  });

  it('names a column by its letter on the header row, or when the header cell is blank', () => {
    expect(parseCsv('a,b,c"').problems[0]?.column).toBe('C');
    expect(parseCsv('a,,c\nx,y"z,w').problems[0]?.column).toBe('B');
    const wide = `${'h,'.repeat(27)}h\n${',' .repeat(27)}x"y`;
    expect(parseCsv(wide).problems[0]?.column).toBe('h');
    expect(parseCsv(`${','.repeat(27)}x"y`).problems[0]?.column).toBe('AB');
  });

  it('lists the first 100 problems and counts the rest', () => {
    const { rows, problems, moreProblems } = parseCsv(`A,B\n${'a"b,c"d\n'.repeat(50_000)}`);
    expect(rows.length).toBe(50_001);
    expect(problems.length).toBe(100);
    expect(problems.at(-1)).toMatchObject({ row: 51, column: 'B' });
    expect(moreProblems).toBe(99_900);
    expect(parseCsv('A,B\na"b,c\n')).not.toHaveProperty('moreProblems');
  });

  it('reports several problems in one pass', () => {
    const { problems } = parseCsv('A,B\na"b,c"d\n');
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'A'],
      [2, 'B'],
    ]);
  });
});

describe('toCsv', () => {
  it('writes CRLF line endings, a final one included', () => {
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n');
    expect(toCsv([])).toBe('');
  });

  it('quotes fields with commas, quote marks, CR or LF, doubling the quote marks', () => {
    expect(toCsv([['a,b', 'say "hi"', 'x\ny', 'x\ry', 'plain']])).toBe('"a,b","say ""hi""","x\ny","x\ry",plain\r\n');
  });

  it('writes numbers and booleans as they are, and null or undefined as empty', () => {
    expect(toCsv([[1, -2.5, 0, true, false, null, undefined, '']])).toBe('1,-2.5,0,true,false,,,\r\n');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    const cells = ['=SUM(A1:A9)', '+44 1952 380000', '-1', '@cmd', '\tTAB', '\rCR', '=HYPERLINK("https://x.example","click")'];
    expect(parseCsv(toCsv([cells])).rows[0]).toEqual(cells.map((c) => `'${c}`));
  });

  it('quotes a leading byte order mark so a reader does not drop it as the file\'s own', () => {
    expect(toCsv([['\uFEFFx']])).toBe('"\uFEFFx"\r\n');
    expect(parseCsv(toCsv([['\uFEFFx', 'y']])).rows).toEqual([['\uFEFFx', 'y']]);
  });

  it('does not touch those characters anywhere but the start, nor negative numbers', () => {
    expect(toCsv([['a=b', 'x-y', 'me@example.org', -3]])).toBe('a=b,x-y,me@example.org,-3\r\n');
  });
});

describe('recordsToCsv', () => {
  it('writes a header row and one row per record', () => {
    const actions = [
      { id: 'a1', title: 'Recruit foster carers, 20 by March', due: '2027-03-31', principles: [1, 6] },
      { id: 'a2', title: '=cmd', due: undefined, principles: [] },
    ];
    const csv = recordsToCsv(actions, [
      { header: 'ID', value: (a) => a.id },
      { header: 'Title', value: (a) => a.title },
      { header: 'Due date', value: (a) => a.due },
      { header: 'Principles', value: (a) => a.principles.join('; ') },
    ]);
    expect(csv).toBe('ID,Title,Due date,Principles\r\na1,"Recruit foster carers, 20 by March",2027-03-31,1; 6\r\na2,\'=cmd,,\r\n');
  });

  it('writes just the header when there are no records', () => {
    expect(recordsToCsv([], [{ header: 'Title', value: () => 'x' }])).toBe('Title\r\n');
  });
});

describe('formatCsvProblem', () => {
  it('reads as a spreadsheet user would say it', () => {
    expect(formatCsvProblem({ row: 4, column: 'Due date', message: 'expected a date' })).toBe('row 4, Due date: expected a date');
    expect(formatCsvProblem({ row: 1, message: 'the file is empty' })).toBe('row 1: the file is empty');
  });
});

describe('toCsv then parseCsv (round trip)', () => {
  const pieces = ['a', 'Z', ' ', ',', '"', '""', '\r', '\n', '\r\n', '=', '+', '-', '@', '\t', "'", 'é', 'ŵ', '中文', '😀', '\u00a0', '1', '0.5', ';', '\uFEFF'];

  function randomCell(next: () => number): CsvCell {
    const pick = next();
    if (pick < 0.05) return null;
    if (pick < 0.08) return undefined;
    if (pick < 0.15) return Math.round((next() - 0.5) * 1e6) / 100;
    if (pick < 0.18) return next() < 0.5;
    let s = '';
    const length = Math.floor(next() * 8);
    for (let i = 0; i < length; i++) s += pieces[Math.floor(next() * pieces.length)];
    return s;
  }

  /** What a cell reads back as: text, with the neutralising quote mark accounted for. */
  function expected(cell: CsvCell): string {
    if (cell === null || cell === undefined) return '';
    if (typeof cell !== 'string') return String(cell);
    return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  }

  it('gives back the same rows for 500 random tables', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const next = prng(seed);
      const rows: CsvCell[][] = [];
      const rowCount = 1 + Math.floor(next() * 6);
      for (let r = 0; r < rowCount; r++) {
        const cols = 1 + Math.floor(next() * 5);
        rows.push(Array.from({ length: cols }, () => randomCell(next)));
      }
      const text = toCsv(rows);
      const parsed = parseCsv(text);
      expect(parsed.problems, `seed ${seed}`).toEqual([]);
      expect(parsed.rows, `seed ${seed}`).toEqual(rows.map((row) => row.map(expected)));
    }
  });
});
