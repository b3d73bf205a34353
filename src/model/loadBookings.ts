/**
 * Loads an ad booking file (CSV: page or section, size, position, advertiser, artwork) and
 * checks each row against the budget's sections: a size in an unknown unit, a page no section
 * can have or a section that does not exist names its line.
 */
import { dirname, resolve } from 'node:path';
import { InputError } from './InputError.js';
import { parseWithSchema } from './parseWithSchema.js';
import { csvField, readCsvRows } from './readCsvRows.js';
import { readTextFile } from './readDataFile.js';
import { type PathPolicy, resolveInsideRoots } from './resolveInsideRoots.js';
import { BookingSchema } from './schema/budgetSchema.js';

export interface Booking {
  /** "line 4": where the booking is, for messages. */
  field: string;
  sectionIndex: number;
  /** The page's number within its section (1-based), when booked on a page. */
  pageNumber?: number;
  columns: number;
  /** As the edition manifest takes it: "4in", "120mm", "20 lines". */
  depth: string;
  position: 'pyramid' | 'bottom left' | 'bottom right';
  label: string;
  artworkPath?: string;
}

const SIZE = /^(\d+)\s*(?:col(?:umns?|s)?\.?)?\s*[x×*]\s*(\d+(?:\.\d+)?)\s*([a-z]+)$/i;
const UNITS: Record<string, string> = {
  in: 'in',
  inch: 'in',
  inches: 'in',
  '"': 'in',
  mm: 'mm',
  cm: 'cm',
  pt: 'pt',
  line: ' lines',
  lines: ' lines',
  l: ' lines',
};

export function loadBookings(
  file: string,
  sections: readonly { name: string; prefix: string }[],
  policy: PathPolicy = {},
): Booking[] {
  const dir = dirname(resolve(file));
  return readCsvRows(readTextFile(file, 'ad bookings'), file).map((row): Booking => {
    const at = (key: string) => csvField(row, key);
    let data: ReturnType<typeof BookingSchema.parse>;
    try {
      data = parseWithSchema(BookingSchema, row.fields, file);
    } catch (e) {
      if (e instanceof InputError) throw new InputError(file, at(e.field), e.reason);
      throw e;
    }
    const size = SIZE.exec(data.size.replace(/"$/, 'in'));
    if (!size)
      throw new InputError(
        file,
        at('size'),
        `expected columns x depth like "3x4in", "2 x 120mm" or "6x20 lines", got "${data.size}"`,
      );
    const unit = UNITS[size[3]!.toLowerCase()];
    if (!unit)
      throw new InputError(file, at('size'), `unknown unit "${size[3]}" (use in, mm, cm, pt or lines)`);
    if (unit === ' lines' && !/^\d+$/.test(size[2]!))
      throw new InputError(file, at('size'), 'grid lines are whole numbers');
    const columns = Number(size[1]);
    if (columns < 1) throw new InputError(file, at('size'), 'an ad is at least one column wide');
    let sectionIndex: number;
    let pageNumber: number | undefined;
    if (data.page) {
      // The longest prefix that matches: "AB3" is page 3 of section "AB" before page "B3" of "A".
      const byPrefix = sections
        .map((s, i) => ({ s, i }))
        .filter(({ s }) => data.page.startsWith(s.prefix) && /^\d+$/.test(data.page.slice(s.prefix.length)))
        .sort((a, b) => b.s.prefix.length - a.s.prefix.length)[0];
      if (!byPrefix)
        throw new InputError(
          file,
          at('page'),
          `no section's pages are labelled like "${data.page}" (sections: ${sections.map((s) => `${s.name} ${s.prefix}1, ${s.prefix}2...`).join('; ')})`,
        );
      sectionIndex = byPrefix.i;
      pageNumber = Number(data.page.slice(byPrefix.s.prefix.length));
      if (pageNumber < 1) throw new InputError(file, at('page'), 'pages are numbered from 1');
      if (data.section && data.section !== byPrefix.s.name)
        throw new InputError(
          file,
          at('section'),
          `page ${data.page} is in section "${byPrefix.s.name}", not "${data.section}"`,
        );
    } else if (data.section) {
      sectionIndex = sections.findIndex((s) => s.name === data.section);
      if (sectionIndex < 0)
        throw new InputError(
          file,
          at('section'),
          `no section is named "${data.section}" (sections: ${sections.map((s) => s.name).join(', ')})`,
        );
    } else
      throw new InputError(file, at('page'), 'give the page (e.g. "A3") or the section the ad is booked in');
    return {
      field: at(''),
      sectionIndex,
      ...(pageNumber !== undefined && { pageNumber }),
      columns,
      depth: `${size[2]}${unit}`,
      position:
        data.position === '' || data.position === 'any' ? 'pyramid' : (data.position as Booking['position']),
      label: `Advertisement: ${data.advertiser}`,
      ...(data.artwork && {
        artworkPath: resolveInsideRoots(data.artwork, dir, { file, field: at('artwork') }, policy),
      }),
    };
  });
}
