/** Turns validated template data into a Template: points, grid, and styles resolved to fonts. */
import type { Color, FontKey } from '../display/types.js';
import { DEFAULT_STYLES } from './defaultStyles.js';
import { type FontCatalog, resolveFace } from './fontCatalog.js';
import { InputError } from './InputError.js';
import { STYLE_NAMES, type StyleData, type StyleName, type TemplateData } from './schema/templateSchema.js';
import type { ResolvedStyle, Template } from './template.js';
import { parseLength } from './units.js';

/** A column narrower than this cannot hold a line of type worth setting. */
const MIN_COLUMN_WIDTH = 36;

export function resolveTemplate(data: TemplateData, file: string, catalog: FontCatalog): Template {
  const len = (v: number | string) => parseLength(v)!;
  const trim = { width: len(data.trim.width), height: len(data.trim.height) };
  const margins = {
    top: len(data.margins.top),
    right: len(data.margins.right),
    bottom: len(data.margins.bottom),
    left: len(data.margins.left),
  };
  const gutter = len(data.gutter);
  const baseline = len(data.baseline);
  const fail = (field: string, reason: string): never => {
    throw new InputError(file, field, reason);
  };
  if (trim.width <= 0 || trim.height <= 0) fail('trim', 'the page must have a positive width and height');
  if (baseline <= 0) fail('baseline', 'the baseline grid must be positive');
  if (gutter < 0) fail('gutter', 'the gutter must not be negative');
  for (const [side, v] of Object.entries(margins))
    if (v < 0) fail(`margins.${side}`, 'a margin must not be negative');
  const areaWidth = trim.width - margins.left - margins.right;
  const areaHeight = trim.height - margins.top - margins.bottom;
  if (areaWidth <= 0 || areaHeight <= 0)
    fail('margins', `the margins leave no type area on a ${trim.width} x ${trim.height} pt page`);
  const columnWidth = (areaWidth - (data.columns - 1) * gutter) / data.columns;
  if (columnWidth < MIN_COLUMN_WIDTH) {
    fail(
      'columns',
      `${data.columns} columns with ${gutter} pt gutters leave ${columnWidth.toFixed(1)} pt columns; at least ${MIN_COLUMN_WIDTH} pt are needed`,
    );
  }
  const gridLines = Math.floor(areaHeight / baseline + 1e-9);
  if (gridLines < 10) fail('baseline', `the type area holds only ${gridLines} grid lines`);

  const styles = {} as Record<StyleName, ResolvedStyle>;
  const body = { ...DEFAULT_STYLES.body, ...data.styles.body };
  for (const name of STYLE_NAMES) {
    const merged: StyleData = { ...body, ...DEFAULT_STYLES[name], ...data.styles[name] };
    if (name === 'body') Object.assign(merged, { leading: baseline });
    styles[name] = resolveStyle(merged, `styles.${name}`, file, catalog);
  }
  return {
    name: data.name,
    file,
    trim,
    bleed: len(data.bleed),
    margins,
    columns: data.columns,
    gutter,
    baseline,
    typeArea: { x: margins.left, y: margins.top, width: areaWidth, height: gridLines * baseline },
    columnWidth,
    gridLines,
    ...(data.flag && { flag: data.flag }),
    folio: data.folio,
    rules: { width: len(data.rules.width), color: toColor(data.rules.color) },
    styles,
    fontFiles: catalog.files,
  };
}

function resolveStyle(s: StyleData, field: string, file: string, catalog: FontCatalog): ResolvedStyle {
  const declared = typeof s.family === 'string' ? [s.family] : s.family!;
  for (const [i, family] of declared.entries()) {
    if (!catalog.families.includes(family)) {
      throw new InputError(
        file,
        `${field}.family${typeof s.family === 'string' ? '' : `[${i}]`}`,
        `unknown font family "${family}" (known: ${catalog.families.join(', ')})`,
      );
    }
  }
  // After the style's own families, the catalogue's (galley's first): a character the paper's
  // faces lack is still set if any known face has it, and reported only if none has.
  const families = [...new Set([...declared, ...catalog.families])];
  const weight = s.weight ?? 400;
  const italic = s.italic ?? false;
  const bold = Math.min(900, Math.max(700, weight + 300));
  const face = (w: number, i: boolean) => resolveFace(catalog, declared[0]!, w, i)!;
  const chain = (w: number, i: boolean) =>
    families.slice(1).map((family) => resolveFace(catalog, family, w, i)!);
  const fonts = {
    font: face(weight, italic),
    italicFont: face(weight, !italic),
    boldFont: face(bold, italic),
    boldItalicFont: face(bold, !italic),
  };
  // A family with fewer faces maps several of them to one key: the first (the style's own) wins.
  const fallbacks: Record<FontKey, readonly FontKey[]> = {};
  fallbacks[fonts.font] ??= chain(weight, italic);
  fallbacks[fonts.italicFont] ??= chain(weight, !italic);
  fallbacks[fonts.boldFont] ??= chain(bold, italic);
  fallbacks[fonts.boldItalicFont] ??= chain(bold, !italic);
  const size = parseLength(s.size!)!;
  if (size <= 0) throw new InputError(file, `${field}.size`, 'a type size must be positive');
  return {
    ...fonts,
    families,
    fallbacks,
    size,
    leading: s.leading !== undefined ? parseLength(s.leading)! : Math.ceil(size * 1.15),
    color: toColor(s.color!),
    align: s.align!,
    tracking: s.tracking!,
    indent: parseLength(s.indent!)!,
    wordSpace: s.wordSpace!,
    hyphenate: s.hyphenate!,
    hyphenMinWord: 5,
    hyphenMinLeft: 2,
    hyphenMinRight: 3,
    hyphenateCapitalized: s.hyphenateCapitalized!,
    features: s.features ?? {},
    uppercase: s.uppercase!,
    expansion: s.expansion!,
    letterSpace: s.letterSpace!,
    protrusion: s.protrusion!,
    dropCapLines: s.dropCapLines!,
    spaceBefore: parseLength(s.spaceBefore ?? 0)!,
    spaceAfter: parseLength(s.spaceAfter ?? 0)!,
    minSize: s.minSize !== undefined ? parseLength(s.minSize)! : size,
    maxLines: s.maxLines ?? 3,
  };
}

export function toColor(c: { c: number; m: number; y: number; k: number } | { gray: number }): Color {
  return 'gray' in c
    ? { space: 'gray', k: c.gray / 100 }
    : { space: 'cmyk', c: c.c / 100, m: c.m / 100, y: c.y / 100, k: c.k / 100 };
}
