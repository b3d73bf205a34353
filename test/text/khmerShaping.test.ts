/**
 * Khmer shaping checked against HarfBuzz: every glyph run of the Khmer sample page, as galley put
 * it in the display list (fontkit's shaping), must have exactly the glyph ids that Debian's
 * `hb-shape` (HarfBuzz, the shaper of browsers and LuaTeX) gives for the same text and font file.
 * `.ci/run` installs libharfbuzz-bin.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GlyphsItem } from '../../src/display/types.js';
import { composeEdition } from '../../src/edition/composeEdition.js';
import { createWorkspace } from '../../src/edition/createWorkspace.js';
import { loadEdition } from '../../src/edition/loadEdition.js';
import { hasDictionaryScript } from '../../src/text/scripts.js';

describe('Khmer shaping', () => {
  it('matches HarfBuzz glyph for glyph on every Khmer run of the bilingual sample', async () => {
    const ws = createWorkspace();
    const { pages } = await composeEdition(ws, loadEdition('samples/khmer/edition.json'), { pages: [0] });
    const runs = pages[0]!.display.items.filter(
      (i): i is GlyphsItem => i.kind === 'glyphs' && hasDictionaryScript(i.text),
    );
    expect(runs.length).toBeGreaterThan(300);
    const byFont = new Map<string, GlyphsItem[]>();
    for (const r of runs) byFont.set(r.font, [...(byFont.get(r.font) ?? []), r]);
    const dir = mkdtempSync(join(tmpdir(), 'galley-hb-'));
    let compared = 0;
    for (const [font, list] of byFont) {
      const textFile = join(dir, 'runs.txt');
      writeFileSync(textFile, list.map((r) => r.text).join('\n'));
      const out = execFileSync(
        'hb-shape',
        [
          '--no-glyph-names',
          '--no-positions',
          '--no-clusters',
          `--text-file=${textFile}`,
          ws.fontFiles.get(font)!,
        ],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      )
        .trim()
        .split('\n');
      expect(out).toHaveLength(list.length);
      for (const [i, run] of list.entries()) {
        const harfbuzz = out[i]!.slice(1, -1).split('|').map(Number);
        expect({ text: run.text, font, ids: run.glyphs.map((g) => g.id) }).toEqual({
          text: run.text,
          font,
          ids: harfbuzz,
        });
        compared++;
      }
    }
    expect(compared).toBe(runs.length);
  });
});
