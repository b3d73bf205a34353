/**
 * Page furniture: the flag (masthead) across the top of a front page with its date bar, or the
 * folio line across the top of an inside page. Returns the grid lines it takes, so stories start
 * below it.
 */
import type { Template } from '../model/template.js';
import { formatLongDate } from './formatDate.js';
import { stackLines } from './stackLines.js';
import { setText, type TypesetContext } from './TypesetContext.js';
import type { PlacedElement } from './types.js';

export interface PageInfo {
  label: string;
  section: string;
  date: string;
  edition: string;
  newspaper: string;
}

export interface Furniture {
  elements: PlacedElement[];
  gridLines: number;
}

const FOLIO_LINES = 2;

export function layoutFurniture(ctx: TypesetContext, t: Template, page: PageInfo, front: boolean): Furniture {
  const { x, y, width } = t.typeArea;
  const B = t.baseline;
  const black = t.rules.color;
  const elements: PlacedElement[] = [];
  const line = (l: number, text: string, style: Template['styles']['folio']) =>
    stackLines(setText(ctx, text, style, width), style, ctx.shaper, x, y + l * B, B).lines;
  const rule = (yy: number, w: number): PlacedElement => ({
    kind: 'rule',
    from: { x, y: yy },
    to: { x: x + width, y: yy },
    width: w,
    color: black,
  });

  if (front && t.flag) {
    const depth = t.flag.depth;
    // The title is one line: a face wider than the template's size allows (a paper's own face)
    // is set smaller, in steps of 5%, rather than wrapped over the date bar.
    let flagStyle = t.styles.flag;
    let titleLines = setText(ctx, t.flag.title, flagStyle, width);
    for (let step = 0; titleLines.length > 1 && step < 20; step++) {
      flagStyle = { ...flagStyle, size: flagStyle.size * 0.95 };
      titleLines = setText(ctx, t.flag.title, flagStyle, width);
    }
    // The title hangs from the top of the type area; template depths leave room for its descenders.
    const title = stackLines(titleLines, flagStyle, ctx.shaper, x, y + B / 2, B);
    elements.push({ kind: 'lines', lines: title.lines });
    if (t.flag.tagline)
      elements.push({ kind: 'lines', lines: line(depth - 4, t.flag.tagline, t.styles.flagLine) });
    // The date bar: a thick and a thin rule around edition, date and page.
    elements.push(rule(y + (depth - 3) * B + B / 2, 2));
    const bar = `${page.edition}   \u2022   ${formatLongDate(page.date)}   \u2022   ${page.label}`;
    elements.push({ kind: 'lines', lines: line(depth - 2, bar, t.styles.flagLine) });
    elements.push(rule(y + (depth - 1) * B + B / 4, 0.5));
    return { elements, gridLines: depth };
  }
  const folio = t.styles.folio;
  const left = setText(ctx, `${page.label}   ${page.section}`, folio, width);
  const right = setText(
    ctx,
    `${page.newspaper}   \u2022   ${formatLongDate(page.date)}`,
    { ...folio, align: 'right' },
    width,
  );
  const baseline = y + B * 0.78;
  elements.push({
    kind: 'lines',
    lines: [...left.slice(0, 1), ...right.slice(0, 1)].map((l) => ({ x, y: baseline, line: l })),
  });
  elements.push(rule(y + B + B / 4, 0.75));
  return { elements, gridLines: FOLIO_LINES };
}
