/**
 * The CLI starts from the built bundle through V8's code cache (src/cli/loadBundle.ts): a cache is
 * named by the build, Node, flags and command; a first run writes one, a later run reads it and
 * prints the same; a damaged cache is rejected by V8 and written again; the bundle carries
 * nothing that only works as an ES module beside its original files.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeCacheFile, commandOf, defaultCodeCacheDir } from '../../src/cli/loadBundle.js';
import { runCli } from '../support/runCli.js';

const bundle = resolve(import.meta.dirname, '../../dist/cli/galley.cjs');

describe('where compiled code is kept', () => {
  it('follows GALLEY_CODE_CACHE, else the user cache folder beside the shaped words', () => {
    expect(defaultCodeCacheDir({ GALLEY_CODE_CACHE: '/x/code' })).toBe('/x/code');
    expect(defaultCodeCacheDir({ GALLEY_CODE_CACHE: 'off' })).toBeUndefined();
    expect(defaultCodeCacheDir({ XDG_CACHE_HOME: '/c' })).toBe(join('/c', 'galley', 'code'));
  });

  it('names the file by command, and by build and flags through the key', () => {
    const a = codeCacheFile('/d', { size: 10, mtimeMs: 1 }, [], 'render');
    expect(a).toMatch(/^\/d\/render-[0-9a-f]{24}\.bin$/);
    expect(codeCacheFile('/d', { size: 10, mtimeMs: 1 }, [], 'render')).toBe(a);
    expect(codeCacheFile('/d', { size: 11, mtimeMs: 1 }, [], 'render')).not.toBe(a);
    expect(codeCacheFile('/d', { size: 10, mtimeMs: 2 }, [], 'render')).not.toBe(a);
    expect(codeCacheFile('/d', { size: 10, mtimeMs: 1 }, ['--max-old-space-size=900'], 'render')).not.toBe(a);
  });

  it('takes the command from the first word, never a path or an option', () => {
    expect(commandOf('cli', ['node', 'main.js', '--quiet', 'render', 'a.json'])).toBe('render');
    expect(commandOf('cli', ['node', 'main.js', '--help'])).toBe('galley');
    expect(commandOf('cli', ['node', 'main.js', '../a.json'])).toBe('galley');
    expect(commandOf('edition-process', ['node', 'main.js'])).toBe('edition-process');
  });
});

describe('the bundle', () => {
  it('is built, and keeps no ES-module-only construct', () => {
    const source = readFileSync(bundle, 'utf8');
    expect(source).not.toMatch(/import\.meta/);
    // A dynamic import would fail in code read from the cache (no importModuleDynamically).
    expect(source).not.toMatch(/\bimport\(["'`]/);
  });

  it('writes a cache on the first run, reads it on the next, and replaces a damaged one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'galley-code-'));
    const env = { GALLEY_CODE_CACHE: dir };
    const first = runCli(['schema', 'article'], env);
    expect(first.code).toBe(0);
    const [file] = readdirSync(dir);
    expect(file).toMatch(/^schema-[0-9a-f]{24}\.bin$/);
    const path = join(dir, file!);
    const written = statSync(path).mtimeMs;

    const second = runCli(['schema', 'article'], env);
    expect(second).toEqual(first);
    expect(statSync(path).mtimeMs).toBe(written); // read, not written again

    writeFileSync(path, 'not V8 code');
    const third = runCli(['schema', 'article'], env);
    expect(third).toEqual(first);
    expect(statSync(path).size).toBeGreaterThan(1000); // rejected by V8, saved again
    expect(readdirSync(dir)).toEqual([file]);
  });
});
