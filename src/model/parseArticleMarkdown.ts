/**
 * Markdown with YAML front matter, a journalist's natural format:
 *
 *   ---
 *   headline: Sokha Seeks 'Impossible' Clemency
 *   byline: By Jane Doe
 *   ---
 *   First paragraph, *with emphasis*.
 *
 *   ## A subhead
 *
 *   ![Caption text](photo.jpg "Credit")      a photo, placed after the paragraph before it
 *   > A pull quote -- Attribution             a pull quote, beside the paragraph before it
 *
 * Front matter holds every field except the body; photos and pull quotes may also be listed there.
 * The result has the shape of the JSON form, so one schema validates both.
 */
import { InputError } from './InputError.js';
import { parseYamlText } from './readDataFile.js';

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const IMAGE = /^!\[([^\]]*)\]\(\s*(\S+?)(?:\s+"([^"]*)")?\s*\)$/;

export function parseArticleMarkdown(text: string, file: string): Record<string, unknown> {
  const fm = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ''));
  if (!fm)
    throw new InputError(file, '', 'Markdown article must begin with YAML front matter between --- lines');
  const meta = parseYamlText(fm[1]!, file, 1);
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) {
    throw new InputError(file, 'front matter', 'expected fields like "headline: ..." between the --- lines');
  }
  const data = { ...(meta as Record<string, unknown>) };
  const body: unknown[] = [];
  const images: unknown[] = Array.isArray(data.images) ? [...data.images] : [];
  const pullQuotes: unknown[] = Array.isArray(data.pullQuotes) ? [...data.pullQuotes] : [];
  const paragraphsSoFar = () => body.filter((b) => typeof b === 'string').length;

  const blocks = text
    .slice(fm[0].length)
    .split(/\r?\n\s*\r?\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  for (const block of blocks) {
    const image = IMAGE.exec(block);
    if (image) {
      images.push({
        caption: image[1],
        file: image[2],
        credit: image[3] ?? '',
        placement: { afterParagraph: paragraphsSoFar() },
      });
    } else if (/^#{1,6}\s/.test(block)) {
      body.push({ subhead: block.replace(/^#{1,6}\s+/, '').replace(/\s+/g, ' ') });
    } else if (block.startsWith('>')) {
      const quote = block.replace(/^>\s?/gm, '').replace(/\s+/g, ' ').trim();
      const [textPart, attribution] = quote.split(/\s+(?:--|\u2014)\s+(?=[^-\u2014]*$)/);
      pullQuotes.push({
        text: textPart,
        ...(attribution && { attribution }),
        afterParagraph: paragraphsSoFar(),
      });
    } else {
      body.push(block.replace(/\s*\r?\n\s*/g, ' '));
    }
  }
  if ('body' in data)
    throw new InputError(
      file,
      'front matter.body',
      'the body is the Markdown after the front matter, not a field',
    );
  data.body = body;
  if (images.length) data.images = images;
  if (pullQuotes.length) data.pullQuotes = pullQuotes;
  return data;
}
