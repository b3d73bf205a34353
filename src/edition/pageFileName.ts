/**
 * File names of an edition's page PDFs from a pattern such as "{edition}-{date}-{page}.pdf": every
 * value slugified (lower case, ASCII letters, digits and dashes), so names are safe on any file
 * system and sort by section and page label.
 */
import { InputError } from '../model/InputError.js';
import type { Edition } from './Edition.js';

export const DEFAULT_NAME_PATTERN = '{edition}-{date}-{page}.pdf';

const FIELDS = ['edition', 'newspaper', 'date', 'page', 'section', 'index'] as const;

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** One file name per page, in page order; refuses patterns that name two pages alike or leave the folder. */
export function pageFileNames(edition: Edition, pattern = DEFAULT_NAME_PATTERN): string[] {
  for (const [, name] of pattern.matchAll(/\{([^}]*)\}/g)) {
    if (!(FIELDS as readonly string[]).includes(name!)) {
      throw new InputError(
        '',
        '--name-pattern',
        `unknown field {${name}}; use ${FIELDS.map((f) => `{${f}}`).join(' ')}`,
      );
    }
  }
  if (/[/\\]/.test(pattern))
    throw new InputError('', '--name-pattern', 'a file name, not a path: no "/" or "\\"');
  const names = edition.pages.map((page) => {
    const values: Record<(typeof FIELDS)[number], string> = {
      edition: edition.name,
      newspaper: edition.newspaper ?? edition.name,
      date: edition.date,
      page: page.label,
      section: page.section,
      index: String(page.index + 1).padStart(3, '0'),
    };
    const name = pattern.replace(/\{([a-z]+)\}/g, (_, f: (typeof FIELDS)[number]) => slugify(values[f]) || f);
    return name.endsWith('.pdf') ? name : `${name}.pdf`;
  });
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const other = seen.get(name);
    if (other !== undefined) {
      throw new InputError(
        '',
        '--name-pattern',
        `pages ${edition.pages[other]!.label} and ${edition.pages[i]!.label} would both be written to ${name}: add {page}`,
      );
    }
    if (name.startsWith('.')) throw new InputError('', '--name-pattern', `"${name}" would be a hidden file`);
    seen.set(name, i);
  });
  return names;
}
