/**
 * Pins the line breaks of real corpus paragraphs (the longest paragraph of each corpus article) in
 * the body style with the bundled fonts: any change to the breaker's choices shows up as a text
 * diff of test/text/__golden__/corpusBreaks.txt. Review such a diff like a layout change; accept it
 * with `npx vitest run test/text -u` only when the change is intended.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bodyTextStyle } from '../../src/text/bodyTextStyle.js';
import { createFontkitShaper } from '../../src/text/createFontkitShaper.js';
import { greedyEngines, totalFitEngines } from '../../src/text/engines.js';
import { loadFonts } from '../../src/text/loadFonts.js';
import type { Engines, LineSlots, SetLine, TextStyle } from '../../src/text/types.js';

const corpus = JSON.parse(
  readFileSync(new URL('./fixtures/corpusParagraphs.json', import.meta.url), 'utf8'),
) as { paragraphs: { id: string; text: string }[] };

const shaper = createFontkitShaper(loadFonts());
/** The broadsheet column of bench/text.ts: 6 columns on 828 pt with 12 pt gutters. */
const COLUMN = (828 - 5 * 12) / 6;

function lineText(line: SetLine): string {
  const text = line.runs
    .filter((r) => r.dy === 0)
    .map((r) => r.text)
    .join(' ');
  const flags = [line.hyphenated ? 'H' : '', line.loose ? 'L' : '', line.overfull ? 'O' : ''].join('');
  return `${text} | ${line.ratio.toFixed(3)}${flags ? ` ${flags}` : ''}`;
}

interface Scenario {
  name: string;
  style: Partial<TextStyle>;
  slots: LineSlots;
  engines?: Engines;
}

const SCENARIOS: Scenario[] = [
  { name: 'body, 128 pt', style: {}, slots: { width: () => COLUMN } },
  { name: 'body, 96 pt', style: {}, slots: { width: () => 96 } },
  { name: 'body, 200 pt', style: {}, slots: { width: () => 200 } },
  {
    name: 'body, 80 pt beside a float for 4 lines, then 128 pt, column foot after line 8',
    style: {},
    slots: { width: (i) => (i < 4 ? 80 : COLUMN), columnBottom: (i) => i === 8 },
  },
  { name: 'drop cap over 3 lines, 128 pt', style: { dropCapLines: 3 }, slots: { width: () => COLUMN } },
  { name: 'ragged right, 128 pt', style: { align: 'left' }, slots: { width: () => COLUMN } },
  { name: 'greedy, 128 pt', style: {}, slots: { width: () => COLUMN }, engines: greedyEngines },
];

describe('corpus paragraphs: pinned line breaks', () => {
  it('sets the corpus paragraphs exactly as pinned', async () => {
    const out: string[] = [];
    for (const sc of SCENARIOS) {
      const engines = sc.engines ?? totalFitEngines;
      const style = bodyTextStyle(sc.style);
      out.push(`## ${sc.name}`, '');
      for (const para of corpus.paragraphs) {
        const p = engines.prepare(
          { runs: [{ text: para.text }], style, language: 'en-US', indentFirstLine: true },
          shaper,
        );
        out.push(`### ${para.id}`);
        for (const line of engines.setLines(p, sc.slots)) out.push(lineText(line));
        out.push('');
      }
    }
    await expect(out.join('\n')).toMatchFileSnapshot('./__golden__/corpusBreaks.txt');
  });
});
