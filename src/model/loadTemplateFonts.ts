/**
 * A template's own fonts: the catalogue its `fontCatalog` names (the form of galley's
 * fonts/catalog.json), every face checked before any page uses it. A face must be a TrueType or
 * OpenType (CFF) file that fontkit reads and pdfkit can subset and embed, and its licence bits
 * (OS/2 fsType) must allow embedding in a PDF: a restricted or bitmap-only face, or one that
 * forbids subsetting, is refused, as are WOFF/WOFF2 (pdfkit fails on them when it subsets; see
 * STACK.md), collections (.ttc) and variable fonts (pdfkit would embed the default instance, not
 * the named one).
 */
import { existsSync } from 'node:fs';
import { dirname, extname, relative, resolve } from 'node:path';
import { z } from 'zod';
import { type CatalogFile, catalogFrom, type FontCatalog, loadFontCatalog } from './fontCatalog.js';
import { InputError } from './InputError.js';
import { openFontFile } from './openFontFile.js';
import { parseWithSchema } from './parseWithSchema.js';
import { readDataFile } from './readDataFile.js';

const FACE = /^[1-9]00i?$/;

export const FontCatalogSchema = z
  .strictObject({
    $comment: z.string().optional(),
    families: z.record(
      z.string().min(1),
      z.strictObject({
        role: z.string().optional(),
        faces: z
          .record(
            z.string().regex(FACE, 'a face is a weight 100..900, with "i" for italic: "400", "700i"'),
            z.string().min(1),
          )
          .refine((f) => Object.keys(f).length > 0, 'a family needs at least one face'),
      }),
    ),
  })
  .describe('A font catalogue: families and their faces (weight, "i" for italic) by file');

const ACCEPTED = new Set(['.ttf', '.otf']);

/**
 * The catalogue named by a template (`catalogPath` as written in it), faces checked. `templateFile`
 * is where the template lies, `shownTemplate` how messages name it.
 */
export function loadTemplateFonts(
  catalogPath: string,
  templateFile: string,
  shownTemplate: string,
): FontCatalog {
  const file = resolve(dirname(templateFile), catalogPath);
  const shown = relative(process.cwd(), file) || file;
  if (!existsSync(file)) throw new InputError(shownTemplate, 'fontCatalog', `no such file: ${shown}`);
  const data = parseWithSchema(
    FontCatalogSchema,
    readDataFile(file, 'font catalogue', shown),
    shown,
  ) as CatalogFile;
  const shipped = loadFontCatalog();
  for (const family of Object.keys(data.families)) {
    if (shipped.families.includes(family))
      throw new InputError(
        shown,
        `families.${family}`,
        'galley ships a family of this name: give yours another name (e.g. with the foundry or "Paper")',
      );
  }
  const catalog = catalogFrom(data, dirname(file));
  for (const [key, face] of catalog.files) {
    const slash = key.lastIndexOf('/');
    checkFace(face, shown, `families.${key.slice(0, slash)}.faces.${key.slice(slash + 1)}`);
  }
  return catalog;
}

function checkFace(file: string, shown: string, field: string): void {
  const fail = (reason: string): never => {
    throw new InputError(shown, field, reason);
  };
  const ext = extname(file).toLowerCase();
  const name = relative(process.cwd(), file) || file;
  if (ext === '.woff' || ext === '.woff2')
    fail(`${name}: WOFF fonts cannot be embedded in print PDFs by galley; convert it to TTF or OTF`);
  if (!ACCEPTED.has(ext)) fail(`${name}: expected a .ttf or .otf font file`);
  if (!existsSync(file)) fail(`no such file: ${name}`);
  const font = (() => {
    try {
      return openFontFile(file);
    } catch (e) {
      return fail(`${name} is not a font galley can read (${(e as Error).message.split('\n')[0]})`);
    }
  })();
  if (font.variationAxes && Object.keys(font.variationAxes).length > 0)
    fail(
      `${name} is a variable font: make a static instance of each face (e.g. fonttools varLib.instancer) and name those files`,
    );
  const fsType = font['OS/2']?.fsType as
    | { noEmbedding?: boolean; bitmapOnly?: boolean; noSubsetting?: boolean }
    | undefined;
  if (fsType?.noEmbedding)
    fail(`${name}: its licence forbids embedding (OS/2 fsType "restricted licence"): it cannot go in a PDF`);
  if (fsType?.bitmapOnly) fail(`${name}: its licence allows only bitmap embedding (OS/2 fsType)`);
  if (fsType?.noSubsetting)
    fail(`${name}: its licence forbids subsetting (OS/2 fsType), and print PDFs embed subsets`);
}
