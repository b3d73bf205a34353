/** The edition a command sets: the input file as an edition, or a one-page edition of an article. */

import { statSync } from 'node:fs';
import type { Workspace } from '../edition/createWorkspace.js';
import type { Edition } from '../edition/Edition.js';
import { defaultDate, loadInput } from '../edition/loadInput.js';
import { InputError } from '../model/InputError.js';
import { allowRoots, type CommonInputArgs } from './sharedOptions.js';

export function loadCliInput(ws: Workspace, args: CommonInputArgs & { input: string }): Edition {
  if (args.columns !== undefined && (!Number.isInteger(args.columns) || args.columns < 1)) {
    throw new InputError('', '--columns', 'expected a whole number of columns, 1 or more');
  }
  if (args.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(args.date))
    throw new InputError('', '--date', 'expected yyyy-mm-dd');
  const roots = allowRoots(args.allowRoot);
  for (const root of roots) {
    if (!statSync(root, { throwIfNoEntry: false })?.isDirectory())
      throw new InputError('', '--allow-root', `"${root}" is not a folder`);
  }
  const columns = args.columns;
  try {
    ws.template(args.template);
  } catch (e) {
    if (e instanceof InputError && e.file === '') throw new InputError('', '--template', e.reason);
    throw e;
  }
  return loadInput(
    args.input,
    { template: args.template, date: args.date ?? defaultDate(), ...(columns !== undefined && { columns }) },
    { allowRoots: roots },
  ).edition;
}
