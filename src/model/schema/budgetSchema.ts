/**
 * The night desk's two inputs: the story budget (tonight's stories, their sections and
 * priorities, whether they may jump or must lead the front) and the ad bookings (which ad on
 * which page or section, at what size). `galley paginate` turns them into an edition manifest
 * (docs/PAGINATION.md). A budget is YAML, JSON or CSV (one row per story, the same field names);
 * bookings are CSV, as advertising systems export them.
 */
import { z } from 'zod';

const yesNo = z
  .union([z.boolean(), z.enum(['yes', 'no', 'true', 'false', 'y', 'n', ''])])
  .transform((v) => v === true || v === 'yes' || v === 'true' || v === 'y');

export const BudgetStorySchema = z.strictObject({
  slug: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .describe('The desk\'s short name for the story, e.g. "port-deal"'),
  article: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .describe('Article file (.json or .md), relative to the budget'),
  section: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .describe("Section name, one of the budget's sections"),
  priority: z.coerce
    .number()
    .int('expected a whole number')
    .min(1)
    .default(5)
    .describe('1 is the most important; stories of a section are placed in this order (ties: budget order)'),
  length: z
    .string()
    .trim()
    .regex(
      /^(as written|\d+\s*(words|lines|in|inches|cm))?$/i,
      'expected "as written" or a wanted length like "600 words", "40 lines" or "12 in"',
    )
    .default('as written')
    .describe(
      'The length the desk asked for; galley never cuts text, so a story longer than this runs as written and the report says by how much',
    ),
  photos: z
    .union([z.boolean(), z.enum(['required', 'optional', 'none', 'yes', 'no', ''])])
    .default('optional')
    .transform((v) =>
      v === true || v === 'yes' || v === '' ? 'optional' : v === false || v === 'no' ? 'none' : v,
    )
    .describe("The story's photos: required, optional (yes) or none (no)"),
  jump: yesNo.default(false).describe('May the rest continue on a later page ("Continued on A6")'),
  front: yesNo
    .default(false)
    .describe('Must start on the front page (and jump to its section if it does not fit)'),
  brief: yesNo.default(false).describe('A brief: small head, one column, no art'),
});

export const BudgetSectionSchema = z.strictObject({
  name: z.string().trim().min(1),
  prefix: z.string().default('').describe('Page-number prefix, e.g. "A"'),
  pages: z
    .int()
    .min(1)
    .max(200)
    .optional()
    .describe('Pages of the section (default: as many as its stories and ads need, to whole plates)'),
});

export const BudgetSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1).default('Late City').describe('Edition name'),
    newspaper: z.string().optional(),
    date: z.iso.date().optional().describe('Edition date, yyyy-mm-dd (default: SOURCE_DATE_EPOCH or --date)'),
    template: z.string().default('broadsheet').describe('Template name or file'),
    plate: z
      .union([z.literal(2), z.literal(4)])
      .default(4)
      .describe('The press prints pages in multiples of this: the edition is padded to it (2 or 4)'),
    sections: z
      .array(BudgetSectionSchema)
      .min(1)
      .optional()
      .describe(
        'Sections in page order (default: in order of first appearance in the stories, prefixes A, B, C...)',
      ),
    stories: z.array(BudgetStorySchema).min(1),
  })
  .describe("A story budget: tonight's stories, by section and priority");

/** One booked ad: where (a page label or a section), how big, and what. */
export const BookingSchema = z.strictObject({
  page: z.string().trim().default('').describe('Page label the ad is booked on, e.g. "A3"'),
  section: z.string().trim().default('').describe('Or: the section it is booked in (any page but its front)'),
  size: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .describe('Columns x depth, as papers sell ads: "3x4in", "2 x 120mm", "6x20 lines"'),
  position: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['', 'any', 'pyramid', 'bottom left', 'bottom right']))
    .default('')
    .describe('Where on the page: "bottom left", "bottom right", or empty for the pyramid'),
  advertiser: z.string().trim().min(1, 'must not be empty'),
  artwork: z
    .string()
    .trim()
    .default('')
    .describe('Advertisement artwork (an image), relative to the bookings file'),
});

export type BudgetData = z.output<typeof BudgetSchema>;
export type BudgetStoryData = z.output<typeof BudgetStorySchema>;
export type BookingData = z.output<typeof BookingSchema>;
