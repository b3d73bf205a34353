/**
 * The record of a pagination, as the next run reads it: pages whose stories and ads all still
 * match (by key) are offered as pins, in this run's indices; anything else starts afresh.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type PaginationRecord,
  pinsFrom,
  type RecordKeys,
  readRecord,
  unchangedPages,
} from '../../src/edition/paginationRecord.js';

const record: PaginationRecord = {
  version: 1,
  frame: 'f',
  held: ['late-held'],
  pages: [
    {
      label: 'A1',
      section: 0,
      number: 1,
      front: true,
      stories: [{ key: 'lead', jumpTo: [0, 2] }],
      jumped: ['lead'],
      held: [],
      ads: [],
    },
    {
      label: 'A2',
      section: 0,
      number: 2,
      front: false,
      stories: [{ key: 'lead', continuedFrom: [0, 1] }, { key: 'second' }],
      jumped: [],
      held: [],
      ads: ['ad', 'ad'],
    },
    {
      label: 'A3',
      section: 0,
      number: 3,
      front: false,
      stories: [{ key: 'gone' }],
      jumped: [],
      held: [],
      ads: [],
    },
  ],
};

describe('pinsFrom', () => {
  // This run: the stories in another order, "gone" killed, a late story, a third copy of the ad.
  const keys: RecordKeys = {
    frame: 'f',
    stories: ['late', 'second', 'lead', 'late-held'],
    ads: ['ad', 'other', 'ad', 'ad'],
  };

  it("pins the pages whose stories and ads are all still there, in this run's numbers", () => {
    const { pinned } = pinsFrom(record, keys);
    expect([...pinned.keys()]).toEqual(['0|1', '0|2']);
    expect(pinned.get('0|1')).toMatchObject({
      front: true,
      stories: [{ story: 2, jumpTo: { section: 0, number: 2 } }],
      jumped: [2],
    });
    expect(pinned.get('0|2')!.stories).toEqual([
      { story: 2, continuedFrom: { section: 0, number: 1 } },
      { story: 1 },
    ]);
  });

  it('tells two bookings alike apart by order: each ad of the record takes the next one', () => {
    expect(pinsFrom(record, keys).pinned.get('0|2')!.ads).toEqual([0, 2]);
  });

  it('knows the stories the last run had (on a page or held); a late one is not among them', () => {
    expect([...pinsFrom(record, keys).known].sort()).toEqual([1, 2, 3]);
  });

  it('pins nothing from a record made for another template, sections or plate', () => {
    const other = pinsFrom(record, { ...keys, frame: 'g' });
    expect(other.pinned.size).toBe(0);
    expect(other.known.size).toBe(0);
  });
});

describe('readRecord', () => {
  const dir = mkdtempSync(join(tmpdir(), 'galley-record-'));

  it('reads nothing from a missing, corrupt or foreign file: the run paginates afresh', () => {
    expect(readRecord(join(dir, 'none.json'))).toBeUndefined();
    writeFileSync(join(dir, 'corrupt.json'), '{ "version": 1, "pa');
    expect(readRecord(join(dir, 'corrupt.json'))).toBeUndefined();
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ version: 2, pages: [] }));
    expect(readRecord(join(dir, 'other.json'))).toBeUndefined();
    writeFileSync(join(dir, 'good.json'), JSON.stringify(record));
    expect(readRecord(join(dir, 'good.json'))).toEqual(record);
  });
});

describe('unchangedPages', () => {
  it('names the pages that came out as before, story for story and ad for ad', () => {
    const now = structuredClone(record);
    now.pages[1]!.ads = ['ad'];
    expect(unchangedPages(record, now)).toEqual(['A1', 'A3']);
    expect(unchangedPages(undefined, now)).toEqual([]);
  });
});
