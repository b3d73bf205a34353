/**
 * Inline emphasis in body text: *italic*, **bold**, ***both***; "\*" is a literal asterisk.
 * An unmatched marker is kept as text, so nothing a journalist typed is ever lost.
 */
import type { InlineRun } from '../text/types.js';

export function parseInline(text: string): InlineRun[] {
  const runs: InlineRun[] = [];
  let italic = false;
  let bold = false;
  let current = '';
  const flush = () => {
    if (current) runs.push({ text: current, ...(italic && { italic }), ...(bold && { bold }) });
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === '*') {
      current += '*';
      i++;
      continue;
    }
    if (ch !== '*') {
      current += ch;
      continue;
    }
    let n = 1;
    while (text[i + n] === '*') n++;
    const wantsBold = n >= 2;
    const wantsItalic = n === 1 || n >= 3;
    // Only toggle when a closing marker exists for an opening one; otherwise keep the asterisks.
    const opening = (wantsBold && !bold) || (wantsItalic && !italic);
    if (opening && text.indexOf('*'.repeat(n), i + n) < 0) {
      current += '*'.repeat(n);
      i += n - 1;
      continue;
    }
    flush();
    if (wantsBold) bold = !bold;
    if (wantsItalic) italic = !italic;
    i += n - 1;
  }
  flush();
  return mergeRuns(runs);
}

function mergeRuns(runs: InlineRun[]): InlineRun[] {
  const out: InlineRun[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && !!last.italic === !!run.italic && !!last.bold === !!run.bold) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

export function plainText(runs: readonly InlineRun[]): string {
  return runs.map((r) => r.text).join('');
}
