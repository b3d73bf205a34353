import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeFileAtomic } from '../../../src/render/pdf/writeFileAtomic.js';

describe('writeFileAtomic: readers see the old file or the new one, never half of one', () => {
  test('writes and replaces, leaving no temporary file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'galley-atomic-'));
    const file = join(dir, 'A1.pdf');
    await writeFileAtomic(file, 'first');
    await writeFileAtomic(file, Buffer.from('second'));
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readdirSync(dir)).toEqual(['A1.pdf']);
  });

  test('a failed rename cleans up its temporary file and leaves the target alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'galley-atomic-'));
    // A non-empty folder where the file should go: the data is written, the rename fails.
    const target = join(dir, 'A1.pdf');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'good');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['A1.pdf']);
    expect(readFileSync(join(target, 'keep'), 'utf8')).toBe('good');
  });
});
