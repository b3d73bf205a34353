/**
 * A photo that passed its probe but fails when it is converted for the press (corrupt in the
 * middle) is reported like any bad input: by the article and the field that name it.
 */
import { relative } from 'node:path';
import { ImageError } from '../images/imageError.js';
import { InputError } from '../model/InputError.js';
import type { Workspace } from './createWorkspace.js';
import type { Edition } from './Edition.js';

export function explainPhotoError(ws: Workspace, edition: Edition, error: unknown): unknown {
  if (!(error instanceof ImageError)) return error;
  const reason = error.message.slice(error.path.length + 2);
  for (const page of edition.pages) {
    for (const story of page.stories) {
      const article = ws.article(
        story.articlePath,
        relative(process.cwd(), story.articlePath) || story.articlePath,
        edition.allowRoots,
      );
      const index = article.photos.findIndex((p) => p.source === error.path);
      if (index >= 0)
        return new InputError(
          article.file,
          `images[${index}].file`,
          `${article.photos[index]!.file}: ${reason}`,
        );
    }
    for (const [i, ad] of page.ads.entries()) {
      if (ad.artworkPath === error.path)
        return new InputError(edition.file, `${page.field}.ads[${i}].file`, `${ad.file}: ${reason}`);
    }
  }
  return error;
}
