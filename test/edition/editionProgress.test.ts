import { describe, expect, it } from 'vitest';
import { createEditionProgress } from '../../src/edition/editionProgress.js';
import type { EditionEvent } from '../../src/edition/renderEdition.js';

const report = { page: 'A1', template: 'broadsheet', stories: [], warnings: [] };
const events: EditionEvent[] = [
  { type: 'start', total: 2, toRender: 2, jobs: 2 },
  { type: 'page-start', index: 0, label: 'A1' },
  { type: 'page-start', index: 1, label: 'A2' },
  { type: 'page-done', index: 0, label: 'A1', ms: 120, file: '/out/a1.pdf', report, warnings: [] },
  {
    type: 'page-failed',
    index: 1,
    label: 'A2',
    ms: 5,
    error: { file: 'story.json', field: 'body', reason: 'expected an array' },
  },
];

function capture(isTTY: boolean, quiet = false): string {
  let text = '';
  let clock = 0;
  const show = createEditionProgress(
    { isTTY, columns: 120, write: (s: string) => (text += s) },
    { quiet, now: () => (clock += 1000) },
  );
  for (const e of events) show(e);
  return text;
}

describe('createEditionProgress', () => {
  it('redraws one line in place on a terminal: bar, pages done, the pages being set, ETA', () => {
    const text = capture(true);
    expect(text).toContain('\r\u001b[2K[############............] 1/2 pages setting A2 ETA');
    expect(text).toContain('FAILED A2: story.json: body: expected an array\n');
    expect(text).not.toContain('done A1');
  });

  it('writes plain lines elsewhere, and only failures when quiet', () => {
    expect(capture(false)).toBe(
      'setting A1\nsetting A2\ndone A1 (120 ms)\nFAILED A2: story.json: body: expected an array\n',
    );
    expect(capture(false, true)).toBe('FAILED A2: story.json: body: expected an array\n');
    expect(capture(true, true)).toBe('FAILED A2: story.json: body: expected an array\n');
  });
});
