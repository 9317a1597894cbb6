/**
 * A small RFC 4180 reader, written by hand rather than adding csv-parse: the
 * registry files are UTF-8, comma-separated, with optional double-quoted
 * fields ("" for a quote, line breaks allowed inside quotes) — about forty
 * lines of code, and it must report the line each record starts on, which
 * row-level error messages need.
 */

/** One record of the file and the 1-based line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** Splits `text` into records; blank lines are skipped. Throws CsvSyntaxError on an unterminated or stray quote. */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let fields: string[] = [];
  let field = '';
  // Set once the current field was quoted, so `""` stays a field and a second quote is refused.
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '' || quoted) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    quoted = false;
  };
  while (i < input.length) {
    const c = input[i] as string;
    if (c === '"' && field === '' && !quoted) {
      const quoteLine = line;
      i++;
      for (;;) {
        if (i >= input.length) throw new CsvSyntaxError(quoteLine, 'a quoted field is never closed');
        const q = input[i] as string;
        if (q === '"' && input[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (q === '"') {
          i++;
          break;
        } else {
          if (q === '\n') line++;
          field += q;
          i++;
        }
      }
      const next = input[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new CsvSyntaxError(line, 'unexpected text after a closing quote');
      }
      quoted = true;
      continue;
    }
    if (c === '"') throw new CsvSyntaxError(line, 'a quote inside an unquoted field');
    if (c === ',') {
      fields.push(field);
      field = '';
      quoted = false;
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && input[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || fields.length > 0 || quoted) endRecord();
  return records;
}
