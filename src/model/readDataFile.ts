/**
 * Reading and parsing JSON and YAML files at the input edge, with errors that give the file, line
 * and column instead of a parser's stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { parseDocument } from 'yaml';
import { findJsonErrorOffset, MAX_JSON_DEPTH } from './findJsonError.js';
import { InputError } from './InputError.js';

/** yaml, loaded on the first YAML file: most runs read only JSON, and it costs ~40 ms to load. */
let yamlParser: typeof parseDocument | undefined;
const parseYaml: typeof parseDocument = (...args) => {
  yamlParser ??= (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parseDocument;
  return yamlParser(...args);
};

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

export function parseJsonText(input: string, file: string): unknown {
  // A byte-order mark is what some newsroom systems and Windows editors write first: not an error.
  const text = input.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (e) {
    if (text.trim() === '') throw new InputError(file, '', 'invalid JSON: the file is empty');
    const offset = findJsonErrorOffset(text);
    if (offset < 0) throw new InputError(file, '', `invalid JSON: ${(e as Error).message}`);
    const before = text.slice(0, Math.max(0, offset));
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const found =
      offset >= text.length
        ? 'the text ends too early'
        : `unexpected ${JSON.stringify(text.slice(offset, offset + 12).split('\n')[0])}`;
    const deep = depthAt(text, offset) > MAX_JSON_DEPTH;
    const reason = deep ? `nested more than ${MAX_JSON_DEPTH} levels deep` : found;
    throw new InputError(file, '', `invalid JSON at line ${line}, column ${column}: ${reason}`);
  }
}

/** Brackets open at `offset` (outside strings): enough to tell "too deep" from other mistakes. */
function depthAt(text: string, offset: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return depth + (text[offset] === '{' || text[offset] === '[' ? 1 : 0);
}

export function parseYamlText(text: string, file: string, lineOffset = 0): unknown {
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (e) {
    throw new InputError(file, '', `invalid YAML: ${yamlReason(e)}`);
  }
  const error = doc.errors[0];
  if (error) {
    const lp = error.linePos?.[0];
    const where = lp ? ` at line ${lp.line + lineOffset}, column ${lp.col}` : '';
    // The parser's own message repeats the position (without the front matter's offset): drop it.
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?\s*$/, '');
    throw new InputError(file, '', `invalid YAML${where}: ${reason}`);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Aliases that expand without end ("billion laughs"), or nesting deeper than the stack.
    throw new InputError(file, '', `invalid YAML: ${yamlReason(e)}`);
  }
}

function yamlReason(e: unknown): string {
  if (e instanceof RangeError) return 'nested too deeply';
  const message = e instanceof Error ? e.message : String(e);
  return /excessive alias/i.test(message)
    ? 'aliases expand too much (at most 100 are allowed)'
    : message.split('\n')[0]!;
}

/** A JSON or YAML data file, chosen by extension (.yaml/.yml are YAML, everything else JSON). */
export function readDataFile(file: string, what = 'file', shownAs = file): unknown {
  const text = readTextFile(file, what, shownAs);
  return /\.ya?ml$/i.test(file) ? parseYamlText(text, shownAs) : parseJsonText(text, shownAs);
}
