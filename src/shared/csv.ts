/**
 * A small RFC 4180 CSV tokenizer that can be fed text piece by piece, so the register reader can
 * parse a file of any size in bounded memory, and the reference-file parsers can use it on a whole
 * string. Fields may be quoted; inside quotes a doubled quote is one quote character, and commas
 * and line breaks are data. Rows end at LF, CRLF or a lone CR outside quotes.
 */

export type CsvRow = { fields: string[]; line: number };

/** A syntax problem, with the 1-based line on which the offending row starts. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

type State = 'field-start' | 'unquoted' | 'quoted' | 'quote-in-quoted' | 'after-quoted';

export class CsvTokenizer {
  private readonly delimiter: number;
  private state: State = 'field-start';
  private field = '';
  private fields: string[] = [];
  private line = 1;
  private rowLine = 1;
  private skipLineFeed = false;

  constructor(delimiter: ',' | ';') {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * Feeds the next piece of text and appends the rows it completed to `rows`. When it throws, the
   * rows completed before the problem are already in `rows`, so a reader can still hand them on.
   */
  push(text: string, rows: CsvRow[] = []): CsvRow[] {
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (this.state === 'quoted') {
        const quote = text.indexOf('"', i);
        const end = quote === -1 ? n : quote;
        const piece = text.slice(i, end);
        this.field += piece;
        this.countLineBreaks(piece);
        if (quote === -1) break;
        this.state = 'quote-in-quoted';
        i = quote + 1;
        continue;
      }
      const c = text.charCodeAt(i);
      if (this.skipLineFeed) {
        this.skipLineFeed = false;
        if (c === LF) {
          i++;
          continue;
        }
      }
      if (this.state === 'quote-in-quoted') {
        if (c === QUOTE) {
          // A doubled quote inside a quoted field stands for one quote character.
          this.field += '"';
          this.state = 'quoted';
          i++;
          continue;
        }
        this.state = 'after-quoted';
      }
      if (c === this.delimiter) {
        this.endField();
        i++;
        continue;
      }
      if (c === LF || c === CR) {
        this.endField();
        rows.push({ fields: this.fields, line: this.rowLine });
        this.fields = [];
        this.line++;
        this.rowLine = this.line;
        this.skipLineFeed = c === CR;
        i++;
        continue;
      }
      if (this.state === 'after-quoted') {
        throw new CsvSyntaxError(
          `line ${this.line}: unexpected text after the closing quote of field ${this.fields.length + 1}`,
          this.rowLine,
        );
      }
      if (c === QUOTE) {
        if (this.state === 'field-start') {
          this.state = 'quoted';
          i++;
          continue;
        }
        throw new CsvSyntaxError(
          `line ${this.line}: a quote in the middle of unquoted field ${this.fields.length + 1}`,
          this.rowLine,
        );
      }
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === this.delimiter || d === LF || d === CR || d === QUOTE) break;
        j++;
      }
      this.field += text.slice(i, j);
      this.state = 'unquoted';
      i = j;
    }
    return rows;
  }

  /** Ends the input: returns the last row when the text did not end with a line break. */
  end(rows: CsvRow[] = []): CsvRow[] {
    if (this.state === 'quoted') {
      throw new CsvSyntaxError(
        `the quoted field ${this.fields.length + 1} of the row on line ${this.rowLine} never closes`,
        this.rowLine,
      );
    }
    const started = this.fields.length > 0 || this.field !== '' || this.state !== 'field-start';
    if (!started) return rows;
    this.endField();
    rows.push({ fields: this.fields, line: this.rowLine });
    this.fields = [];
    return rows;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = 'field-start';
  }

  private countLineBreaks(piece: string): void {
    let at = piece.indexOf('\n');
    while (at !== -1) {
      this.line++;
      at = piece.indexOf('\n', at + 1);
    }
  }
}

/** The delimiter a header line uses: a comma, or a semicolon when the header has no comma. */
export function detectDelimiter(headerLine: string): ',' | ';' {
  return !headerLine.includes(',') && headerLine.includes(';') ? ';' : ',';
}

/** A blank line reads as one empty field; readers skip those rather than count them as rows. */
export function isBlankRow(fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0] === '';
}

export type CsvTable = { header: string[]; rows: CsvRow[] };

/** Parses a whole CSV text (UTF-8 BOM allowed), detecting the delimiter from the header line. */
export function parseCsvText(text: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstBreak = body.search(/[\r\n]/);
  const tokenizer = new CsvTokenizer(detectDelimiter(firstBreak === -1 ? body : body.slice(0, firstBreak)));
  const all = [...tokenizer.push(body), ...tokenizer.end()].filter((row) => !isBlankRow(row.fields));
  const [first, ...rows] = all;
  if (!first) return { header: [], rows: [] };
  return { header: first.fields.map((name) => name.trim()), rows };
}

/** Text that starts a UTF-8 file so spreadsheet programs read it as UTF-8 rather than guessing. */
export const UTF8_BOM = '\uFEFF';

/**
 * One CSV record (RFC 4180): fields joined by commas, ended by CRLF. A field holding a comma, a
 * quote or a line break is quoted, with its quotes doubled. A field a spreadsheet would run as a
 * formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so a
 * name typed into Klynge cannot become a formula in the reader's spreadsheet.
 */
export function csvRecord(fields: readonly (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
