/**
 * The path guard at the input edge: a path written in an input file (a story, a photo, a template,
 * ad artwork) must resolve inside an allowed folder. Allowed are the folder of the file that names
 * the path, the current folder, and any folder given with `--allow-root`. `..` escapes, absolute
 * paths elsewhere and symbolic links that lead out are refused, and so are URLs: galley never
 * fetches anything over the network.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from './InputError.js';

export interface PathPolicy {
  /** Extra folders paths may resolve into (besides the naming file's folder and the current folder). */
  allowRoots?: readonly string[];
}

/** A scheme such as http:, https:, ftp:, file:, data: (two letters at least: "C:" is a drive). */
const URL_LIKE = /^[a-z][a-z0-9+.-]+:/i;

/**
 * The absolute path of `path` (as written in `file` at `field`), resolved against `baseDir`, or an
 * InputError naming the file and field when it lies outside every allowed root.
 */
export function resolveInsideRoots(
  path: string,
  baseDir: string,
  where: { file: string; field: string },
  policy: PathPolicy = {},
): string {
  const fail = (reason: string): never => {
    throw new InputError(where.file, where.field, reason);
  };
  if (URL_LIKE.test(path))
    fail(
      `"${path}" is a URL: galley does not fetch files over the network; download it and give a local path`,
    );
  if (path.includes('\0')) fail('the path contains a NUL character');
  const roots = allowedRoots(baseDir, policy);
  const absolute = resolve(baseDir, path);
  if (!roots.some((r) => isInside(absolute, r.lexical) || isInside(absolute, r.real)))
    fail(
      `"${path}" is outside the allowed folders (${describeRoots(roots)}); use --allow-root to allow another`,
    );
  const real = realOrUndefined(absolute);
  // A path that does not exist is left to the loader ("no such file"); one that exists must stay
  // inside a root once symbolic links are followed.
  if (real !== undefined && !roots.some((r) => isInside(real, r.real)))
    fail(`"${path}" leads outside the allowed folders through a symbolic link (to ${real})`);
  return absolute;
}

interface Root {
  lexical: string;
  real: string;
}

function allowedRoots(baseDir: string, policy: PathPolicy): Root[] {
  const dirs = [baseDir, process.cwd(), ...(policy.allowRoots ?? [])].map((d) => resolve(d));
  return [...new Set(dirs)].map((lexical) => ({ lexical, real: realOrUndefined(lexical) ?? lexical }));
}

function describeRoots(roots: readonly Root[]): string {
  return roots.map((r) => relative(process.cwd(), r.lexical) || '.').join(', ');
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
