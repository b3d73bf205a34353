/**
 * Sets the lines found by a breaker: glyph runs positioned with their final advances. In justified
 * text the line's adjustment ratio r is shared by word spaces and by the boxes' expansion and
 * letter-spacing (as in the breaker); boxes never scale beyond their limit (|r| ≤ 1 for them), the
 * rest goes to the spaces. Ragged, centred and right-aligned lines keep natural spacing and are
 * shifted. Protrusion hangs the first and last characters into the margins. A drop cap is a run
 * of the first line, `dy` lower; the first lines are shifted right of it.
 */
import type { DisplayGlyph } from '../display/types.js';
import type { Pt } from '../layout/geometry.js';
import type { BoxNode, PenaltyNode, PreparedText } from './nodes.js';
import { BOX, type BreakMaterial, GLUE, lineStart, PENALTY } from './toBreakMaterial.js';
import type { BreakParams, LineRun, SetLine, ShapedGlyph } from './types.js';

const KIND_BOX: number = BOX;
const KIND_GLUE: number = GLUE;
const KIND_PENALTY: number = PENALTY;

/** Widths compare with this tolerance (a hundredth of a point is invisible). */
const EPSILON: Pt = 0.01;

export interface LineGeometry {
  /** Measure available to the text of line i (drop cap indent already taken off). */
  width(line: number): Pt;
  /** Full measure of line i, as reported on the SetLine. */
  measure(line: number): Pt;
  /** Left offset of the text of line i (the drop cap indent). */
  offset(line: number): Pt;
}

export function justifyLines(
  p: PreparedText,
  m: BreakMaterial,
  breaks: readonly number[],
  geometry: LineGeometry,
  params: Pick<BreakParams, 'looseThreshold'>,
): SetLine[] {
  const lines: SetLine[] = [];
  const { nodes, type, width, stretch, shrink } = m;
  let s = lineStart(m, 0);
  for (let li = 0; li < breaks.length; li++) {
    const b = breaks[li]!;
    const end = nodes[b]!;
    const last = li === breaks.length - 1;
    const hyphen = end.type === 'penalty' ? end.hyphen : undefined;
    const protL = m.protrudeLeft[s] ?? 0;
    const protR = m.protrudeRight[b] ?? 0;
    const avail = geometry.width(li) + protL + protR;
    let natural = 0;
    let yBox = 0;
    let yGlue = 0;
    let zBox = 0;
    let zGlue = 0;
    for (let j = s; j < b; j++) {
      const t = type[j];
      if (t === KIND_PENALTY) continue;
      natural += width[j]!;
      if (t === KIND_BOX) {
        yBox += stretch[j]!;
        zBox += shrink[j]!;
      } else {
        yGlue += stretch[j]!;
        zGlue += shrink[j]!;
      }
    }
    if (hyphen) natural += end.width;
    const gap = avail - natural;
    let ratio = 0;
    let boxR = 0;
    let glueR = 0;
    let overfull = false;
    if (m.ragged) {
      ratio = m.raggedStretch > 0 && !last ? gap / m.raggedStretch : 0;
      overfull = gap < -EPSILON;
    } else if (gap < 0) {
      const z = zBox + zGlue;
      ratio = z > 0 ? gap / z : Number.NEGATIVE_INFINITY;
      overfull = gap + z < -EPSILON;
      boxR = glueR = Math.max(ratio, -1);
    } else if (!last) {
      const y = yBox + yGlue;
      ratio = y > 0 ? gap / y : gap > EPSILON ? Number.POSITIVE_INFINITY : 0;
      boxR = Math.min(ratio, 1);
      glueR = yGlue > 0 ? (gap - boxR * yBox) / yGlue : 0;
    }
    let x = geometry.offset(li) - protL;
    if (m.ragged && gap > 0) {
      if (p.align === 'center') x += gap / 2;
      else if (p.align === 'right') x += gap;
    }
    const words: string[] = li === 0 && p.dropCap?.ownWord ? [p.words[0]!] : [];
    for (let j = s; j < b; j++) {
      if (type[j] === KIND_BOX && (nodes[j] as BoxNode).wordStart) words.push(p.words[m.wordOf[j]!]!);
    }
    // A line that ends inside a word split at a character (no break point fitted) says so.
    const splitWord =
      !last && type[b] === KIND_PENALTY && (end as PenaltyNode).kind === 'char'
        ? (p.words[m.wordOf[b]!] ?? '')
        : '';
    const line = new JustifiedLine(
      { p, m, from: s, to: b, first: li === 0, x, boxR, glueR, hyphen },
      geometry.measure(li),
      ratio,
      hyphen !== undefined,
      overfull,
      !m.ragged && ratio > params.looseThreshold,
      words,
      last,
    );
    if (splitWord)
      line.warnings = [`word "${splitWord}" split at a character: no break point fits the measure`];
    lines.push(line);
    s = lineStart(m, b + 1);
  }
  return lines;
}

/** What placing a line's glyphs needs, kept until they are asked for. */
interface RunsSource {
  p: PreparedText;
  m: BreakMaterial;
  /** The line's first node and its break. */
  from: number;
  to: number;
  first: boolean;
  /** Left edge of the text (indent, protrusion, ragged shift). */
  x: Pt;
  /** Adjustment ratios of boxes and of glue (see the header). */
  boxR: number;
  glueR: number;
  hyphen: PenaltyNode['hyphen'];
}

/**
 * A set line whose glyph runs are positioned when first read. Page makeup sets a paragraph at
 * thousands of measures and draws a few of them: what it measures (line count, ratios, words)
 * is computed at once, the glyphs, most of the work and of the garbage, only for lines drawn.
 * `runs` reads like any other property and is written in JSON; a spread copy (`{ ...line }`)
 * must name it (`{ ...line, runs: line.runs }`), as an accessor is not an own property.
 */
class JustifiedLine implements SetLine {
  #source: RunsSource | undefined;
  #runs: LineRun[] | undefined;
  warnings?: string[];
  constructor(
    source: RunsSource,
    public width: Pt,
    public ratio: number,
    public hyphenated: boolean,
    public overfull: boolean,
    public loose: boolean,
    public words: string[],
    public last: boolean,
  ) {
    this.#source = source;
  }
  get runs(): LineRun[] {
    if (this.#runs === undefined) {
      this.#runs = placeRuns(this.#source!);
      this.#source = undefined;
    }
    return this.#runs;
  }
  toJSON(): SetLine {
    return { ...this, runs: this.runs };
  }
}

/** The glyph runs of one line, with their final advances (see the header). */
function placeRuns(src: RunsSource): LineRun[] {
  const { p, m, from: s, to: b, boxR, glueR, hyphen } = src;
  const { nodes, type, width, stretch, shrink } = m;
  let x = src.x;
  const runs: LineRun[] = [];
  let joinable = false;
  let scale = 1;
  let spacing = 0;
  for (let j = s; j <= b; j++) {
    if (type[j] === KIND_GLUE) {
      if (j < b) x += width[j]! + (glueR >= 0 ? glueR * stretch[j]! : glueR * shrink[j]!);
      joinable = false;
      continue;
    }
    if (type[j] === KIND_PENALTY) {
      // Only the line's own break matters: the inserted hyphen.
      if (j === b && hyphen) {
        const g = hyphen.glyphs;
        const run = appendRun(runs, joinable, hyphen.font, hyphen.size, hyphen.color, scale, x);
        x += pushGlyphs(run, g, textOf(g), hyphen.size, hyphen.tracking, scale, spacing);
      }
      continue;
    }
    if (j === b) break;
    const node = nodes[j] as BoxNode;
    if (node.glyphs.length === 0) {
      x += node.width;
      joinable = false;
      continue;
    }
    scale = 1 + boxR * node.expansion;
    spacing = boxR * node.letterSpace * node.size;
    const run = appendRun(runs, joinable, node.font, node.size, node.color, scale, x);
    x += pushGlyphs(
      run,
      node.glyphs,
      node.text,
      node.size,
      node.tracking,
      scale,
      spacing,
      node.clusterSpaced,
    );
    joinable = true;
  }
  if (src.first && p.dropCap) {
    const cap = p.dropCap;
    const run: LineRun = {
      x: 0,
      font: cap.font,
      size: cap.size,
      color: cap.color,
      hScale: 1,
      dy: cap.dy,
      glyphs: [],
      text: '',
    };
    pushGlyphs(run, cap.glyphs, textOf(cap.glyphs), cap.size, 0, 1, 0);
    runs.unshift(run);
  }
  return runs;
}

function appendRun(
  runs: LineRun[],
  joinable: boolean,
  font: string,
  size: Pt,
  color: LineRun['color'],
  hScale: number,
  x: Pt,
): LineRun {
  const prev = runs[runs.length - 1];
  if (
    joinable &&
    prev &&
    prev.font === font &&
    prev.size === size &&
    prev.hScale === hScale &&
    prev.color === color
  ) {
    return prev;
  }
  const run: LineRun = { x, font, size, color, hScale, dy: 0, glyphs: [], text: '' };
  runs.push(run);
  return run;
}

/** The characters of some glyphs (a box's `text` holds those of its glyphs already). */
function textOf(glyphs: readonly ShapedGlyph[]): string {
  let text = '';
  for (let i = 0; i < glyphs.length; i++) text += glyphs[i]!.chars;
  return text;
}

/** Appends glyphs (whose characters are `text`) to a run with their final advances; returns the width added. */
function pushGlyphs(
  run: LineRun,
  glyphs: readonly ShapedGlyph[],
  text: string,
  size: Pt,
  tracking: number,
  hScale: number,
  letterSpace: Pt,
  /** Space only after a cluster's last glyph (the next glyph starts a cluster: it has text). */
  byCluster = false,
): Pt {
  let w = 0;
  const out = run.glyphs;
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i]!;
    const ends = !byCluster || i === glyphs.length - 1 || glyphs[i + 1]!.chars !== '';
    const advance = ends ? (g.advance + tracking) * size * hScale + letterSpace : g.advance * size * hScale;
    const glyph: DisplayGlyph = {
      id: g.id,
      advance,
      dx: g.dx * size * hScale,
      dy: g.dy * size,
      chars: g.chars,
    };
    out.push(glyph);
    w += advance;
  }
  run.text += text;
  return w;
}
