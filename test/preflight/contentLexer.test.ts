import { describe, expect, test } from 'vitest';
import { lexContent, Name } from '../../src/preflight/contentLexer.js';

const ops = (s: string) => [...lexContent(Buffer.from(s, 'latin1'))];

describe('lexContent: operators with their operands', () => {
  test('numbers, names and operators', () => {
    expect(ops('q 1 0 0 -1 0 792 cm /GsOP gs 0 0 0 1 k Q')).toEqual([
      { op: 'q', args: [] },
      { op: 'cm', args: [1, 0, 0, -1, 0, 792] },
      { op: 'gs', args: [new Name('GsOP')] },
      { op: 'k', args: [0, 0, 0, 1] },
      { op: 'Q', args: [] },
    ]);
  });

  test('TJ arrays with hex strings, literal strings with nested parentheses and escapes', () => {
    const [tj, tjLit] = ops('[<0012> -12.5 <0034>] TJ (a (b) \\) c) Tj');
    expect(tj!.op).toBe('TJ');
    expect(tj!.args[0]).toEqual([Uint8Array.from([0, 0x12]), -12.5, Uint8Array.from([0, 0x34])]);
    expect(Buffer.from(tjLit!.args[0] as Uint8Array).toString('latin1')).toBe('a (b) ) c');
  });

  test('inline images are skipped whole, their dictionary kept', () => {
    const list = ops('BI /W 2 /H 1 /CS /RGB /BPC 8 ID \x00\xff\x10EI\x00\xff EI Q');
    expect(list.map((o) => o.op)).toEqual(['BI', 'Q']);
    expect(list[0]!.inline).toMatchObject({ W: 2, H: 1, CS: new Name('RGB') });
  });

  test('comments and dictionaries (marked content)', () => {
    expect(ops('% a comment\n/P <</MCID 3>> BDC EMC')).toEqual([
      { op: 'BDC', args: [new Name('P'), { MCID: 3 }] },
      { op: 'EMC', args: [] },
    ]);
  });
});
