/**
 * A template's own fonts (`fontCatalog`): families that join galley's, faces checked before use.
 * The faces galley does not ship come from Debian packages that `.ci/run` installs:
 * fonts-noto-core (TrueType) and fonts-urw-base35 (OpenType CFF, with ghostscript).
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src/model/loadTemplate.js';
import { inputErrorOf, writeTemplate } from '../support/templateFile.js';

const NOTO = '/usr/share/fonts/truetype/noto';
const URW = '/usr/share/fonts/opentype/urw-base35';
const dir = mkdtempSync(join(tmpdir(), 'galley-fonts-'));

/** A template in `dir` whose catalogue is `families`, and whose body is set in `body`. */
function templateWith(families: Record<string, unknown>, body: unknown = 'Paper Serif'): string {
  const name = Math.random().toString(36).slice(2);
  writeFileSync(join(dir, `${name}-fonts.json`), JSON.stringify({ families }));
  return writeTemplate(
    dir,
    { name, fontCatalog: `${name}-fonts.json`, styles: { body: { family: body } } },
    `${name}.json`,
  );
}

const failure = inputErrorOf;

describe('a template with a fontCatalog', () => {
  it("adds its families to galley's, resolved against the catalogue's folder or absolute", () => {
    const t = loadTemplate(
      templateWith({
        'Paper Serif': {
          faces: { '400': `${NOTO}/NotoSerif-Regular.ttf`, '700': `${NOTO}/NotoSerif-Bold.ttf` },
        },
      }),
    );
    expect(t.styles.body.font).toBe('Paper Serif/400');
    expect(t.styles.body.boldFont).toBe('Paper Serif/700');
    expect(t.fontFiles.get('Paper Serif/400')).toBe(`${NOTO}/NotoSerif-Regular.ttf`);
    // Galley's own faces stay available to the other styles and as fallbacks.
    expect(t.styles.headline.font).toBe('Playfair Display/700');
    expect(t.styles.body.families).toEqual([
      'Paper Serif',
      'Source Serif 4',
      'Playfair Display',
      'Libre Franklin',
      'Noto Serif Khmer',
      'Noto Sans Khmer',
    ]);
  });

  it('takes OpenType (CFF) faces and a list of families in fallback order', () => {
    const t = loadTemplate(
      templateWith({ 'Paper Roman': { faces: { '400': `${URW}/NimbusRoman-Regular.otf` } } }, [
        'Paper Roman',
        'Noto Serif Khmer',
      ]),
    );
    expect(t.styles.body.fallbacks?.['Paper Roman/400']?.[0]).toBe('Noto Serif Khmer/400');
  });

  it('refuses a face whose licence forbids embedding (OS/2 fsType), naming it', () => {
    const restricted = join(dir, 'Restricted.ttf');
    copyFileSync(`${NOTO}/NotoSans-Regular.ttf`, restricted);
    const bytes = readFileSync(restricted);
    // The OS/2 table's fsType (offset 8 in the table): 0x0002, restricted licence embedding.
    const tables = bytes.readUInt16BE(4);
    for (let i = 0; i < tables; i++) {
      const rec = 12 + i * 16;
      if (bytes.toString('latin1', rec, rec + 4) === 'OS/2')
        bytes.writeUInt16BE(2, bytes.readUInt32BE(rec + 8) + 8);
    }
    writeFileSync(restricted, bytes);
    expect(
      failure(() => loadTemplate(templateWith({ 'Paper Serif': { faces: { '400': restricted } } }))),
    ).toMatch(/^families\.Paper Serif\.faces\.400: .*Restricted\.ttf: its licence forbids embedding/);
  });

  it('refuses WOFF files, files that are not fonts, missing files and bad face names', () => {
    const woff = join(dir, 'paper.woff2');
    writeFileSync(woff, 'wOF2');
    expect(failure(() => loadTemplate(templateWith({ 'Paper Serif': { faces: { '400': woff } } })))).toMatch(
      /WOFF fonts cannot be embedded .* convert it to TTF or OTF/,
    );
    const junk = join(dir, 'junk.ttf');
    writeFileSync(junk, 'not a font at all');
    expect(failure(() => loadTemplate(templateWith({ 'Paper Serif': { faces: { '400': junk } } })))).toMatch(
      /junk\.ttf is not a font galley can read/,
    );
    expect(
      failure(() =>
        loadTemplate(templateWith({ 'Paper Serif': { faces: { '400': join(dir, 'gone.ttf') } } })),
      ),
    ).toMatch(/no such file: .*gone\.ttf/);
    expect(
      failure(() =>
        loadTemplate(templateWith({ 'Paper Serif': { faces: { bold: `${NOTO}/NotoSerif-Bold.ttf` } } })),
      ),
    ).toMatch(/^families\.Paper Serif\.faces\.bold: /);
  });

  it("refuses a family that takes the name of one of galley's", () => {
    expect(
      failure(() =>
        loadTemplate(
          templateWith(
            { 'Source Serif 4': { faces: { '400': `${NOTO}/NotoSerif-Regular.ttf` } } },
            'Source Serif 4',
          ),
        ),
      ),
    ).toMatch(/^families\.Source Serif 4: galley ships a family of this name/);
  });

  it('names the list entry that is not a known family', () => {
    expect(
      failure(() =>
        loadTemplate(
          templateWith({ 'Paper Serif': { faces: { '400': `${NOTO}/NotoSerif-Regular.ttf` } } }, [
            'Paper Serif',
            'Nope',
          ]),
        ),
      ),
    ).toMatch(/^styles\.body\.family\[1\]: unknown font family "Nope" \(known: .*Paper Serif\)/);
  });
});
