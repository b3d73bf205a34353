/**
 * A paragraph turned into width-independent Knuth-Plass material: text cleaned and smartened,
 * upper-cased for caps styles, split into words at spaces, words split at their break points
 * (hyphenation, soft hyphens, explicit hyphens, URLs), shaped word by word (cached by the shaper),
 * missing glyphs set in a fallback face. Word spaces are glue (stretchable in justified text, fixed
 * in ragged text); boxes carry the stretch and shrink of font expansion and letter-spacing.
 */
import type { Pt } from '../layout/geometry.js';
import type { BoxNode, DropCap, HyphenGlyphs, PreparedText, TextNode } from './nodes.js';
import { normalizeText } from './normalizeText.js';
import { protrusionLeft, protrusionRight } from './protrusion.js';
import { allowsLetterSpacing, needsComplexShaping } from './scripts.js';
import { segmentWord, type WordBreak } from './segmentWord.js';
import { shapeSlices } from './shapeSlices.js';
import { smartenText } from './smartenText.js';
import { splitByFace } from './splitByFace.js';
import { buildMaterial } from './toBreakMaterial.js';
import type { FontKey, InlineRun, ParagraphInput, ShapedGlyph, Shaper, TextStyle } from './types.js';

interface Piece {
  text: string;
  font: FontKey;
}

interface Word {
  pieces: Piece[];
  /** The space after the word: breakable, no-break, or none (last word). */
  space: 'break' | 'nobreak' | null;
}

/** Gap between a drop cap and the text, in em of the body size. */
const DROP_CAP_GAP_EM = 0.4;
/** Text made only of break hints and joiners is no word. */
const INVISIBLE_ONLY = /^[\u00AD\u200B-\u200D]+$/;
const DROP_CAP_HEAD = /^[\p{Ps}\p{Pi}"'\u201E\u201A]*[\p{L}\p{N}][\p{M}]*/u;

/** The face of the style that sets a run (its emphasis). */
export function faceOf(style: TextStyle, run: InlineRun): FontKey {
  if (run.bold && run.italic) return style.boldItalicFont;
  if (run.bold) return style.boldFont;
  if (run.italic) return style.italicFont;
  return style.font;
}

/** Upper case by the language's rules (Turkish dotted i), for caps styles. */
export function upper(text: string, language: string): string {
  try {
    return text.toLocaleUpperCase(language || 'en');
  } catch {
    return text.toUpperCase();
  }
}

/** Words with their pieces per face, split at spaces; leading, trailing and repeated spaces collapse. */
function toWords(input: ParagraphInput): Word[] {
  const { style, language } = input;
  const words: Word[] = [];
  let pieces: Piece[] = [];
  let pendingSpace: 'break' | 'nobreak' | null = null;
  let before = ' ';
  for (const run of input.runs) {
    let text = smartenText(normalizeText(run.text), language, before);
    if (style.uppercase) text = upper(text, language);
    if (!text) continue;
    before = text[text.length - 1]!;
    const font = faceOf(style, run);
    for (const part of text.split(/([ \u00A0]+)/)) {
      if (!part) continue;
      if (part[0] === ' ' || part[0] === '\u00A0') {
        if (pieces.length) {
          words.push({ pieces, space: null });
          pieces = [];
        }
        if (words.length)
          pendingSpace = part.includes('\u00A0') || pendingSpace === 'nobreak' ? 'nobreak' : 'break';
        continue;
      }
      if (INVISIBLE_ONLY.test(part)) continue;
      if (!pieces.length && pendingSpace && words.length) words[words.length - 1]!.space = pendingSpace;
      pendingSpace = null;
      pieces.push({ text: part, font });
    }
  }
  if (pieces.length) words.push({ pieces, space: null });
  return words;
}

function takeDropCap(words: Word[], input: ParagraphInput, shaper: Shaper): DropCap | undefined {
  const { style } = input;
  const first = words[0]?.pieces[0];
  if (style.dropCapLines < 2 || !first) return undefined;
  const head = DROP_CAP_HEAD.exec(first.text)?.[0];
  if (!head) return undefined;
  first.text = first.text.slice(head.length);
  if (!first.text) words[0]!.pieces.shift();
  const ownWord = words[0]!.pieces.length === 0;
  if (ownWord) words.shift();
  const font = style.font;
  const capHeight = shaper.metrics(font).capHeight || 0.7;
  const lines = style.dropCapLines;
  const size = ((lines - 1) * style.leading) / capHeight + style.size;
  const glyphs = shaper.shape(head, font, style.features);
  const advance = glyphs.reduce((s, g) => s + g.advance, 0) * size;
  return {
    text: head,
    font,
    size,
    color: style.color,
    glyphs,
    indent: advance + DROP_CAP_GAP_EM * style.size,
    lines,
    dy: (lines - 1) * style.leading,
    ownWord,
  };
}

/** Shaped material of one piece of a word: boxes and the penalties between them. */
interface PieceMaterial {
  text: string;
  nodes: readonly TextNode[];
  warnings: readonly string[];
}

/**
 * Memo of pieces by shaper and style: the same word in the same style gives the same nodes, which
 * are shared (they hold nothing paragraph-specific). Styles are keyed by their content, so equal
 * styles rebuilt per paragraph still hit the memo.
 */
const pieceMemo = new WeakMap<Shaper, Map<string, PieceMemo>>();
/** Pieces by (first piece of its word, language, face), then by text: no key concatenated per piece. */
type PieceMemo = Map<string, Map<string, PieceMaterial>>;
const styleKeys = new WeakMap<TextStyle, string>();
const MAX_PIECES = 100_000;
const MAX_STYLES = 256;

/** Nested style values (features, fallbacks, colour, word space) by object: usually shared. */
const objectKeys = new WeakMap<object, string>();
function objectKey(o: object | undefined): string {
  if (!o) return '';
  let key = objectKeys.get(o);
  if (key === undefined) {
    key = JSON.stringify(o);
    objectKeys.set(o, key);
  }
  return key;
}

/**
 * What a piece's material depends on (everything pieceMaterial, makeBox and hyphenOf read), as a
 * key: styles are rebuilt per layout (a headline at each trial size), and stringifying a whole
 * style each time cost more than the memo saved. Leading, indent and the like do not shape words.
 */
function pieceStyleKey(s: TextStyle): string {
  return [
    s.font,
    s.italicFont,
    s.boldFont,
    s.boldItalicFont,
    s.size,
    s.tracking,
    s.align,
    s.expansion,
    s.letterSpace,
    s.protrusion,
    s.hyphenate,
    s.hyphenMinWord,
    s.hyphenMinLeft,
    s.hyphenMinRight,
    s.hyphenateCapitalized,
    objectKey(s.features),
    objectKey(s.fallbacks),
    objectKey(s.color),
    objectKey(s.wordSpace),
  ].join('\u0001');
}

const textKeys = new WeakMap<TextStyle, string>();

/**
 * Everything of a style that changes what prepareParagraph makes of a text: the piece key, and
 * the case, the drop cap and the indent. For memos of set text (headlines tried at many sizes).
 */
export function textStyleKey(style: TextStyle): string {
  let key = textKeys.get(style);
  if (key === undefined) {
    key = `${pieceStyleKey(style)}\u0002${style.uppercase}\u0002${style.dropCapLines}\u0002${style.indent}\u0002${style.leading}`;
    textKeys.set(style, key);
  }
  return key;
}

function memoFor(shaper: Shaper, style: TextStyle): PieceMemo {
  let byStyle = pieceMemo.get(shaper);
  if (!byStyle) {
    byStyle = new Map();
    pieceMemo.set(shaper, byStyle);
  }
  let key = styleKeys.get(style);
  if (key === undefined) {
    key = pieceStyleKey(style);
    styleKeys.set(style, key);
  }
  let memo = byStyle.get(key);
  if (!memo) {
    if (byStyle.size >= MAX_STYLES) byStyle.clear();
    memo = new Map();
    byStyle.set(key, memo);
  }
  let size = 0;
  for (const byText of memo.values()) size += byText.size;
  if (size > MAX_PIECES) memo.clear();
  return memo;
}

function sumAdvance(glyphs: readonly ShapedGlyph[]): number {
  let s = 0;
  for (let i = 0; i < glyphs.length; i++) s += glyphs[i]!.advance;
  return s;
}

function makeBox(
  style: TextStyle,
  glyphs: readonly ShapedGlyph[],
  font: FontKey,
  wordStart: boolean,
  /** The source text, where the glyphs' characters are not in reading order (complex scripts). */
  sourceText?: string,
): BoxNode {
  const size = style.size;
  const justify = style.align === 'justify';
  const n = glyphs.length;
  let text = sourceText ?? '';
  if (sourceText === undefined) for (let i = 0; i < n; i++) text += glyphs[i]!.chars;
  // Spacing glyphs apart would pull stacked marks off their base (Khmer vowels, coengs). Text
  // shaped by HarfBuzz is spaced between its clusters instead (each cluster's first glyph carries
  // its text); other text with marks or joining letters (Arabic) is not spaced at all.
  const byCluster = needsComplexShaping(text);
  const spaced = byCluster || allowsLetterSpacing(text);
  let units = n;
  if (byCluster) {
    units = 0;
    for (let i = 0; i < n; i++) if (glyphs[i]!.chars !== '') units++;
  }
  const tracking = spaced ? style.tracking : 0;
  const expansion = justify ? style.expansion : 0;
  const letterSpace = justify && spaced ? style.letterSpace : 0;
  const width = (sumAdvance(glyphs) + tracking * units) * size;
  const give = width * expansion + units * letterSpace * size;
  let left = 0;
  let right = 0;
  if (style.protrusion && n > 0) {
    const f = glyphs[0]!;
    const l = glyphs[n - 1]!;
    left = protrusionLeft(f.chars[0] ?? '') * f.advance * size;
    right = protrusionRight(l.chars[l.chars.length - 1] ?? '') * l.advance * size;
  }
  return {
    type: 'box',
    font,
    size,
    color: style.color,
    glyphs,
    text,
    width,
    tracking,
    expansion,
    letterSpace,
    ...(byCluster && { clusterSpaced: true as const }),
    stretch: give,
    shrink: give,
    wordStart,
    protrudeLeft: left,
    protrudeRight: right,
  };
}

function hyphenOf(style: TextStyle, font: FontKey, shaper: Shaper): HyphenGlyphs {
  const glyphs = shaper.shape('-', font, style.features);
  const advance = (sumAdvance(glyphs) + style.tracking * glyphs.length) * style.size;
  return {
    font,
    size: style.size,
    color: style.color,
    glyphs,
    tracking: style.tracking,
    protrude: style.protrusion ? protrusionRight('-') * advance : 0,
  };
}

/** The text between cuts (ascending offsets strictly inside it). */
function sliceText(text: string, cuts: readonly number[]): string[] {
  const out: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    out.push(text.slice(from, cut));
    from = cut;
  }
  out.push(text.slice(from));
  return out;
}

/** Segments, shapes and boxes one piece of a word (text in one face, between spaces). */
function pieceMaterial(piece: Piece, first: boolean, input: ParagraphInput, shaper: Shaper): PieceMaterial {
  const { style } = input;
  const warnings: string[] = [];
  const seg = segmentWord(piece.text, {
    hyphenate: style.hyphenate,
    language: input.language,
    minWord: style.hyphenMinWord,
    minLeft: style.hyphenMinLeft,
    minRight: style.hyphenMinRight,
    capitalized: style.hyphenateCapitalized,
  });
  const nodes: TextNode[] = [];
  let start = first;
  let offset = 0;
  let b = 0;
  const chain = style.fallbacks?.[piece.font] ?? [];
  // Between dictionary words (Khmer, Thai...): a break with no width, and no space when the line
  // is justified either (the source has none there): such lines justify between clusters.
  const wordBreak: TextNode = { type: 'glue', width: 0, stretch: 0, shrink: 0, breakable: true };
  for (const part of splitByFace(seg.text, piece.font, chain, shaper, warnings)) {
    const end = offset + part.text.length;
    if (offset > 0 && seg.breaks[b]?.offset === offset) {
      // A break exactly at a face boundary (no hyphen is inserted across faces).
      const kind = seg.breaks[b]!.kind;
      if (kind === 'word') nodes.push(wordBreak);
      else nodes.push({ type: 'penalty', kind: kind === 'url' ? 'url' : 'explicit', width: 0 });
    }
    while (b < seg.breaks.length && seg.breaks[b]!.offset <= offset) b++;
    const local: WordBreak[] = [];
    while (b < seg.breaks.length && seg.breaks[b]!.offset < end) local.push(seg.breaks[b++]!);
    const cuts = local.map((x) => x.offset - offset);
    // Complex scripts are shaped word by word between their breaks (dictionary word boundaries
    // are syllable boundaries, so no shaping context is lost): a glyph stream that shaping has
    // reordered cannot be cut at character offsets. Each box keeps its source text, in order.
    const complex = !allowsLetterSpacing(part.text);
    const texts = complex ? sliceText(part.text, cuts) : undefined;
    const slices = texts
      ? texts.map((t) => shaper.shape(t, part.font, style.features))
      : shapeSlices(shaper, part.text, part.font, style.features, cuts);
    for (let s = 0; s < slices.length; s++) {
      if (s > 0) {
        const kind = local[s - 1]!.kind;
        if (kind === 'word') nodes.push(wordBreak);
        else if (kind === 'hyphen' || kind === 'soft') {
          const hyphen = hyphenOf(style, part.font, shaper);
          const width = (sumAdvance(hyphen.glyphs) + style.tracking * hyphen.glyphs.length) * style.size;
          nodes.push({ type: 'penalty', kind, width, hyphen });
        } else nodes.push({ type: 'penalty', kind, width: 0 });
      }
      nodes.push(makeBox(style, slices[s]!, part.font, start, texts?.[s]));
      start = false;
    }
    offset = end;
  }
  return { text: seg.text, nodes, warnings };
}

export function prepareParagraph(input: ParagraphInput, shaper: Shaper): PreparedText {
  const { style } = input;
  const warnings: string[] = [];
  const words = toWords(input);
  const dropCap = takeDropCap(words, input, shaper);
  const size = style.size;
  const memo = memoFor(shaper, style);
  const nodes: TextNode[] = [];
  const wordTexts: string[] = dropCap?.ownWord ? [dropCap.text] : [];
  if (input.indentFirstLine && style.indent > 0 && !dropCap && words.length) {
    nodes.push({ ...makeBox(style, [], style.font, false), width: style.indent as Pt });
  }
  const ws = style.wordSpace;
  const space: TextNode =
    style.align === 'justify'
      ? {
          type: 'glue',
          width: ws.ideal * size,
          stretch: (ws.max - ws.ideal) * size,
          shrink: (ws.ideal - ws.min) * size,
          breakable: true,
        }
      : { type: 'glue', width: ws.ideal * size, stretch: 0, shrink: 0, breakable: true };
  const noBreakSpace: TextNode = { ...space, breakable: false };
  // The memo group of the last piece (pieces of a paragraph mostly share their face).
  let byText: Map<string, PieceMaterial> | undefined;
  let groupFont = '';
  let groupFirst = false;
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    let wordText = '';
    for (let k = 0; k < word.pieces.length; k++) {
      const piece = word.pieces[k]!;
      const first = k === 0;
      if (byText === undefined || piece.font !== groupFont || first !== groupFirst) {
        const group = `${first ? 1 : 0}\u0001${input.language}\u0001${piece.font}`;
        byText = memo.get(group);
        if (!byText) {
          byText = new Map();
          memo.set(group, byText);
        }
        groupFont = piece.font;
        groupFirst = first;
      }
      let material = byText.get(piece.text);
      if (!material) {
        material = pieceMaterial(piece, first, input, shaper);
        byText.set(piece.text, material);
      }
      for (const warning of material.warnings) if (!warnings.includes(warning)) warnings.push(warning);
      wordText += material.text;
      for (const node of material.nodes) nodes.push(node);
    }
    wordTexts.push(dropCap && !dropCap.ownWord && w === 0 ? dropCap.text + wordText : wordText);
    if (word.space) nodes.push(word.space === 'break' ? space : noBreakSpace);
  }
  if (nodes.length || dropCap) nodes.push({ type: 'penalty', kind: 'end', width: 0 });
  const material = buildMaterial({ nodes, align: style.align, size, dropCap }, nodes);
  return {
    input,
    nodes,
    wordCount: wordTexts.length,
    warnings,
    words: wordTexts,
    align: style.align,
    size,
    ...(dropCap ? { dropCap } : {}),
    material,
  };
}
