import { csvCell, csvLine } from './write-csv';

describe('csv', () => {
  it('quotes separators, quotes and newlines', () => {
    expect(csvLine(['a,b', 'say "hi"', 'x\ny', 3, null])).toBe('"a,b","say ""hi""","x\ny",3,\r\n');
  });

  it('neutralises formulas in text but not negative numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
  });
});
