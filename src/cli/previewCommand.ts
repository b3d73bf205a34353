/**
 * `galley preview`: a page as a PNG drawn from the same display list as the PDF, with overlays on
 * request, the fit report after every preview, a contact sheet of a whole edition, and a watch
 * mode that redraws when an input changes.
 */
import { existsSync, type FSWatcher, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Argv } from 'yargs';
import type { Workspace } from '../edition/createWorkspace.js';
import type { Edition } from '../edition/Edition.js';
import { selectPages } from '../edition/selectPages.js';
import { InputError, isInputError } from '../model/InputError.js';
import { OVERLAYS, type PreviewOverlay } from '../render/preview/previewOverlays.js';
import type { CliSession } from './CliSession.js';
import { EXIT_OK } from './exitCodes.js';
import { formatReport } from './formatReport.js';
import { reportError, runCommand } from './runCommand.js';
import { type CommonInputArgs, commonInputOptions } from './sharedOptions.js';
import { writeOutput } from './writeOutput.js';

const OVERLAY_NAMES = Object.keys(OVERLAYS) as PreviewOverlay[];
/** Editors write a file in several steps (truncate, write, rename): redraw once they are done. */
const WATCH_DEBOUNCE_MS = 30;

interface PreviewArgs extends CommonInputArgs {
  input: string;
  output: string;
  dpi: number;
  show?: string;
  sheet: boolean;
  watch: boolean;
  palette: boolean;
  json: boolean;
  variants?: number;
}

export function previewCommand(y: Argv, session: CliSession): Argv {
  return y.command<PreviewArgs>(
    'preview <input>',
    'Draw a page (or a contact sheet of an edition) as a PNG, with the fit report',
    (c) =>
      commonInputOptions(c)
        .positional('input', { type: 'string', describe: 'Article (.json or .md) or edition/page plan' })
        .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'PNG to write' })
        .option('dpi', {
          type: 'number',
          default: 50,
          describe: 'Resolution of the picture (50 shows a broadsheet on a laptop screen)',
        })
        .option('show', {
          type: 'string',
          describe: `Overlays, comma-separated: ${OVERLAY_NAMES.join(', ')}`,
        })
        .option('sheet', {
          type: 'boolean',
          default: false,
          describe: 'Every page as a thumbnail with its label, spreads side by side',
        })
        .option('watch', {
          alias: 'w',
          type: 'boolean',
          default: false,
          describe: 'Redraw whenever an input file changes (Ctrl-C to stop)',
        })
        .option('palette', {
          type: 'boolean',
          default: false,
          describe: 'Write a 256-colour PNG, about a third of the size (for pictures to keep or share)',
        })
        .option('json', { type: 'boolean', default: false, describe: 'Print the fit report as JSON' })
        .option('variants', {
          type: 'number',
          describe: "Page makeup's best N plans of the page, side by side (pages without positions)",
        })
        .example('$0 preview samples/cambodia-daily/article.md -o out/a1.png', 'A page in about a second')
        .example(
          '$0 preview samples/edition/edition.json --page A1 --show grid,baselines,frames,overset -o out/a1.png',
          'With the grid and fit problems marked',
        )
        .example(
          '$0 preview samples/edition/edition.json --sheet -o out/sheet.png',
          'A contact sheet of the edition',
        )
        .example('$0 preview samples/cambodia-daily/article.md --watch -o out/a1.png', 'Redraw on every save')
        .example('$0 preview samples/khmer/edition.json --page K1 -o out/k1.png', 'A Khmer and English page')
        .example(
          '$0 preview story.json --allow-missing-glyphs -o out/proof.png',
          'Preview a story with characters its fonts lack (boxes, reported)',
        )
        .example(
          '$0 preview samples/makeup/edition.json --page A1 --variants 4 -o out/a1-variants.png',
          "Page makeup's four best plans of A1, side by side",
        ),
    (args) =>
      runCommand(session, async () => {
        const show = parseShow(args.show);
        const [
          { createWorkspace },
          { composeEdition },
          { loadCliInput },
          {
            createPreviewImageCache,
            createPreviewRasterCache,
            renderContactSheet,
            renderPreviewPng,
            renderSideBySide,
          },
          { composePage },
        ] = await Promise.all([
          import('../edition/createWorkspace.js'),
          import('../edition/composeEdition.js'),
          import('./loadCliInput.js'),
          import('../render/preview/index.js'),
          import('../edition/composePage.js'),
        ]);
        const variants = args.variants;
        if (variants !== undefined && (!Number.isInteger(variants) || variants < 1 || variants > 8))
          throw new InputError('', '--variants', 'expected a whole number from 1 to 8');
        const ws = createWorkspace({
          breaker: args.breaker,
          ...(args.watch && { keepLayouts: true }),
          ...(args.maxPixels && { limitInputPixels: args.maxPixels }),
          ...(args.allowMissingGlyphs && { allowMissingGlyphs: true }),
        });
        const imageCache = createPreviewImageCache();
        // Only a watching preview draws again; one picture has nothing to reuse.
        const rasterCache = args.watch ? createPreviewRasterCache() : undefined;
        /** Draws the preview; returns every file it read (inputs, articles, photos) for the watcher. */
        const draw = async (): Promise<string[]> => {
          const started = performance.now();
          const edition = loadCliInput(ws, args);
          const wanted = selectPages(edition, args.page);
          const indices = args.sheet ? wanted : wanted.slice(0, 1);
          const { pages } = variants
            ? {
                pages: await Promise.all(
                  Array.from({ length: variants }, (_, k) =>
                    composePage(ws, edition, wanted[0]!, { variant: k, variants }),
                  ),
                ),
              }
            : await composeEdition(ws, edition, { pages: indices });
          const png = variants
            ? await renderSideBySide(
                await Promise.all(
                  pages.map((p) =>
                    renderPreviewPng(p.display, {
                      fontFiles: ws.fontFiles,
                      dpi: args.dpi,
                      show,
                      imageCache,
                      palette: args.palette,
                    }),
                  ),
                ),
                { palette: args.palette },
              )
            : args.sheet
              ? await renderContactSheet(
                  pages.map((p) => ({ label: p.display.label, png: p.display })),
                  { fontFiles: ws.fontFiles, palette: args.palette },
                )
              : await renderPreviewPng(pages[0]!.display, {
                  fontFiles: ws.fontFiles,
                  dpi: args.dpi,
                  show,
                  imageCache,
                  palette: args.palette,
                  ...(rasterCache && { rasterCache }),
                });
          await writeOutput(args.output, png);
          const reports = pages.map((p) => p.layout.report);
          if (args.json) session.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
          else session.stdout.write(formatReport(reports, session.stdout.isTTY));
          session.stdout.write(`wrote ${args.output} in ${Math.round(performance.now() - started)} ms\n`);
          const photos = pages.flatMap((p) =>
            p.display.items.flatMap((i) => (i.kind === 'image' ? [i.source] : [])),
          );
          return [...inputFiles(args.input, edition), ...photos];
        };
        if (!args.watch) {
          await draw();
          return EXIT_OK;
        }
        let files: string[];
        try {
          files = await draw();
        } catch (e) {
          // Watch mode starts even on a bad input file (the editor is about to fix it), not on a
          // missing input or a bad option (an InputError without a file).
          if (!existsSync(args.input) || (isInputError(e) && e.file === '')) throw e;
          reportError(e, session.stderr);
          files = [args.input];
          try {
            files = inputFiles(args.input, loadCliInput(ws, args));
          } catch {}
        }
        await watchInputs(session, ws, files, draw);
        return EXIT_OK;
      }),
  );
}

function parseShow(show: string | undefined): PreviewOverlay[] {
  if (!show) return [];
  return show.split(',').map((s) => {
    const name = s.trim() as PreviewOverlay;
    if (!OVERLAY_NAMES.includes(name))
      throw new InputError('', '--show', `unknown overlay "${s}" (choose from ${OVERLAY_NAMES.join(', ')})`);
    return name;
  });
}

function inputFiles(input: string, edition: Edition): string[] {
  return [input, ...edition.pages.flatMap((p) => p.stories.map((s) => s.articlePath))];
}

/**
 * Redraws on change, debounced; an error is printed and the last good preview stays in place.
 * Folders are watched, not files: editors that save by writing a new file and renaming it over
 * the old one (vim, many IDEs) would leave a file watcher on the deleted inode. Events are
 * filtered by name. Files a redraw newly reads (an article added to the plan) are followed too.
 */
function watchInputs(
  session: CliSession,
  ws: Workspace,
  first: readonly string[],
  draw: () => Promise<string[]>,
): Promise<void> {
  const wanted = new Set<string>();
  const folders = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const redraw = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        ws.forget();
        try {
          follow(await draw());
        } catch (e) {
          reportError(e, session.stderr);
          session.stderr.write('galley: keeping the last good preview; waiting for the next change\n');
        }
      });
    }, WATCH_DEBOUNCE_MS);
  };
  const follow = (files: readonly string[]) => {
    for (const f of files) {
      const path = resolve(f);
      wanted.add(path);
      const folder = dirname(path);
      if (folders.has(folder)) continue;
      const watcher = watch(folder, (_event, name) => {
        // No name (some platforms): redraw to be safe.
        if (name === null || wanted.has(resolve(folder, basename(name.toString())))) redraw();
      });
      watcher.on('error', (e) => session.stderr.write(`galley: cannot watch ${folder}: ${e.message}\n`));
      folders.set(folder, watcher);
    }
  };
  follow(first);
  // Ctrl-C ends the process through exit, not by the signal's default, so what the run learned
  // (shaped words, glyph masks, compiled code) is saved at exit as after any other command.
  const stop = (code: number) => () => {
    clearTimeout(timer);
    void running.finally(() => process.exit(code));
  };
  process.once('SIGINT', stop(130));
  process.once('SIGTERM', stop(143));
  session.stdout.write(`watching ${wanted.size} file(s) in ${folders.size} folder(s); Ctrl-C to stop\n`);
  return new Promise(() => {});
}
