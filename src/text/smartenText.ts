/**
 * Typographic care applied to raw text, newspaper style:
 * - `---` → em dash, `--` → en dash; a hyphen or dash between spaces (" - ") becomes a spaced en
 *   dash (British and European newspaper style) tied to the word before it by a no-break space, so
 *   no line starts with a dash;
 * - `...` and `. . .` → ellipsis;
 * - straight quotes → curly quotes by context (opening after a space, bracket, dash or start),
 *   apostrophes → ’, with the quote marks of the language (en: “ ” ‘ ’, de: „ “ ‚ ‘, fr: « » with
 *   narrow no-break spaces);
 * - a no-break space after honorifics (Mr. Mrs. Ms. Dr. Prof. St. ...) and between a number and
 *   its unit (5 km, 20 °C, 3 percent, 2 million).
 * `before` is the character preceding `text` (the end of the previous inline run), for context.
 */

interface Quotes {
  open2: string;
  close2: string;
  open1: string;
  close1: string;
  /** Space inside guillemets (French). */
  inner: string;
}

const QUOTES: Record<string, Quotes> = {
  en: { open2: '\u201C', close2: '\u201D', open1: '\u2018', close1: '\u2019', inner: '' },
  de: { open2: '\u201E', close2: '\u201C', open1: '\u201A', close1: '\u2018', inner: '' },
  fr: { open2: '\u00AB', close2: '\u00BB', open1: '\u2039', close1: '\u203A', inner: '\u00A0' },
};

const NBSP = '\u00A0';
const OPENING_CONTEXT = /[\s([{\u2014\u2013\u201C\u2018\u00AB\u201E\u201A/-]/;
const ELISIONS = /^(?:tis|twas|em|n|cause|til|\d\d?s?)\b/i;
const HONORIFICS =
  /(^|[\s(\u201C\u2018"'])(Mr|Mrs|Ms|Mx|Dr|Prof|St|Mt|Rev|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Fr|Sr)\. (?=\S)/g;
const UNITS =
  /(\d) (?=(?:km|cm|mm|m|kg|mg|g|lb|lbs|oz|ft|mi|mph|km\/h|kph|kWh|kW|MW|GW|W|V|Hz|kHz|MHz|GHz|°C|°F|°|%|ha|ml|t|min|pt|GB|MB|TB|kB|bn|percent|per cent|million|billion|trillion)(?![\p{L}\p{N}]))/gu;

function quotesFor(language: string): Quotes {
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return QUOTES[primary] ?? QUOTES.en!;
}

export function smartenText(text: string, language = 'en', before = ' '): string {
  const q = quotesFor(language);
  const s = text
    .replace(/---/g, '\u2014')
    .replace(/--/g, '\u2013')
    .replace(/\.\s?\.\s?\./g, '\u2026')
    .replace(/ [-\u2013] /g, `${NBSP}\u2013 `)
    .replace(/ \u2014 /g, `${NBSP}\u2014 `);
  let out = '';
  let prev = before;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const opening = OPENING_CONTEXT.test(prev);
    if (ch === '"') {
      out += opening ? q.open2 + q.inner : q.inner + q.close2;
    } else if (ch === "'") {
      const rest = s.slice(i + 1, i + 6);
      out += opening && /\S/.test(s[i + 1] ?? ' ') && !ELISIONS.test(rest) ? q.open1 : q.close1;
    } else {
      out += ch;
    }
    prev = ch;
  }
  return out.replace(HONORIFICS, `$1$2.${NBSP}`).replace(UNITS, `$1${NBSP}`);
}
