/** Why a photo could not be used; `code` lets callers (CLI, edition reports) react without parsing text. */
export type ImageErrorCode = 'missing' | 'not-an-image' | 'corrupt' | 'too-large' | 'bad-crop' | 'colour';

export class ImageError extends Error {
  constructor(
    readonly code: ImageErrorCode,
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${path}: ${message}`, options);
    this.name = 'ImageError';
  }
}
