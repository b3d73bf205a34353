import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from '../support/runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'galley-edition-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function galley(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
}

describe('galley edition', () => {
  it('exits 1 when a page failed, after writing the others, with plain progress lines and a summary', () => {
    cpSync(resolve('test/fixtures/edition'), join(dir, 'ed'), { recursive: true });
    const out = join(dir, 'out');
    const r = galley(
      'edition',
      join(dir, 'ed', 'edition.json'),
      '-o',
      out,
      '--jobs',
      '1',
      '--page',
      'T2,B1',
      '--cache',
      join(dir, 'photos'),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('setting T2');
    expect(r.stderr).toMatch(/FAILED B1: .*broken\.json: invalid JSON/);
    expect(r.stdout).toMatch(/2 pages: 1 set, 0 unchanged, 1 failed/);
    expect(r.stdout).toMatch(/pages\/s in one process/);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).ok).toBe(false);
  });

  it('exits 2 on an invalid manifest, writing nothing', () => {
    const manifest = join(dir, 'bad.json');
    writeFileSync(
      manifest,
      JSON.stringify({
        name: 'X',
        date: '2026-11-29',
        sections: [
          {
            name: 'A',
            pages: [{ stories: [{ article: 'a.json', column: 1, columns: 1, continuesOn: 'Z9' }] }],
          },
        ],
      }),
    );
    const r = galley('edition', manifest, '-o', join(dir, 'nothing'), '--quiet');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /bad\.json: sections\[0\]\.pages\[0\]\.stories\[0\]\.continuesOn: no page is labelled "Z9"/,
    );
    expect(r.stdout).toBe('');
  });
});
