/**
 * Sets the pages of an edition in this process, one after another, into one display document.
 * (`galley edition` spreads pages over workers instead: see renderEdition.ts.)
 */
import type { DisplayDocument } from '../display/types.js';
import { type ComposedPage, composePage } from './composePage.js';
import type { Workspace } from './createWorkspace.js';
import type { Edition } from './Edition.js';

export async function composeEdition(
  ws: Workspace,
  edition: Edition,
  options: { marks?: boolean; pages?: readonly number[] } = {},
): Promise<{ pages: ComposedPage[]; document: DisplayDocument }> {
  const indices = options.pages ?? edition.pages.map((p) => p.index);
  const pages: ComposedPage[] = [];
  for (const i of indices) pages.push(await composePage(ws, edition, i, options));
  return {
    pages,
    document: {
      title: `${edition.newspaper ?? edition.name} ${edition.date}`,
      date: edition.date,
      pages: pages.map((p) => p.display),
    },
  };
}
