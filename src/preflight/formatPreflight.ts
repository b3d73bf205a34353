/** A preflight report as a plain-text table and a summary line (for the CLI and logs). */
import type { PreflightResult } from './preflightPdf.js';

export function formatPreflight(results: readonly PreflightResult[], file?: string): string {
  const idWidth = Math.max(5, ...results.map((r) => r.id.length));
  const lines = [`${'STATUS'.padEnd(7)}${'CHECK'.padEnd(idWidth + 2)}DETAILS`];
  for (const r of results) lines.push(`${r.status.padEnd(7)}${r.id.padEnd(idWidth + 2)}${r.message}`);
  const count = (s: PreflightResult['status']) => results.filter((r) => r.status === s).length;
  const fails = count('FAIL');
  const verdict = fails > 0 ? 'FAILED' : count('WARN') > 0 ? 'passed with warnings' : 'passed';
  lines.push(
    '',
    `${file ? `${file}: ` : ''}preflight ${verdict}: ${count('PASS')} pass, ${count('WARN')} warn, ${fails} fail (${results.length} checks)`,
  );
  return lines.join('\n');
}
