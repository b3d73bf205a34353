/**
 * Shows renderEdition's progress on a stream (stderr): on a terminal one line redrawn in place
 * (bar, pages done of total, the page being set, ETA); otherwise one plain line per page. Failures
 * are always printed, on their own line.
 */
import type { EditionEvent } from './renderEdition.js';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const BAR = 24;

export function createEditionProgress(
  stream: ProgressStream,
  options: { quiet?: boolean; now?: () => number } = {},
): (e: EditionEvent) => void {
  const now = options.now ?? (() => performance.now());
  const tty = stream.isTTY === true && !options.quiet;
  let total = 0;
  let done = 0;
  let started = now();
  let shown = false;
  const running = new Set<string>();
  const clear = () => {
    if (tty && shown) stream.write('\r\u001b[2K');
    shown = false;
  };
  const draw = () => {
    if (!tty) return;
    const filled = total ? Math.round((done / total) * BAR) : BAR;
    const elapsed = (now() - started) / 1000;
    const eta = done > 0 && done < total ? ` ETA ${formatSeconds((elapsed / done) * (total - done))}` : '';
    const current = running.size ? ` setting ${[...running].join(' ')}` : '';
    const line = `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${done}/${total} pages${current}${eta}`;
    stream.write(`\r\u001b[2K${line.slice(0, (stream.columns ?? 100) - 1)}`);
    shown = true;
  };
  return (e) => {
    switch (e.type) {
      case 'start':
        total = e.toRender;
        started = now();
        if (!options.quiet && e.toRender < e.total)
          stream.write(`${e.total - e.toRender} of ${e.total} pages unchanged, setting ${e.toRender}\n`);
        draw();
        break;
      case 'page-start':
        running.add(e.label);
        if (!tty && !options.quiet) stream.write(`setting ${e.label}\n`);
        draw();
        break;
      case 'page-done':
        running.delete(e.label);
        done++;
        if (!tty && !options.quiet) stream.write(`done ${e.label} (${Math.round(e.ms)} ms)\n`);
        draw();
        break;
      case 'page-failed':
        running.delete(e.label);
        done++;
        clear();
        stream.write(
          `FAILED ${e.label}: ${[e.error.file, e.error.field].filter(Boolean).join(': ')}: ${e.error.reason}\n`,
        );
        draw();
        break;
      case 'combined':
        clear();
        if (!options.quiet) stream.write(`combined ${e.file} (${Math.round(e.ms)} ms)\n`);
        break;
      case 'done':
        clear();
        break;
      default:
        break;
    }
  };
}

function formatSeconds(s: number): string {
  return s < 60 ? `${Math.ceil(s)}s` : `${Math.floor(s / 60)}m${String(Math.ceil(s % 60)).padStart(2, '0')}s`;
}
