/**
 * A minimal valid template written to a file, with some fields replaced: the starting point of
 * the tests that need a template of their own (bad values, a fontCatalog, a narrow page).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../src/model/InputError.js';

/** A tabloid-sized, five-column page on an 11 pt grid, with the house styles. */
export const MINIMAL_TEMPLATE = {
  name: 't',
  trim: { width: '11in', height: '17in' },
  margins: { top: 36, right: 36, bottom: 36, left: 36 },
  columns: 5,
  gutter: 12,
  baseline: 11,
  styles: {},
};

/** Writes `dir/name` (a random name if none) with the minimal template's fields and `overrides`. */
export function writeTemplate(dir: string, overrides: Record<string, unknown>, name?: string): string {
  const file = join(dir, name ?? `t${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ ...MINIMAL_TEMPLATE, ...overrides }));
  return file;
}

/** The field and reason of the InputError `f` throws ("no error" if it throws none). */
export function inputErrorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return `${e.field}: ${e.reason}`;
    throw e;
  }
  return 'no error';
}
