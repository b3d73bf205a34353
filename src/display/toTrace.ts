/**
 * A stable text trace of a display page: one item a line, numbers rounded to 0.01 pt. Golden tests
 * compare traces, so a layout change shows up as a readable diff.
 */
import type { Color, DisplayItem, DisplayPage } from './types.js';

const r = (n: number) => (Math.round(n * 100) / 100).toFixed(2);
const rect = (x: { x: number; y: number; width: number; height: number }) =>
  `${r(x.x)},${r(x.y)} ${r(x.width)}x${r(x.height)}`;
const color = (c: Color) =>
  c.space === 'gray' ? `gray(${r(c.k)})` : `cmyk(${r(c.c)},${r(c.m)},${r(c.y)},${r(c.k)})`;

export function toTrace(page: DisplayPage, options: { debug?: boolean } = {}): string {
  const lines = [
    `page ${page.label} ${r(page.width)}x${r(page.height)} trim ${rect(page.boxes.trim)} media ${rect(page.boxes.media)}`,
  ];
  for (const item of page.items) {
    if (item.kind === 'debug' && !options.debug) continue;
    lines.push(traceItem(item));
  }
  return `${lines.join('\n')}\n`;
}

function traceItem(item: DisplayItem): string {
  switch (item.kind) {
    case 'glyphs': {
      const width = item.glyphs.reduce((w, g) => w + g.advance, 0);
      const scale = item.hScale && item.hScale !== 1 ? ` h${item.hScale.toFixed(3)}` : '';
      return `glyphs ${r(item.x)},${r(item.y)} w${r(width)} ${item.font} ${r(item.size)}${scale} ${color(item.color)} ${JSON.stringify(item.text)}`;
    }
    case 'rule':
      return `rule ${r(item.from.x)},${r(item.from.y)} -> ${r(item.to.x)},${r(item.to.y)} ${r(item.width)} ${color(item.color)}`;
    case 'rect':
      return `rect ${rect(item.rect)}${item.fill ? ` fill ${color(item.fill)}` : ''}${item.stroke ? ` stroke ${r(item.stroke.width)} ${color(item.stroke.color)}` : ''}`;
    case 'image':
      return `image ${rect(item.rect)} crop ${rect(item.crop)} ${Math.round(item.ppi)}ppi ${item.source.split(/[\\/]/).pop()}`;
    case 'debug':
      return `debug ${item.category} ${rect(item.rect)} ${JSON.stringify(item.label)}`;
  }
}
