/**
 * The article: what a newsroom system or a journalist hands galley. One schema, two file formats
 * (JSON, and Markdown with YAML front matter: see parseArticleMarkdown.ts). Body text may carry
 * inline emphasis as *italic* and **bold**; a backslash escapes an asterisk.
 */
import { z } from 'zod';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const FocusSchema = z
  .strictObject({
    x: z.number().min(0).max(1).describe('Horizontal focal point, 0 = left edge, 1 = right edge'),
    y: z.number().min(0).max(1).describe('Vertical focal point, 0 = top edge, 1 = bottom edge'),
  })
  .describe('The point of the photo that cropping keeps in frame');

export const ImageSchema = z.strictObject({
  file: nonEmpty.describe('Photo file, relative to the article file'),
  caption: z.string().default('').describe('Caption set under the photo'),
  credit: z.string().default('').describe('Photographer or agency, set under the caption'),
  focus: FocusSchema.optional(),
  placement: z
    .strictObject({
      columns: z.int().min(1).max(12).optional().describe('Columns the photo spans (default: by role)'),
      afterParagraph: z
        .int()
        .min(0)
        .optional()
        .describe('Place the photo after this body paragraph (0 = at the top of the story)'),
    })
    .optional(),
});

export const PullQuoteSchema = z.strictObject({
  text: nonEmpty.describe('The quotation, as it should appear (without quotation marks)'),
  attribution: z.string().optional().describe('Who said it, set under the quote'),
  afterParagraph: z
    .int()
    .min(0)
    .optional()
    .describe('Set the quote beside the text after this body paragraph (default: a third of the way in)'),
});

export const BodyBlockSchema = z.union([
  z.string().describe('A paragraph'),
  z.strictObject({ paragraph: z.string() }),
  z.strictObject({ subhead: nonEmpty }),
]);

export const ArticleSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().optional().describe('Stable identifier of the story in the newsroom system'),
    section: z.string().optional().describe('Section name, e.g. "World"'),
    language: z.string().default('en-US').describe('BCP 47 language tag; selects hyphenation patterns'),
    kicker: z.string().optional().describe('Short label set above the headline'),
    headline: nonEmpty,
    deck: z.string().optional().describe('Secondary headline under the headline'),
    byline: z.string().optional().describe('Author(s), e.g. "By Jane Doe"'),
    dateline: z
      .string()
      .optional()
      .describe('Place the story was filed from, set before the first paragraph'),
    body: z.array(BodyBlockSchema).describe('Paragraphs and subheads in reading order'),
    pullQuotes: z.array(PullQuoteSchema).default([]),
    images: z.array(ImageSchema).default([]),
    source: z.string().optional().describe('Where the text comes from (URL), for the record'),
    license: z.string().optional().describe('The licence of the text, for the record'),
  })
  .describe('A news article for galley');

export type ArticleInput = z.input<typeof ArticleSchema>;
export type ArticleData = z.output<typeof ArticleSchema>;
