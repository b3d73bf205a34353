/** `galley render`: an article or an edition into one print-ready PDF, with the fit report. */
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { selectPages } from '../edition/selectPages.js';
import type { CliSession } from './CliSession.js';
import { EXIT_OK } from './exitCodes.js';
import { formatReport } from './formatReport.js';
import { runCommand } from './runCommand.js';
import { type CommonInputArgs, commonInputOptions, type PdfArgs, pdfOptions } from './sharedOptions.js';
import { writeOutput } from './writeOutput.js';

interface RenderArgs extends CommonInputArgs, PdfArgs {
  input: string;
  output: string;
  json: boolean;
  quiet: boolean;
}

export function renderCommand(y: Argv, session: CliSession): Argv {
  return y.command<RenderArgs>(
    'render <input>',
    'Set an article (.json, .md) or an edition into one print-ready PDF',
    (c) =>
      pdfOptions(commonInputOptions(c))
        .positional('input', {
          type: 'string',
          describe: 'Article (.json or .md) or edition/page plan (.json, .yaml)',
        })
        .option('output', {
          alias: 'o',
          type: 'string',
          demandOption: true,
          describe: 'PDF to write (written atomically)',
        })
        .option('json', {
          type: 'boolean',
          default: false,
          describe: 'Print the fit report as JSON on stdout',
        })
        .option('quiet', {
          alias: 'q',
          type: 'boolean',
          default: false,
          describe: 'Print nothing but errors',
        })
        .example('$0 render samples/cambodia-daily/article.json -o out/a1.pdf', 'One story as a front page')
        .example(
          '$0 render samples/cambodia-daily/article.md --template tabloid --columns 4 -o out/a1.pdf',
          'The same story as Markdown, on a tabloid, 4 columns wide',
        )
        .example(
          '$0 render samples/edition/edition.json --page A1 --marks -o out/a1.pdf',
          'One page of an edition, with crop marks',
        )
        .example(
          '$0 render samples/edition/edition.json --json -o out/edition.pdf > report.json',
          'Every page into one PDF, the report as JSON',
        )
        .example(
          '$0 render samples/khmer/edition.json -o out/khmer.pdf',
          'A Khmer and English page (templates may bring fonts: docs/FONTS.md)',
        )
        .example(
          '$0 render story.json --allow-missing-glyphs -o out/proof.pdf',
          'Set a story with characters its fonts lack, as boxes, reported (otherwise exit 2)',
        ),
    (args) =>
      runCommand(session, async () => {
        // Heavy modules load only when a command runs, so `--help` and bad usage answer at once.
        const [
          { createWorkspace },
          { composeEdition },
          { loadCliInput },
          { createPhotoCache },
          { renderPdf },
          { explainPhotoError },
        ] = await Promise.all([
          import('../edition/createWorkspace.js'),
          import('../edition/composeEdition.js'),
          import('./loadCliInput.js'),
          import('../images/photoCache.js'),
          import('../render/pdf/renderPdf.js'),
          import('../edition/explainPhotoError.js'),
        ]);
        const photos = createPhotoCache({ dir: args.cache ?? resolve('.galley-cache', 'photos') });
        const ws = createWorkspace({
          probes: photos.probes,
          breaker: args.breaker,
          ...(args.maxPixels && { limitInputPixels: args.maxPixels }),
          ...(args.allowMissingGlyphs && { allowMissingGlyphs: true }),
        });
        const edition = loadCliInput(ws, args);
        const pages = selectPages(edition, args.page);
        const { pages: composed, document } = await composeEdition(ws, edition, { marks: args.marks, pages });
        const warnings: string[] = [];
        const pdf = await renderPdf(document, {
          fontFiles: ws.fontFiles,
          standard: args.pdfx,
          marks: args.marks,
          slug: { edition: `${edition.name} ${edition.date}` },
          imageOptions: {
            ppi: args.ppi,
            quality: args.quality,
            colour: args.gray ? 'gray' : 'cmyk',
            cache: photos,
            ...(args.maxPixels && { limitInputPixels: args.maxPixels }),
          },
          onWarning: (w) => warnings.push(w),
          ...(args.allowMissingGlyphs && { allowMissingGlyphs: true }),
        }).catch((e: unknown) => {
          throw explainPhotoError(ws, edition, e);
        });
        await writeOutput(args.output, pdf);
        const reports = composed.map((p) => p.layout.report);
        if (args.json)
          session.stdout.write(
            `${JSON.stringify({ output: args.output, pages: reports, warnings }, null, 2)}\n`,
          );
        else if (!args.quiet) {
          session.stdout.write(formatReport(reports, session.stdout.isTTY));
          for (const w of warnings) session.stdout.write(`warning: ${w}\n`);
          session.stdout.write(
            `wrote ${args.output} (${composed.length} page${composed.length === 1 ? '' : 's'}, ${(pdf.length / 1024).toFixed(0)} KB)\n`,
          );
        }
        return EXIT_OK;
      }),
  );
}
