/**
 * The display list of a page: every placed element turned into positioned items. Lines become one
 * glyph item per run; nothing is measured or decided here, only converted.
 */
import type { PageLayout, PlacedLine } from '../layout/types.js';
import type { DisplayItem, DisplayPage, GlyphsItem } from './types.js';

/** Room around the trim for crop marks and the slug, when marks are asked for. */
export const MARKS_MARGIN = 36;

export function toDisplayPage(layout: PageLayout, options: { marks?: boolean } = {}): DisplayPage {
  const items: DisplayItem[] = [];
  for (const el of layout.elements) {
    switch (el.kind) {
      case 'lines':
        for (const placed of el.lines) items.push(...toLineItems(placed));
        break;
      case 'rule':
        items.push({ kind: 'rule', from: el.from, to: el.to, width: el.width, color: el.color });
        break;
      case 'rect':
        items.push({
          kind: 'rect',
          rect: el.rect,
          ...(el.fill && { fill: el.fill }),
          ...(el.stroke && { stroke: el.stroke }),
        });
        break;
      case 'photo':
        items.push({ kind: 'image', rect: el.rect, source: el.source, crop: el.crop, ppi: el.ppi });
        break;
      case 'debug':
        items.push({ kind: 'debug', rect: el.rect, label: el.label, category: el.category });
        break;
    }
  }
  const { width, height, bleed } = layout;
  const extra = options.marks ? Math.max(MARKS_MARGIN, bleed + 24) : bleed;
  return {
    label: layout.label,
    width,
    height,
    boxes: {
      trim: { x: 0, y: 0, width, height },
      bleed: { x: -bleed, y: -bleed, width: width + 2 * bleed, height: height + 2 * bleed },
      media: { x: -extra, y: -extra, width: width + 2 * extra, height: height + 2 * extra },
    },
    items,
  };
}

/** One glyph item per run of a set line placed on the page. */
export function toLineItems(placed: PlacedLine): GlyphsItem[] {
  return placed.line.runs
    .filter((run) => run.glyphs.length > 0)
    .map((run) => ({
      kind: 'glyphs',
      x: placed.x + run.x,
      y: placed.y + run.dy,
      font: run.font,
      size: run.size,
      color: run.color,
      ...(run.hScale !== 1 && { hScale: run.hScale }),
      glyphs: run.glyphs,
      text: run.text,
    }));
}
