/**
 * A template with every length in points, the grid computed and every style resolved to the text
 * engine's TextStyle. Produced by loadTemplate.ts; plain data from here on.
 */
import type { Color, FontKey } from '../display/types.js';
import type { Pt, Rect } from '../layout/geometry.js';
import type { TextStyle } from '../text/types.js';
import type { StyleName } from './schema/templateSchema.js';

export interface ResolvedStyle extends TextStyle {
  /** The style's families in fallback order (its own, then the catalogue's), for messages. */
  families: readonly string[];
  spaceBefore: Pt;
  spaceAfter: Pt;
  /** Headline fitting: the range of sizes it may choose, and the most lines it may use. */
  minSize: Pt;
  maxLines: number;
}

export interface Template {
  name: string;
  file: string;
  trim: { width: Pt; height: Pt };
  bleed: Pt;
  margins: { top: Pt; right: Pt; bottom: Pt; left: Pt };
  columns: number;
  gutter: Pt;
  /** The baseline grid increment (body leading). */
  baseline: Pt;
  /** The type area, trimmed to a whole number of grid lines. */
  typeArea: Rect;
  columnWidth: Pt;
  /** Grid lines in the type area. */
  gridLines: number;
  flag?: { title: string; tagline?: string; depth: number };
  folio: { edition?: string; newspaper?: string };
  rules: { width: Pt; color: Color };
  styles: Record<StyleName, ResolvedStyle>;
  /** Every face the template's styles may use (galley's and its own fontCatalog's), by key. */
  fontFiles: ReadonlyMap<FontKey, string>;
}

export function columnX(template: Template, column: number): Pt {
  return template.typeArea.x + column * (template.columnWidth + template.gutter);
}

/** Width of `span` columns with the gutters between them. */
export function spanWidth(template: Template, span: number): Pt {
  return span * template.columnWidth + (span - 1) * template.gutter;
}

/** Top of grid line `line` (0 = top of the type area). */
export function gridY(template: Template, line: number): Pt {
  return template.typeArea.y + line * template.baseline;
}
