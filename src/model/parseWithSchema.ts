/**
 * Validation at the input edge: data in, typed value out, or one InputError that names the file,
 * the field path and what was expected (with a did-you-mean for a misspelt field).
 */
import type { z } from 'zod';
import { InputError } from './InputError.js';

export function parseWithSchema<S extends z.ZodType>(schema: S, data: unknown, file: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  // A misspelt field is also a missing one: the did-you-mean says more than "missing required field".
  const issues = result.error.issues;
  const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]!;
  throw new InputError(file, formatPath(issue.path), describeIssue(issue, schema));
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue, schema: z.ZodType): string {
  if (issue.code === 'unrecognized_keys') {
    const known = collectKeys(schema);
    return issue.keys
      .map((key) => {
        const near = nearest(key, known);
        return `unknown field "${key}"${near ? ` (did you mean "${near}"?)` : ''}`;
      })
      .join('; ');
  }
  // zod leaves out the input unless asked to: a missing field is told by "received undefined".
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message))
    return `missing required field (${issue.message})`;
  return issue.message;
}

/** Every object key any part of the schema knows, for did-you-mean suggestions. */
function collectKeys(schema: unknown, seen = new Set<unknown>(), keys = new Set<string>()): Set<string> {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return keys;
  seen.add(schema);
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def) return keys;
  const shape = def.shape as Record<string, unknown> | undefined;
  if (shape) {
    for (const [k, v] of Object.entries(shape)) {
      keys.add(k);
      collectKeys(v, seen, keys);
    }
  }
  for (const field of ['innerType', 'element', 'in', 'out', 'schema', 'valueType'])
    collectKeys(def[field], seen, keys);
  for (const option of (def.options as unknown[] | undefined) ?? []) collectKeys(option, seen, keys);
  return keys;
}

function nearest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
