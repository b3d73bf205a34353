/**
 * What a page depends on, for `--changed-only`: a template's own fonts are among its inputs, so
 * replacing a face's file re-sets the pages that use the template.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEdition } from '../../src/edition/loadEdition.js';
import { pageInputsHashes } from '../../src/edition/pageInputsHash.js';
import { writeTemplate } from '../support/templateFile.js';

const NOTO = '/usr/share/fonts/truetype/noto';

describe('pageInputsHashes', () => {
  it("changes when a face of the template's fontCatalog changes, and only then", () => {
    const dir = mkdtempSync(join(tmpdir(), 'galley-hash-'));
    const face = join(dir, 'Paper.ttf');
    copyFileSync(`${NOTO}/NotoSerif-Regular.ttf`, face);
    writeFileSync(
      join(dir, 'fonts.json'),
      JSON.stringify({ families: { Paper: { faces: { '400': 'Paper.ttf' } } } }),
    );
    writeTemplate(
      dir,
      { name: 'paper', fontCatalog: 'fonts.json', styles: { body: { family: 'Paper' } } },
      'paper.json',
    );
    const article = resolve('samples/cambodia-daily/article.json');
    writeFileSync(
      join(dir, 'edition.json'),
      JSON.stringify({
        name: 'E',
        date: '2026-12-06',
        template: 'paper.json',
        sections: [
          {
            name: 'A',
            prefix: 'A',
            pages: [{ label: 'A1', stories: [{ article, column: 1, columns: 5, top: 0 }] }],
          },
        ],
      }),
    );
    const edition = () => loadEdition(join(dir, 'edition.json'), { allowRoots: [resolve('samples')] });
    const before = pageInputsHashes(edition(), {});
    expect(pageInputsHashes(edition(), {})).toEqual(before);
    copyFileSync(`${NOTO}/NotoSans-Regular.ttf`, face);
    expect(pageInputsHashes(edition(), {})).not.toEqual(before);
  });
});
