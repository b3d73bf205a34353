/**
 * CSV at the input edge (budgets and ad bookings as newsroom and advertising systems export
 * them): a header row of field names, one record per row, each with the line it came from so a
 * mistake names it ("line 4, size: ..."). Parsing is csv-parse's; the messages are ours.
 */
import { parse } from 'csv-parse/sync';
import { InputError } from './InputError.js';

export interface CsvRow {
  /** The line of the file the record starts on (the header is line 1). */
  line: number;
  fields: Record<string, string>;
}

export function readCsvRows(text: string, file: string): CsvRow[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      comment: '#',
      comment_no_infix: true,
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number };
    const reason = err.message.replace(/^[A-Z_]+:\s*/, '').replace(/\s*at line \d+\.?$/, '');
    throw new InputError(file, err.lines ? `line ${err.lines}` : '', `invalid CSV: ${reason}`);
  }
  if (records.length === 0) throw new InputError(file, '', 'no rows under the header');
  return records.map(({ record, info }) => ({ line: info.lines, fields: record }));
}

/** A CSV row's field as messages name it: "line 4, size". */
export function csvField(row: CsvRow, path: string): string {
  return path ? `line ${row.line}, ${path}` : `line ${row.line}`;
}
