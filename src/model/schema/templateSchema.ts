/**
 * A page template: trim, bleed, margins, grid and the paragraph styles of every element. Lengths
 * are numbers (points) or strings with a unit ("12.5in", "315mm", "9.5pt", "3p6").
 */
import { z } from 'zod';
import { parseLength } from '../units.js';

export const LengthSchema = z
  .union([z.number(), z.string()])
  .refine((v) => parseLength(v) !== undefined, {
    message: 'expected a length: a number of points or a string like "12.5in", "315mm", "9.5pt", "3p6"',
  })
  .describe('A length: points, or a string with a unit (pt, in, mm, cm, or picas like 3p6)');

export const ColorSchema = z
  .union([
    z.strictObject({
      c: z.number().min(0).max(100),
      m: z.number().min(0).max(100),
      y: z.number().min(0).max(100),
      k: z.number().min(0).max(100),
    }),
    z.strictObject({ gray: z.number().min(0).max(100) }),
  ])
  .describe('Ink percentages: CMYK {c,m,y,k} or {gray} (0..100)');

export const StyleSchema = z
  .strictObject({
    family: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1).max(8)])
      .optional()
      .describe(
        "A font family, or a list in fallback order (each character is set in the first family that has it), from fonts/catalog.json or the template's fontCatalog",
      ),
    weight: z.int().min(100).max(900).optional(),
    italic: z.boolean().optional(),
    size: LengthSchema.optional(),
    leading: LengthSchema.optional().describe(
      'Distance between baselines; body text leading is the baseline grid',
    ),
    align: z.enum(['justify', 'left', 'center', 'right']).optional(),
    tracking: z.number().min(-0.1).max(0.5).optional().describe('Letter-spacing in em'),
    color: ColorSchema.optional(),
    uppercase: z.boolean().optional(),
    indent: LengthSchema.optional().describe('First-line indent'),
    spaceBefore: LengthSchema.optional(),
    spaceAfter: LengthSchema.optional(),
    hyphenate: z.boolean().optional(),
    hyphenateCapitalized: z.boolean().optional(),
    wordSpace: z
      .strictObject({ min: z.number().min(0), ideal: z.number().min(0), max: z.number().min(0) })
      .optional()
      .describe('Word space in em: justification minimum, ideal and maximum'),
    expansion: z.number().min(0).max(0.05).optional().describe('Font expansion allowed (0.02 = +/-2%)'),
    letterSpace: z.number().min(0).max(0.05).optional().describe('Letter-spacing allowed to justify, em'),
    protrusion: z.boolean().optional().describe('Hang punctuation into the margins'),
    dropCapLines: z.int().min(0).max(6).optional(),
    features: z.record(z.string(), z.boolean()).optional().describe('OpenType features, e.g. {"onum": true}'),
    minSize: LengthSchema.optional().describe('Headlines: the smallest size headline fitting may choose'),
    maxLines: z.int().min(1).max(8).optional().describe('Headlines: the most lines headline fitting may use'),
  })
  .describe('A paragraph style; unset values come from the body style');

const STYLE_NAMES = [
  'body',
  'subhead',
  'headline',
  'headlineSecondary',
  'headlineBrief',
  'deck',
  'kicker',
  'byline',
  'caption',
  'credit',
  'pullQuote',
  'pullQuoteAttribution',
  'folio',
  'flag',
  'flagLine',
  'jump',
  'jumpHeadline',
  'adLabel',
] as const;
export type StyleName = (typeof STYLE_NAMES)[number];

export const TemplateSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1),
    description: z.string().optional(),
    trim: z.strictObject({ width: LengthSchema, height: LengthSchema }).describe('The final, cut page size'),
    bleed: LengthSchema.default(0).describe(
      'Area beyond the trim that is cut off (0 for newsprint that does not bleed)',
    ),
    margins: z.strictObject({
      top: LengthSchema,
      right: LengthSchema,
      bottom: LengthSchema,
      left: LengthSchema,
    }),
    fontCatalog: z
      .string()
      .min(1)
      .optional()
      .describe(
        "A font catalogue (the form of galley's fonts/catalog.json), relative to this template: its families join galley's own",
      ),
    columns: z.int().min(1).max(20),
    gutter: LengthSchema,
    baseline: LengthSchema.describe('The baseline grid increment: the body leading'),
    flag: z
      .strictObject({
        title: z.string().min(1).describe("The newspaper's name, set as the front-page flag"),
        tagline: z.string().optional(),
        depth: z.int().min(2).max(20).describe('Grid lines the flag takes at the top of a front page'),
      })
      .optional(),
    folio: z
      .strictObject({ edition: z.string().optional(), newspaper: z.string().optional() })
      .default({})
      .describe('What the folio line says besides page, date and section'),
    rules: z
      .strictObject({
        width: LengthSchema.default(0.5),
        color: ColorSchema.default({ c: 0, m: 0, y: 0, k: 100 }),
      })
      .default({ width: 0.5, color: { c: 0, m: 0, y: 0, k: 100 } }),
    styles: z.strictObject(
      Object.fromEntries(STYLE_NAMES.map((n) => [n, StyleSchema.optional()])) as Record<
        StyleName,
        z.ZodOptional<typeof StyleSchema>
      >,
    ),
  })
  .describe('A galley page template');

export type TemplateData = z.output<typeof TemplateSchema>;
export type StyleData = z.output<typeof StyleSchema>;
export { STYLE_NAMES };
