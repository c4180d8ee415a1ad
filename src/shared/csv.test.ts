import { describe, expect, it } from 'vitest';
import { csvRecord, parseCsvText } from './csv';

describe('writing CSV records', () => {
  it('quotes only the fields that need it, doubling quotes, and ends each record with CRLF', () => {
    expect(csvRecord(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere'])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\rhere"\r\n',
    );
  });

  it('writes empty fields for null and undefined, and numbers as they are', () => {
    expect(csvRecord([null, undefined, 42, -7, ''])).toBe(',,42,-7,\r\n');
  });

  it('keeps text that a spreadsheet would run as a formula from becoming one', () => {
    expect(csvRecord(['=SUM(A1)', '+47', '-x', '@cmd', '\tx', 'Kari=Ok'])).toBe(
      `'=SUM(A1),'+47,'-x,'@cmd,'\tx,Kari=Ok\r\n`,
    );
  });

  it('reads back what it wrote', () => {
    const fields = ['Ærlig, «Øst»', 'line\r\nbreak', '"quoted"', 'Å'];
    const text = csvRecord(['a', 'b', 'c', 'd']) + csvRecord(fields);
    expect(parseCsvText(text).rows[0]!.fields).toEqual(fields);
  });
});
