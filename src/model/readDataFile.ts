/**
 * Reading and parsing JSON and YAML files at the input edge, with errors that give the file, line
 * and column instead of a parser's stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { findJsonErrorOffset } from './findJsonError.js';
import { InputError } from './InputError.js';

/** Input files larger than this are refused before parsing (a story is kilobytes, not megabytes). */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

export function readTextFile(file: string, what = 'file', shownAs = file): string {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new InputError(shownAs, '', `is not a ${what} (a folder or a device)`);
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(
      shownAs,
      '',
      `cannot read ${what}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
  if (size > MAX_INPUT_BYTES) {
    throw new InputError(
      shownAs,
      '',
      `${what} is ${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB`,
    );
  }
  return readFileSync(file, 'utf8');
}

export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    if (text.trim() === '') throw new InputError(file, '', 'invalid JSON: the file is empty');
    const offset = findJsonErrorOffset(text);
    const before = text.slice(0, Math.max(0, offset));
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const found =
      offset >= text.length
        ? 'the text ends too early'
        : `unexpected ${JSON.stringify(text.slice(offset, offset + 12).split('\n')[0])}`;
    const reason = offset >= 0 ? found : (e as Error).message;
    throw new InputError(file, '', `invalid JSON at line ${line}, column ${column}: ${reason}`);
  }
}

export function parseYamlText(text: string, file: string, lineOffset = 0): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const lp = error.linePos?.[0];
    const where = lp ? ` at line ${lp.line + lineOffset}, column ${lp.col}` : '';
    throw new InputError(file, '', `invalid YAML${where}: ${error.message.split('\n')[0]}`);
  }
  return doc.toJS({ maxAliasCount: 100 });
}

/** A JSON or YAML data file, chosen by extension (.yaml/.yml are YAML, everything else JSON). */
export function readDataFile(file: string, what = 'file'): unknown {
  const text = readTextFile(file, what);
  return /\.ya?ml$/i.test(file) ? parseYamlText(text, file) : parseJsonText(text, file);
}
