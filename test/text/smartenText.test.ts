import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/text/normalizeText.js';
import { smartenText } from '../../src/text/smartenText.js';

describe('smartenText', () => {
  it('curls double and single quotes by context, apostrophes included', () => {
    expect(smartenText('"Hello," she said. "It\'s \'fine\'."')).toBe(
      '\u201CHello,\u201D she said. \u201CIt\u2019s \u2018fine\u2019.\u201D',
    );
    expect(smartenText("the '90s and 'tis")).toBe('the \u201990s and \u2019tis');
    expect(smartenText('("quoted")')).toBe('(\u201Cquoted\u201D)');
  });

  it('uses the quotes of the language', () => {
    expect(smartenText('"Zeitung"', 'de')).toBe('\u201EZeitung\u201C');
    expect(smartenText('"journal"', 'fr-FR')).toBe('\u00AB\u00A0journal\u00A0\u00BB');
  });

  it('takes the context of the previous run into account', () => {
    expect(smartenText('"', 'en', 'd')).toBe('\u201D');
    expect(smartenText('"a', 'en', ' ')).toBe('\u201Ca');
  });

  it('makes dashes: -- en, --- em, spaced hyphen a spaced en dash tied to the word before', () => {
    expect(smartenText('1990--2000')).toBe('1990\u20132000');
    expect(smartenText('wait---what')).toBe('wait\u2014what');
    expect(smartenText('yes - no')).toBe('yes\u00A0\u2013 no');
    expect(smartenText('well-known')).toBe('well-known');
  });

  it('makes ellipses', () => {
    expect(smartenText('wait... and . . . then')).toBe('wait\u2026 and \u2026 then');
  });

  it('ties honorifics and units to what follows', () => {
    expect(smartenText('Mr. Smith met Dr. Jones on St. Mark')).toBe(
      'Mr.\u00A0Smith met Dr.\u00A0Jones on St.\u00A0Mark',
    );
    expect(smartenText('5 km, 20 °C, 3 percent, 2 million, 5 in the box')).toBe(
      '5\u00A0km, 20\u00A0°C, 3\u00A0percent, 2\u00A0million, 5 in the box',
    );
  });
});

describe('normalizeText', () => {
  it('turns line breaks and tabs into spaces, strips controls and invisible marks', () => {
    expect(normalizeText('a\nb\tc\r\nd')).toBe('a b c  d');
    expect(normalizeText('a\u0000b\u0007c\uFEFFd\u200Ee')).toBe('abcde');
  });

  it('keeps soft hyphens, zero-width spaces and joiners; maps no-break spaces', () => {
    expect(normalizeText('a\u00ADb\u200Bc\u200Dd')).toBe('a\u00ADb\u200Bc\u200Dd');
    expect(normalizeText('5\u202Fkm\u2009x')).toBe('5\u00A0km x');
  });
});
