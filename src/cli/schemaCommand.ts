/** `galley schema`: prints (or writes) the JSON Schema of an input file format. */
import { join } from 'node:path';
import type { Argv } from 'yargs';
import type { SchemaName } from '../model/toJsonSchemas.js';
import type { CliSession } from './CliSession.js';
import { EXIT_OK } from './exitCodes.js';
import { runCommand } from './runCommand.js';
import { writeOutput } from './writeOutput.js';

const NAMES: readonly SchemaName[] = ['article', 'template', 'edition', 'font-catalog', 'budget', 'booking'];

interface SchemaArgs {
  name?: SchemaName;
  write?: string;
}

export function schemaCommand(y: Argv, session: CliSession): Argv {
  return y.command<SchemaArgs>(
    'schema [name]',
    'Print the JSON Schema of an input format (article, template, edition)',
    (c) =>
      c
        .positional('name', { choices: NAMES, describe: 'Which format' })
        .option('write', {
          type: 'string',
          describe: 'Write every schema as <name>.schema.json into this folder',
        })
        .example('$0 schema article > article.schema.json', 'For a newsroom system or an editor')
        .example('$0 schema --write docs', 'Regenerate the published schemas'),
    (args) =>
      runCommand(session, async () => {
        const { jsonSchemaText } = await import('../model/toJsonSchemas.js');
        if (args.write) {
          for (const name of NAMES) {
            await writeOutput(join(args.write, `${name}.schema.json`), Buffer.from(jsonSchemaText(name)));
          }
          return EXIT_OK;
        }
        session.stdout.write(jsonSchemaText(args.name ?? 'article'));
        return EXIT_OK;
      }),
  );
}
