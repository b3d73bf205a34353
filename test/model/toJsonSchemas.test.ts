/** The JSON Schemas published in docs/ are the ones the validators generate: they cannot drift. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaText, SCHEMAS, type SchemaName } from '../../src/model/toJsonSchemas.js';

describe('published JSON Schemas', () => {
  for (const name of Object.keys(SCHEMAS) as SchemaName[]) {
    it(`docs/${name}.schema.json is what \`galley schema --write docs\` writes`, () => {
      expect(readFileSync(`docs/${name}.schema.json`, 'utf8')).toBe(jsonSchemaText(name));
    });
  }
});
