/**
 * An edition (or any set of pages): the page plans, in page order, and the stories that jump
 * between them. `galley render` sets one into a single PDF, `galley edition` sets every page in
 * parallel into its own PDF. A page plan places stories by column and grid line, or lists them
 * without positions, in order of priority, and page makeup places them (docs/MAKEUP.md).
 */
import { z } from 'zod';

const gridModule = {
  column: z.int().min(1).describe('First column of the module, 1-based'),
  columns: z.int().min(1).describe('Columns the module spans'),
  top: z.int().min(0).default(0).describe('Grid line of the type area where the module starts (0 = top)'),
  depth: z.int().min(1).optional().describe('Depth in grid lines (default: to the bottom of the type area)'),
};

/** An ad's depth as papers sell it: grid lines, or a length ("3in", "120mm", "2.5cm"). */
const AdDepthSchema = z
  .union([
    z.int().min(1),
    z
      .string()
      .regex(
        /^\s*\d+(\.\d+)?\s*(in|mm|cm|pt|lines?)\s*$/,
        'expected grid lines (a whole number) or a length like "3in", "120mm", "2.5cm", "40 lines"',
      ),
  ])
  .describe('Depth: grid lines, or a length in in, mm, cm or pt (rounded up to whole grid lines)');

export const StoryPlacementSchema = z.strictObject({
  article: z.string().min(1).describe('Article file (.json or .md), relative to this file'),
  column: gridModule.column
    .optional()
    .describe('First column, 1-based (absent: page makeup places the story)'),
  columns: gridModule.columns
    .optional()
    .describe('Columns the module spans (required with column; absent: makeup decides)'),
  top: z.int().min(0).optional().describe('Grid line where the module starts (with column; default 0)'),
  depth: gridModule.depth,
  minColumns: z
    .int()
    .min(1)
    .optional()
    .describe('Makeup: the narrowest module allowed (default 1, briefs 1)'),
  maxColumns: z.int().min(1).optional().describe('Makeup: the widest module allowed (default: the page)'),
  jump: z
    .string()
    .optional()
    .describe('Makeup: the label of a page the rest may continue on, if the story does not fit'),
  brief: z.boolean().default(false).describe('Makeup: a brief (small head, no deck, no art)'),
  photoDepth: z
    .int()
    .min(0)
    .optional()
    .describe(
      'Grid lines of the top photo with its caption, across the module (0: no photo); written by galley layout -o',
    ),
  headlineSize: z
    .number()
    .min(6)
    .max(200)
    .optional()
    .describe('Headline size in pt (written by galley layout -o)'),
  pullQuote: z.boolean().optional().describe('Set the pull quote (default true)'),
  looseness: z
    .record(z.string().regex(/^\d+$/), z.int().min(-1).max(1))
    .optional()
    .describe('Paragraphs (body index) set a line longer (1) or shorter (-1), as makeup chose them'),
  role: z
    .enum(['lead', 'secondary', 'brief'])
    .default('secondary')
    .describe('Sets headline size and photo spans'),
  headlineColumns: z.int().min(1).optional().describe('Columns the headline spans (default: the module)'),
  photos: z
    .union([z.boolean(), z.enum(['required', 'optional', 'none'])])
    .default(true)
    .describe(
      "Place the article's photos: true or false; for makeup also 'required', 'optional' (true) or 'none' (false)",
    ),
  continuesOn: z
    .string()
    .optional()
    .describe('Page label where the overset continues, e.g. "A7" (sets a jump line)'),
  continuedFrom: z
    .string()
    .optional()
    .describe('Page label where the story starts; this module sets the rest under a jump headline'),
});

export const AdPlacementSchema = z.strictObject({
  column: gridModule.column.optional().describe('First column, 1-based (absent: stacked in the pyramid)'),
  columns: gridModule.columns,
  top: z
    .int()
    .min(0)
    .optional()
    .describe('Grid line where the ad starts (absent with column: on the page foot)'),
  depth: AdDepthSchema,
  file: z.string().optional().describe('Advertisement artwork (an image), relative to this file'),
  label: z.string().default('Advertisement'),
  house: z
    .boolean()
    .optional()
    .describe("The paper's own promotion, typeset by galley: its name and a line of copy (without a file)"),
});

export const PagePlanSchema = z.strictObject({
  label: z.string().optional().describe('Page label, e.g. "A1" (default: section prefix + page number)'),
  template: z.string().optional().describe("Template name or file (default: the edition's)"),
  front: z.boolean().default(false).describe('Set the flag (masthead) at the top'),
  houseAds: z
    .boolean()
    .default(true)
    .describe(
      'Page makeup may put a house ad where the stories leave white (galley paginate writes false: it places its own)',
    ),
  stories: z.array(StoryPlacementSchema).default([]),
  ads: z.array(AdPlacementSchema).default([]),
});

export const SectionSchema = z.strictObject({
  name: z.string().min(1),
  prefix: z.string().default('').describe('Page-number prefix, e.g. "A"'),
  pages: z.array(PagePlanSchema).min(1),
});

export const EditionSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1).describe('Edition name, e.g. "Late City"'),
    newspaper: z.string().optional(),
    date: z.iso
      .date()
      .describe('Edition date, yyyy-mm-dd: printed in folios and used for reproducible PDF dates'),
    template: z.string().default('broadsheet').describe('Default template name or file'),
    sections: z.array(SectionSchema).min(1),
  })
  .describe('A galley edition: sections of page plans');

export type EditionData = z.output<typeof EditionSchema>;
export type PagePlanData = z.output<typeof PagePlanSchema>;
export type StoryPlacementData = z.output<typeof StoryPlacementSchema>;
export type AdPlacementData = z.output<typeof AdPlacementSchema>;
