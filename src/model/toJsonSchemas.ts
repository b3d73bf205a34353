/**
 * The published JSON Schemas of galley's input files, generated from the zod schemas that
 * validate them (never written by hand, so they cannot drift): docs/<name>.schema.json.
 */
import { z } from 'zod';
import { FontCatalogSchema } from './loadTemplateFonts.js';
import { ArticleSchema } from './schema/articleSchema.js';
import { BookingSchema, BudgetSchema } from './schema/budgetSchema.js';
import { EditionSchema } from './schema/editionSchema.js';
import { TemplateSchema } from './schema/templateSchema.js';

export const SCHEMAS = {
  article: ArticleSchema,
  template: TemplateSchema,
  edition: EditionSchema,
  'font-catalog': FontCatalogSchema,
  budget: BudgetSchema,
  booking: BookingSchema,
} as const;
export type SchemaName = keyof typeof SCHEMAS;

export function toJsonSchema(name: SchemaName): Record<string, unknown> {
  const schema = z.toJSONSchema(SCHEMAS[name], { io: 'input', unrepresentable: 'any' });
  return { ...schema, $id: `https://galley.invalid/schemas/${name}.schema.json`, title: `galley ${name}` };
}

/** The schema file's text, as written to docs/ (stable key order, trailing newline). */
export function jsonSchemaText(name: SchemaName): string {
  return `${JSON.stringify(toJsonSchema(name), null, 2)}\n`;
}
