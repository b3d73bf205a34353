/**
 * `galley paginate`: a story budget and its ad bookings into an edition manifest, every story on
 * a page (or reported held), every ad on its page, every page made up with its positions filled
 * in: an ordinary manifest to check, adjust by hand and set with `galley edition`.
 */
import type { Argv } from 'yargs';
import type { CliSession } from './CliSession.js';
import { EXIT_OK } from './exitCodes.js';
import { runCommand } from './runCommand.js';
import { allowRootOption, allowRoots } from './sharedOptions.js';

interface PaginateArgs {
  budget: string;
  ads?: string;
  output?: string;
  date?: string;
  json: boolean;
  allowRoot?: string | string[];
  allowMissingGlyphs: boolean;
  fresh: boolean;
}

export function paginateCommand(y: Argv, session: CliSession): Argv {
  return y.command<PaginateArgs>(
    'paginate <budget>',
    'Make a whole edition from a story budget and ad bookings: which story on which page, each page made up',
    (c) =>
      c
        .positional('budget', { type: 'string', describe: 'Story budget (.yaml, .json or .csv)' })
        .option('ads', {
          type: 'string',
          describe: 'Ad bookings (.csv: page or section, size, position, advertiser, artwork)',
        })
        .option('output', {
          alias: 'o',
          type: 'string',
          describe: 'Write the edition manifest with every position filled in (JSON)',
        })
        .option('date', { type: 'string', describe: "Edition date, yyyy-mm-dd (default: the budget's)" })
        .option('json', { type: 'boolean', default: false, describe: 'Print the per-page report as JSON' })
        .option('fresh', {
          type: 'boolean',
          default: false,
          describe:
            'Paginate from scratch; by default, with -o, the pages of the last run whose stories and ads are unchanged are kept as they were (late news moves only the pages it must)',
        })
        .option('allow-missing-glyphs', {
          type: 'boolean',
          default: false,
          describe: 'Paginate stories with characters no font of their style has (they print as boxes)',
        })
        .option(...allowRootOption)
        .example(
          '$0 paginate samples/budget/budget.yaml --ads samples/budget/bookings.csv -o edition.json',
          "Paginate tonight's budget; write the manifest",
        )
        .example(
          '$0 paginate samples/budget/budget.yaml --ads samples/budget/bookings.csv -o edition.json --fresh',
          'Paginate again from scratch, not keeping the pages of the last run',
        )
        .example('$0 paginate budget.csv --date 2026-12-07', 'A CSV budget: print the per-page report only')
        .example('$0 paginate budget.yaml --ads ads.csv --json > report.json', 'The per-page report as JSON')
        .example(
          '$0 paginate budget.yaml --allow-root /srv/wire --allow-missing-glyphs',
          'Articles from another folder; characters the fonts lack set as boxes (reported)',
        )
        .example(
          '$0 edition samples/budget/budget.yaml --ads samples/budget/bookings.csv -o out',
          'Straight from the budget to the page PDFs (see galley edition)',
        )
        .epilogue(
          'Exit codes: 0 paginated (held stories are reported, not an error); 2 the budget, a booking or an option is invalid (nothing was written).',
        ),
    (args) =>
      runCommand(session, async () => {
        const [
          { paginateFiles },
          { formatPagination, paginationReport },
          { writeOutput },
          { recordPathFor },
          { dirname },
        ] = await Promise.all([
          import('./paginateFiles.js'),
          import('./formatPagination.js'),
          import('./writeOutput.js'),
          import('../edition/paginationRecord.js'),
          import('node:path'),
        ]);
        const recordPath = args.output && recordPathFor(dirname(args.output));
        const { pagination, manifest, record } = await paginateFiles({
          budget: args.budget,
          ...(args.ads && { ads: args.ads }),
          output: args.output ?? 'edition.json',
          ...(args.date && { date: args.date }),
          allowRoots: allowRoots(args.allowRoot),
          allowMissingGlyphs: args.allowMissingGlyphs,
          ...(recordPath && !args.fresh && { previous: recordPath }),
        });
        if (args.json) session.stdout.write(`${JSON.stringify(paginationReport(pagination), null, 2)}\n`);
        else session.stdout.write(formatPagination(pagination));
        if (args.output) {
          await writeOutput(args.output, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
          if (recordPath) await writeOutput(recordPath, Buffer.from(`${JSON.stringify(record)}\n`));
          if (!args.json) session.stdout.write(`wrote ${args.output}\n`);
        }
        return EXIT_OK;
      }),
  );
}
