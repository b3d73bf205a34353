/**
 * The fit report as a table for the terminal: one row per story, problems coloured on a TTY.
 */
import { WARN_BELOW_PPI } from '../images/resolution.js';
import type { PageReport, StoryReport } from '../layout/types.js';

const COLUMNS = [
  'page',
  'story',
  'lines',
  'overset',
  'jumped',
  'empty',
  'hyph',
  'loose',
  'photos (ppi)',
] as const;

export function formatReport(pages: readonly PageReport[], color = false): string {
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const rows: string[][] = [];
  const marks: ('bad' | 'warn' | 'ok')[][] = [];
  for (const page of pages) {
    for (const s of page.stories) {
      rows.push([
        page.page,
        truncate(s.headline, 34),
        String(s.linesSet),
        String(s.oversetLines),
        String(s.jumpedLines),
        String(s.emptyLines),
        String(s.hyphenatedLines),
        String(s.looseLines),
        photoCell(s.photos),
      ]);
      marks.push([
        'ok',
        'ok',
        'ok',
        s.oversetLines > 0 ? 'bad' : 'ok',
        'ok',
        s.emptyLines > 0 ? 'warn' : 'ok',
        'ok',
        s.looseLines > 0 ? 'warn' : 'ok',
        s.photos.some((p) => !p.placed || p.ppi < WARN_BELOW_PPI) ? 'warn' : 'ok',
      ]);
    }
  }
  const widths = COLUMNS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[], mark?: readonly ('bad' | 'warn' | 'ok')[]) =>
    cells
      .map((c, i) => {
        const padded = i <= 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!);
        const m = mark?.[i];
        return m === 'bad' ? paint(31, padded) : m === 'warn' ? paint(33, padded) : padded;
      })
      .join('  ');
  const out = [line(COLUMNS), widths.map((w) => '-'.repeat(w)).join('  ')];
  rows.forEach((r, i) => {
    out.push(line(r, marks[i]));
  });
  const warnings = pages.flatMap((p) => [
    ...p.warnings.map((w) => `${p.page}: ${w}`),
    ...p.stories.flatMap((s: StoryReport) =>
      s.warnings.map((w) => `${p.page} ${truncate(s.headline, 30)}: ${w}`),
    ),
    ...p.stories.flatMap((s) =>
      s.photos
        .filter((ph) => ph.placed && ph.ppi < WARN_BELOW_PPI)
        .map((ph) => `${p.page} ${ph.file}: ${ph.ppi} ppi is below ${WARN_BELOW_PPI} ppi`),
    ),
  ]);
  // The same warning many times (twenty photos without room) is one line with a count.
  const counts = new Map<string, number>();
  for (const w of warnings) counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const [w, n] of counts) out.push(paint(33, `warning: ${w}${n > 1 ? ` (x${n})` : ''}`));
  return `${out.join('\n')}\n`;
}

/** Each photo's ppi, or for many photos a summary, so the table stays readable. */
function photoCell(photos: StoryReport['photos']): string {
  if (photos.length === 0) return '-';
  if (photos.length <= 3) return photos.map((p) => (p.placed ? String(p.ppi) : 'not placed')).join(' ');
  const placed = photos.filter((p) => p.placed);
  const lowest = placed.length ? `, lowest ${Math.min(...placed.map((p) => p.ppi))}` : '';
  return `${placed.length} of ${photos.length} placed${lowest}`;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}\u2026`;
}
