/**
 * `galley layout`: page makeup's best plans for the pages left to it, printed with their scores
 * term by term; `-o` writes the edition back as an ordinary manifest with every position (and
 * every makeup choice) filled in, to adjust by hand and set again.
 */
import type { Argv } from 'yargs';
import type { CliSession } from './CliSession.js';
import { EXIT_OK } from './exitCodes.js';
import { runCommand } from './runCommand.js';
import { allowRootOption, allowRoots } from './sharedOptions.js';

interface LayoutArgs {
  input: string;
  page?: string;
  variants: number;
  variant: number;
  output?: string;
  json: boolean;
  allowRoot?: string | string[];
  allowMissingGlyphs: boolean;
}

export function layoutCommand(y: Argv, session: CliSession): Argv {
  return y.command<LayoutArgs>(
    'layout <input>',
    'Make up the pages of an edition whose stories and ads have no positions; print the best plans',
    (c) =>
      c
        .positional('input', { type: 'string', describe: 'Edition or page plan (.json, .yaml)' })
        .option('page', {
          alias: 'p',
          type: 'string',
          describe: 'Only these pages, by label: "A3" or "A1,A3"',
        })
        .option('variants', {
          type: 'number',
          default: 1,
          describe: 'How many plans to print per page, best first (1 to 8)',
        })
        .option('variant', {
          type: 'number',
          default: 1,
          describe: 'Which plan -o writes out (1 = the best)',
        })
        .option('output', {
          alias: 'o',
          type: 'string',
          describe: 'Write the edition with every position filled in (JSON), to edit and render',
        })
        .option('json', { type: 'boolean', default: false, describe: 'Print the plans as JSON' })
        .option('allow-missing-glyphs', {
          type: 'boolean',
          default: false,
          describe: 'Make up stories with characters no font of their style has (they print as boxes)',
        })
        .option(...allowRootOption)
        .example('$0 layout samples/makeup/edition.json --page A1 --variants 4', 'The four best plans of A1')
        .example(
          '$0 layout samples/makeup/edition.json -o plan.json && $0 render plan.json -o out/plan.pdf',
          'Write the chosen plans as a manifest with positions, then set it',
        )
        .example(
          '$0 layout edition.json --allow-missing-glyphs',
          'Make up pages whose stories have characters their fonts lack',
        ),
    (args) =>
      runCommand(session, async () => {
        const [
          { InputError },
          { createWorkspace },
          { loadEdition },
          { selectPages },
          { pageMakeup },
          { writeOutput },
          plans,
        ] = await Promise.all([
          import('../model/InputError.js'),
          import('../edition/createWorkspace.js'),
          import('../edition/loadEdition.js'),
          import('../edition/selectPages.js'),
          import('../edition/composePage.js'),
          import('./writeOutput.js'),
          import('./formatPlans.js'),
        ]);
        if (!Number.isInteger(args.variants) || args.variants < 1 || args.variants > 8)
          throw new InputError('', '--variants', 'expected a whole number from 1 to 8');
        if (!Number.isInteger(args.variant) || args.variant < 1 || args.variant > args.variants)
          throw new InputError(
            '',
            '--variant',
            `expected a whole number from 1 to --variants (${args.variants})`,
          );
        const ws = createWorkspace({ ...(args.allowMissingGlyphs && { allowMissingGlyphs: true }) });
        const edition = loadEdition(args.input, { allowRoots: allowRoots(args.allowRoot) });
        const pages = selectPages(edition, args.page);
        const made = [];
        for (const i of pages) {
          const makeup = await pageMakeup(ws, edition, i, args.variants);
          made.push({ page: edition.pages[i]!, makeup });
        }
        if (args.json) session.stdout.write(`${JSON.stringify(plans.plansAsJson(made), null, 2)}\n`);
        else session.stdout.write(plans.formatPlans(made));
        if (args.output) {
          const manifest = plans.manifestWithPositions(
            args.input,
            edition,
            made,
            args.variant - 1,
            args.output,
          );
          await writeOutput(args.output, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
          if (!args.json) session.stdout.write(`wrote ${args.output}\n`);
          const held = made.reduce(
            (n, m) =>
              n + (m.makeup?.plans[Math.min(args.variant - 1, m.makeup.plans.length - 1)]?.held.length ?? 0),
            0,
          );
          if (held > 0 && !args.json)
            session.stdout.write(
              `${held} held ${held === 1 ? 'story stays' : 'stories stay'} in it without a position: set again, the page reports ${held === 1 ? 'it' : 'them'} held again\n`,
            );
        }
        return EXIT_OK;
      }),
  );
}
