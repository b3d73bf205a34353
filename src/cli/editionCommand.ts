/** `galley edition`: every page of an edition into its own PDF, in parallel, with progress and a summary. */
import type { Argv } from 'yargs';
import { defaultJobs, type PoolKind } from '../edition/createPageRunner.js';
import type { Edition } from '../edition/Edition.js';
import { createEditionProgress } from '../edition/editionProgress.js';
import { formatEditionSummary } from '../edition/formatEditionSummary.js';
import { loadEdition } from '../edition/loadEdition.js';
import { DEFAULT_NAME_PATTERN } from '../edition/pageFileName.js';
import { renderEdition } from '../edition/renderEdition.js';
import { selectPages } from '../edition/selectPages.js';
import { InputError } from '../model/InputError.js';
import type { CliSession } from './CliSession.js';
import { EXIT_FAILED, EXIT_OK } from './exitCodes.js';
import { runCommand } from './runCommand.js';
import {
  allowRoots,
  type PageSettingArgs,
  type PdfArgs,
  pageSettingOptions,
  pdfOptions,
} from './sharedOptions.js';

interface EditionArgs extends PdfArgs, PageSettingArgs {
  manifest: string;
  ads?: string;
  date?: string;
  output: string;
  jobs?: number;
  pool: PoolKind;
  quiet: boolean;
  json: boolean;
  combined?: string;
  changedOnly: boolean;
  fresh: boolean;
  namePattern: string;
}

/** Exit status after Ctrl-C (128 + SIGINT), as shells expect. */
const EXIT_INTERRUPTED = 130;

export function editionCommand(y: Argv, session: CliSession): Argv {
  return y.command<EditionArgs>(
    'edition <manifest>',
    'Set every page of an edition into its own PDF, in parallel on all cores',
    (c) =>
      pageSettingOptions(pdfOptions(c))
        .positional('manifest', {
          type: 'string',
          describe:
            'Edition manifest (.json or .yaml), or a story budget (.yaml, .json or .csv with "stories")',
        })
        .option('ads', {
          type: 'string',
          describe:
            'With a budget: the ad bookings (.csv); the budget is paginated first (see galley paginate)',
        })
        .option('date', {
          type: 'string',
          describe: "With a budget: the edition date, yyyy-mm-dd (default: the budget's)",
        })
        .option('output', {
          alias: 'o',
          type: 'string',
          demandOption: true,
          describe: 'Folder for the page PDFs and report.json',
        })
        .option('cache', {
          type: 'string',
          describe: 'Folder of the photo cache (default DIR/.galley-cache/photos)',
        })
        .option('jobs', {
          alias: 'j',
          type: 'number',
          describe: `Pages set at once (default: one worker per 1.3 cores, the CPU one keeps busy: here ${defaultJobs()}); 1 sets pages in this process, without workers`,
        })
        .option('pool', {
          choices: ['processes', 'threads'] as const,
          default: 'processes' as PoolKind,
          describe:
            'With --jobs above 1: set pages in worker processes (faster) or worker threads (less memory)',
        })
        .option('combined', {
          type: 'string',
          describe: 'Also write the whole edition as one PDF in page order (when no page failed)',
        })
        .option('changed-only', {
          type: 'boolean',
          default: false,
          describe: 'Set only pages whose inputs changed since the last run in this folder',
        })
        .option('fresh', {
          type: 'boolean',
          default: false,
          describe:
            'With a budget: paginate from scratch; by default the pages of the last run in this folder whose stories and ads are unchanged are kept as they were',
        })
        .option('name-pattern', {
          type: 'string',
          default: DEFAULT_NAME_PATTERN,
          describe: 'Page file names: {edition} {newspaper} {date} {page} {section} {index}',
        })
        .option('quiet', {
          alias: 'q',
          type: 'boolean',
          default: false,
          describe: 'No progress: only failures and the summary',
        })
        .option('json', {
          type: 'boolean',
          default: false,
          describe: 'Print the run report (as in report.json) on stdout instead of the summary',
        })
        .example(
          '$0 edition samples/edition/edition.json -o out',
          'Every page into out/late-city-2026-11-29-a1.pdf, ...',
        )
        .example(
          '$0 edition samples/budget/budget.yaml --ads samples/budget/bookings.csv -o out/budget',
          'From the budget: paginated into out/budget/edition.json, every page set, out/budget/contact-sheet.png',
        )
        .example(
          '$0 edition edition.json -o out --combined out/edition.pdf --marks',
          'Page PDFs with crop marks, and the whole edition in one PDF',
        )
        .example(
          '$0 edition samples/budget/budget.yaml --ads samples/budget/bookings.csv -o out/budget --changed-only',
          'Late news: pages whose stories and ads did not change are kept as they were, and not set again',
        )
        .example(
          '$0 edition edition.json -o out --changed-only',
          'After an edit: set only the pages whose stories, photos or plan changed',
        )
        .example(
          '$0 edition edition.json -o out --jobs 1 --quiet',
          'One page at a time in this process, summary only',
        )
        .example(
          '$0 edition edition.json -o out --jobs 2 --pool threads',
          'Two worker threads instead of two processes',
        )
        .example(
          '$0 edition edition.json -o out --name-pattern "{date}-{index}-{page}.pdf"',
          'Other file names',
        )
        .example(
          '$0 edition edition.json -o proofs --allow-missing-glyphs',
          'Proofs of stories with characters their fonts lack (boxes, each reported)',
        )
        .epilogue(
          'Exit codes: 0 every page was written; 1 some page failed (the others were written; see report.json); 2 the manifest or an option is invalid (nothing was written); 130 interrupted.',
        ),
    (args) =>
      runCommand(session, async () => {
        if (args.jobs !== undefined && (!Number.isInteger(args.jobs) || args.jobs < 1))
          throw new InputError('', '--jobs', 'expected a whole number of workers, 1 or more');
        const manifest = (await isBudget(args.manifest, args.ads))
          ? await paginateFirst(session, args)
          : args.manifest;
        const edition = loadEdition(manifest, { allowRoots: allowRoots(args.allowRoot) });
        const pages = selectPages(edition, args.page);
        const abort = new AbortController();
        const onSignal = () => abort.abort(new Error('interrupted'));
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
          const result = await renderEdition(edition, {
            outDir: args.output,
            ...(args.jobs !== undefined && { jobs: args.jobs }),
            pool: args.pool,
            namePattern: args.namePattern,
            ...(args.combined && { combined: args.combined }),
            changedOnly: args.changedOnly,
            ...(args.cache && { cacheDir: args.cache }),
            pages,
            marks: args.marks,
            standard: args.pdfx,
            ppi: args.ppi,
            quality: args.quality,
            colour: args.gray ? 'gray' : 'cmyk',
            breaker: args.breaker,
            ...(args.maxPixels && { limitInputPixels: args.maxPixels }),
            ...(args.allowMissingGlyphs && { allowMissingGlyphs: true }),
            onEvent: createEditionProgress(session.stderr, { quiet: args.quiet }),
            signal: abort.signal,
          });
          if (args.json) session.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          else session.stdout.write(formatEditionSummary(result, session.stdout.isTTY));
          if (manifest !== args.manifest && result.ok) await writeContactSheet(session, edition, args);
          return result.ok ? EXIT_OK : EXIT_FAILED;
        } catch (e) {
          if (abort.signal.aborted) {
            session.stderr.write(
              '\ngalley: interrupted; finished pages were kept, no partial files remain\n',
            );
            return EXIT_INTERRUPTED;
          }
          throw e;
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
      }),
  );
}

/** A budget: given with --ads, a .csv, or a data file with "stories" and no "sections". */
async function isBudget(file: string, ads: string | undefined): Promise<boolean> {
  if (ads) return true;
  if (/\.csv$/i.test(file)) return true;
  const [{ readDataFile }, { looksLikeBudget }] = await Promise.all([
    import('../model/readDataFile.js'),
    import('../model/loadBudget.js'),
  ]);
  return looksLikeBudget(file, readDataFile(file, 'edition'));
}

/** Paginates the budget and writes the manifest into the output folder; returns its path. */
async function paginateFirst(session: CliSession, args: EditionArgs): Promise<string> {
  const [{ paginateFiles }, { formatPagination }, { writeOutput }, { join }, { recordPathFor }] =
    await Promise.all([
      import('./paginateFiles.js'),
      import('./formatPagination.js'),
      import('./writeOutput.js'),
      import('node:path'),
      import('../edition/paginationRecord.js'),
    ]);
  const output = join(args.output, 'edition.json');
  const recordPath = recordPathFor(args.output);
  const { pagination, manifest, record } = await paginateFiles({
    budget: args.manifest,
    ...(args.ads && { ads: args.ads }),
    output,
    ...(args.date && { date: args.date }),
    allowRoots: allowRoots(args.allowRoot),
    allowMissingGlyphs: args.allowMissingGlyphs,
    ...(!args.fresh && { previous: recordPath }),
  });
  await writeOutput(output, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  await writeOutput(recordPath, Buffer.from(`${JSON.stringify(record)}\n`));
  if (!args.json) session.stdout.write(`${formatPagination(pagination)}wrote ${output}\n\n`);
  return output;
}

/** The contact sheet of a paginated edition: every page as a thumbnail, in page order. */
async function writeContactSheet(session: CliSession, edition: Edition, args: EditionArgs): Promise<void> {
  const [{ createWorkspace }, { composePage }, { renderContactSheet }, { writeOutput }, { join }] =
    await Promise.all([
      import('../edition/createWorkspace.js'),
      import('../edition/composePage.js'),
      import('../render/preview/index.js'),
      import('./writeOutput.js'),
      import('node:path'),
    ]);
  const ws = createWorkspace({ ...(args.allowMissingGlyphs && { allowMissingGlyphs: true }) });
  const pages = [];
  for (const page of edition.pages) pages.push((await composePage(ws, edition, page.index)).display);
  const sheet = join(args.output, 'contact-sheet.png');
  await writeOutput(
    sheet,
    await renderContactSheet(
      pages.map((d) => ({ label: d.label, png: d })),
      { fontFiles: ws.fontFiles },
    ),
  );
  if (!args.json) session.stdout.write(`wrote ${sheet}\n`);
}
