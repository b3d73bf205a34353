/**
 * The table printed at the end of `galley edition`: one row per page (status, stories, overset
 * stories, warnings, ms), then the totals (pages, failures, time, pages per second, peak memory).
 */
import type { EditionResult } from './renderEdition.js';

export function formatEditionSummary(result: EditionResult, color = false): string {
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const head = ['page', 'status', 'stories', 'overset', 'warnings', 'ms', 'file'];
  const rows = result.pages.map((p) => {
    const stories = p.report?.stories ?? [];
    const warnings =
      (p.report?.warnings.length ?? 0) +
      stories.reduce((n, s) => n + s.warnings.length, 0) +
      p.warnings.length;
    return [
      p.label,
      p.status,
      String(stories.length),
      String(stories.filter((s) => s.oversetLines > 0).length),
      String(warnings),
      p.ms === undefined ? '-' : String(Math.round(p.ms)),
      p.error
        ? `${[p.error.file, p.error.field].filter(Boolean).join(': ')}: ${p.error.reason}`
        : (p.file?.slice(result.outDir.length + 1) ?? ''),
    ];
  });
  const widths = head.map((h, i) =>
    i === head.length - 1 ? 0 : Math.max(h.length, ...rows.map((r) => r[i]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(head), widths.map((w, i) => '-'.repeat(i === head.length - 1 ? 4 : w)).join('  ')];
  for (const r of rows) {
    const text = line(r);
    out.push(r[1] === 'failed' ? paint(31, text) : Number(r[3]) > 0 ? paint(33, text) : text);
  }
  const count = (s: string) => result.pages.filter((p) => p.status === s).length;
  const overset = result.pages.reduce(
    (n, p) => n + (p.report?.stories.filter((s) => s.oversetLines > 0).length ?? 0),
    0,
  );
  const warnings = rows.reduce((n, r) => n + Number(r[4]), 0);
  out.push(
    '',
    `${result.pages.length} pages: ${count('rendered')} set, ${count('unchanged')} unchanged, ${paint(result.failures.length ? 31 : 0, `${result.failures.length} failed`)}; ` +
      `${overset} overset stories, ${warnings} warnings`,
    `${(result.ms / 1000).toFixed(2)} s, ${result.pagesPerSecond.toFixed(1)} pages/s ${result.jobs === 1 ? 'in one process' : `on ${result.jobs} worker ${result.pool ?? 'processes'}`}, peak memory ${Math.round(result.peakRssMb)} MB`,
  );
  if (result.combined) out.push(`combined edition: ${result.combined}`);
  if (result.combinedSkipped) out.push(paint(31, `combined edition not written: ${result.combinedSkipped}`));
  out.push(`report: ${result.report}`);
  return `${out.join('\n')}\n`;
}
