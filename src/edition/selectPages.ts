/** Page indices for a `--page A1,A3` selection (all pages when none is given). */
import { InputError } from '../model/InputError.js';
import type { Edition } from './Edition.js';

export function selectPages(edition: Edition, selection: string | undefined): number[] {
  if (!selection) return edition.pages.map((p) => p.index);
  return selection.split(',').map((label) => {
    const page = edition.pages.find((p) => p.label === label.trim());
    if (!page)
      throw new InputError(
        '',
        '--page',
        `no page "${label.trim()}" in ${edition.file} (pages: ${edition.pages.map((p) => p.label).join(', ')})`,
      );
    return page.index;
  });
}
