/**
 * Overlays on the display list of a real page: layout leaves debug items (columns, baselines,
 * frames, modules, overset, loose lines) in the list; the preview draws exactly the categories a
 * `--show` name turns on, one SVG element per item, and the PDF never sees them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadCliInput } from '../../../src/cli/loadCliInput.js';
import type { DebugCategory, DebugItem, DisplayPage } from '../../../src/display/types.js';
import { composeEdition } from '../../../src/edition/composeEdition.js';
import { createWorkspace } from '../../../src/edition/createWorkspace.js';
import { selectPages } from '../../../src/edition/selectPages.js';
import {
  OVERLAY_STYLES,
  OVERLAYS,
  type PreviewOverlay,
  renderPreviewSvg,
  resolveOverlays,
} from '../../../src/render/preview/index.js';

const ws = createWorkspace();
let a1: DisplayPage;
let overset: DisplayPage;

async function compose(input: string, extra: { columns?: number; page?: string } = {}): Promise<DisplayPage> {
  const edition = loadCliInput(ws, { input, template: 'broadsheet', breaker: 'total-fit', ...extra });
  const { pages } = await composeEdition(ws, edition, {
    pages: selectPages(edition, extra.page).slice(0, 1),
  });
  return pages[0]!.display;
}

beforeAll(async () => {
  a1 = await compose('samples/edition/edition.json', { page: 'A1' });
  // The lead story squeezed into a small module cannot fit: its overset is marked.
  overset = await compose(tightPlan());
});

/** A page plan with the sample lead story in 2 columns x 24 grid lines (it needs far more). */
function tightPlan(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'galley-overlays-')), 'plan.json');
  const story = {
    article: resolve('samples/cambodia-daily/article.json'),
    role: 'lead',
    column: 1,
    columns: 2,
    top: 0,
    depth: 24,
    photos: false,
  };
  const plan = {
    name: 'Test',
    date: '2026-11-29',
    template: 'broadsheet',
    sections: [{ name: 'Front', prefix: 'A', pages: [{ label: 'A1', front: true, stories: [story] }] }],
  };
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

const debug = (p: DisplayPage, c: DebugCategory) =>
  p.items.filter((i): i is DebugItem => i.kind === 'debug' && i.category === c);

/** Overlay elements in the SVG drawn in a category's colour. */
function drawn(svg: string, c: DebugCategory): number {
  const colour = OVERLAY_STYLES[c].stroke ?? OVERLAY_STYLES[c].fill!;
  const opacity = OVERLAY_STYLES[c].strokeOpacity ?? OVERLAY_STYLES[c].fillOpacity;
  return svg.split(/(?=<)/).filter((e) => e.includes(`"${colour}"`) && e.includes(`opacity="${opacity}"`))
    .length;
}

describe('overlays on the display list', () => {
  test('a composed page carries debug items for every overlay', () => {
    expect(debug(a1, 'column')).toHaveLength(6);
    expect(debug(a1, 'baseline').length).toBeGreaterThan(100);
    expect(debug(a1, 'frame').length).toBeGreaterThan(4);
    expect(debug(a1, 'module')).toHaveLength(4);
    expect(debug(a1, 'overset')).toHaveLength(0);
    expect(debug(overset, 'overset').length).toBeGreaterThan(0);
    // Every debug rect lies on the page.
    for (const i of a1.items)
      if (i.kind === 'debug') {
        expect(i.rect.x).toBeGreaterThanOrEqual(a1.boxes.media.x - 0.01);
        expect(i.rect.x + i.rect.width).toBeLessThanOrEqual(a1.boxes.media.x + a1.boxes.media.width + 0.01);
      }
  });

  test('each --show name draws its categories, one element per item, and nothing else', async () => {
    const plain = await renderPreviewSvg(a1, { fontFiles: ws.fontFiles });
    for (const c of Object.keys(OVERLAY_STYLES) as DebugCategory[]) expect(drawn(plain, c)).toBe(0);
    for (const name of Object.keys(OVERLAYS) as PreviewOverlay[]) {
      const page = name === 'overset' ? overset : a1;
      const svg = await renderPreviewSvg(page, { fontFiles: ws.fontFiles, show: [name] });
      const on = resolveOverlays([name]);
      for (const c of Object.keys(OVERLAY_STYLES) as DebugCategory[])
        expect(drawn(svg, c), `${name} / ${c}`).toBe(on.has(c) ? debug(page, c).length : 0);
    }
  });
});
