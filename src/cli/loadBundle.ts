/**
 * Starts galley from its one-file bundle through V8's code cache. Loading galley's ES modules one
 * by one (about 400 files with zod, yargs, fontkit and pdfkit) costs about a third of a second in
 * every process on Node 20: each file is resolved, read and compiled, and the functions a run
 * needs are compiled again as it calls them. `npm run build` also writes `dist/cli/galley.cjs`, all
 * of app.ts in one CommonJS file (esbuild); this runs it as a vm.Script with the code V8 compiled
 * for it in an earlier run, so a process starts with its bytecode ready. Node 20 has no built-in
 * cache for this (module.enableCompileCache came in Node 22).
 *
 * The cache is V8's own, checked by V8 against its version and flags; the file's name also carries
 * the bundle's size and time, the Node version, the flags and the command, so a rebuilt galley or
 * another Node never reads another's code, and each command keeps the code its runs compiled. It
 * is written once, at the end of the first run that had none, whole and atomically, and replaces
 * what earlier builds saved for the command. Any failure to read or write it is ignored: it only
 * ever saves time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { writeFileAtomicSync } from '../render/pdf/writeFileAtomic.js';

/** What app.ts exports: what the bundle gives back. */
export interface GalleyApp {
  runCli(argv: readonly string[]): Promise<number>;
  serveParent(): void;
}

/** Bump when what the cache file holds changes. */
const FORMAT = 'galley-code-1';

/**
 * Where compiled code is kept: `GALLEY_CODE_CACHE` if set ("off" keeps none), else
 * `$XDG_CACHE_HOME/galley/code` or `~/.cache/galley/code` (beside the shaped words).
 */
export function defaultCodeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.GALLEY_CODE_CACHE;
  if (chosen !== undefined) return chosen === 'off' || chosen === '' ? undefined : chosen;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'galley', 'code');
}

/**
 * The cache file for this bundle, Node and command: what a run's code depends on. `bundle` is the
 * bundle's size and modification time (a rebuild changes them), `execArgv` the V8 flags (V8 rejects
 * code compiled under other flags), `command` the first word of the command line.
 */
export function codeCacheFile(
  dir: string,
  bundle: { size: number; mtimeMs: number },
  execArgv: readonly string[],
  command: string,
): string {
  const key = createHash('sha256')
    .update([FORMAT, process.version, process.arch, bundle.size, bundle.mtimeMs, ...execArgv].join('\n'))
    .digest('hex')
    .slice(0, 24);
  return join(dir, `${command}-${key}.bin`);
}

/** The command a process runs, as a file-name-safe word: `render`, `edition-process`, `galley`. */
export function commandOf(role: 'cli' | 'edition-process', argv: readonly string[]): string {
  if (role === 'edition-process') return role;
  const word = argv.slice(2).find((a) => !a.startsWith('-'));
  return word !== undefined && /^[a-z]{1,20}$/.test(word) ? word : 'galley';
}

/**
 * The app from the bundle beside this file, or undefined when there is none (running from src,
 * or a `tsc`-only build): the caller then imports app.ts's module.
 */
export async function loadBundle(
  role: 'cli' | 'edition-process',
  argv: readonly string[],
): Promise<GalleyApp | undefined> {
  const bundle = fileURLToPath(new URL('./galley.cjs', import.meta.url));
  let source: string;
  let stat: { size: number; mtimeMs: number };
  try {
    stat = statSync(bundle);
    source = readFileSync(bundle, 'utf8');
  } catch {
    return undefined;
  }
  // harfbuzzjs is an ES module with a top-level await, which a CommonJS bundle cannot require:
  // it is loaded here and handed to the bundle's require.
  const harfbuzz = await import('harfbuzzjs');
  const dir = defaultCodeCacheDir();
  const file =
    dir === undefined ? undefined : codeCacheFile(dir, stat, process.execArgv, commandOf(role, argv));
  let cachedData: Buffer | undefined;
  if (file !== undefined)
    try {
      cachedData = readFileSync(file);
    } catch {
      // First run of this command with this build: compiled as it runs, saved at exit.
    }
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname, __galleyBundleUrl) {${source.replace(/^#!.*/, '')}\n})`,
    // No importModuleDynamically: code read from a cache would lose it (esbuild turns the
    // bundle's dynamic imports into requires instead, --supported:dynamic-import=false).
    { filename: bundle, ...(cachedData ? { cachedData } : {}) },
  );
  if (file !== undefined && (cachedData === undefined || script.cachedDataRejected))
    process.once('exit', () => saveCode(file, script));
  const nodeRequire = createRequire(bundle);
  const bundleRequire = Object.assign(
    (id: string) => (id === 'harfbuzzjs' ? harfbuzz : nodeRequire(id)),
    nodeRequire,
  );
  const module = { exports: {} as GalleyApp };
  script.runInThisContext()(
    module.exports,
    bundleRequire,
    module,
    bundle,
    dirname(bundle),
    pathToFileURL(bundle).href,
  );
  return module.exports;
}

/** At exit: the code of every function the run compiled, so the next run starts with it. */
function saveCode(file: string, script: vm.Script): void {
  try {
    const code = script.createCachedData();
    mkdirSync(dirname(file), { recursive: true });
    writeFileAtomicSync(file, code);
    // One build's code per command: what earlier builds saved (every `npm run build` makes a new
    // bundle) is never read again.
    const name = basename(file);
    const command = name.slice(0, name.lastIndexOf('-'));
    for (const other of readdirSync(dirname(file)))
      if (other !== name && new RegExp(`^${command}-[0-9a-f]{24}\\.bin$`).test(other))
        rmSync(join(dirname(file), other), { force: true });
  } catch {
    // A read-only or full disk: the next run compiles again.
  }
}
