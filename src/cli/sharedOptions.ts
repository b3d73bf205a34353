/** Options shared by the commands that set pages (render, preview, edition). */
import type { Argv } from 'yargs';

/** Which pages to set and how: for every command that sets pages. */
export interface PageSettingArgs {
  page?: string;
  breaker: 'total-fit' | 'greedy';
  maxPixels?: number;
  /** Repeatable: `--allow-root a --allow-root b`. */
  allowRoot?: string | string[];
  allowMissingGlyphs?: boolean;
}

/** Render and preview also take a single article, set as a front page. */
export interface CommonInputArgs extends PageSettingArgs {
  template: string;
  columns?: number;
  date?: string;
}

export interface PdfArgs {
  marks: boolean;
  pdfx: 'x1a' | 'x4';
  ppi: number;
  quality: number;
  gray: boolean;
  cache?: string;
}

export function commonInputOptions<T>(y: Argv<T>): Argv<T & CommonInputArgs> {
  return pageSettingOptions(y)
    .option('template', {
      alias: 't',
      type: 'string',
      default: 'broadsheet',
      describe: 'Template for a single article: broadsheet, berliner, tabloid, or a template file',
    })
    .option('columns', {
      alias: 'c',
      type: 'number',
      describe: 'Columns a single article spans (default: all)',
    })
    .option('date', {
      type: 'string',
      describe: 'Date for a single article, yyyy-mm-dd (default: SOURCE_DATE_EPOCH, else 2000-01-01)',
    }) as unknown as Argv<T & CommonInputArgs>;
}

export function pageSettingOptions<T>(y: Argv<T>): Argv<T & PageSettingArgs> {
  return y
    .option('page', {
      alias: 'p',
      type: 'string',
      describe: 'Only these pages of an edition, by label: "A1" or "A1,A2"',
    })
    .option('breaker', {
      choices: ['total-fit', 'greedy'] as const,
      default: 'total-fit' as const,
      describe: 'Line breaker (greedy only to compare)',
    })
    .option('max-pixels', {
      type: 'number',
      describe: 'Refuse photos larger than this many pixels (default 100000000)',
    })
    .option('allow-missing-glyphs', {
      type: 'boolean',
      default: false,
      describe:
        "Set a character no font of its style has as the font's box and report it, instead of refusing the input (exit 2)",
    })
    .option(...allowRootOption) as unknown as Argv<T & PageSettingArgs>;
}

/**
 * `--allow-root DIR` (repeatable): a folder the paths inside input files may reach besides the
 * folder of the file naming them and the current folder. For `galley edition`:
 * `.option(...allowRootOption)` and `loadEdition(manifest, { allowRoots: allowRoots(args.allowRoot) })`.
 */
export const allowRootOption = [
  'allow-root',
  {
    type: 'string',
    requiresArg: true,
    describe:
      "Also allow paths in input files to reach this folder (repeatable; always allowed: the input file's folder and the current folder)",
  },
] as const;

/** The `--allow-root` values as a list. */
export function allowRoots(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function pdfOptions<T>(y: Argv<T>): Argv<T & PdfArgs> {
  return y
    .option('marks', {
      type: 'boolean',
      default: false,
      describe: 'Crop and registration marks and a slug line outside the trim',
    })
    .option('pdfx', {
      choices: ['x1a', 'x4'] as const,
      default: 'x1a' as const,
      describe: 'PDF/X-1a:2001 (newsprint default) or PDF/X-4',
    })
    .option('ppi', {
      type: 'number',
      default: 200,
      describe: 'Photo resolution at the placed size (never upsampled)',
    })
    .option('quality', { type: 'number', default: 85, describe: 'JPEG quality of press photos, 1-100' })
    .option('gray', {
      type: 'boolean',
      default: false,
      describe: 'Black-and-white page: photos in grayscale',
    })
    .option('cache', {
      type: 'string',
      describe: 'Folder of the photo cache (default .galley-cache/photos)',
    }) as unknown as Argv<T & PdfArgs>;
}
