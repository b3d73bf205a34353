/** The image edge: the only place (with render/preview) that uses sharp. */
export { CENTRE, cropForFrame, type Focus } from './cropForFrame.js';
export { ImageError, type ImageErrorCode } from './imageError.js';
export {
  type CachedPhoto,
  createPhotoCache,
  type PhotoCache,
  type PhotoCacheOptions,
  photoKey,
} from './photoCache.js';
export {
  DEFAULT_JPEG_QUALITY,
  DEFAULT_PHOTO_PPI,
  outputSize,
  type PhotoColour,
  type PreparedPhoto,
  type PreparePhotoOptions,
  preparePhoto,
  WARN_BELOW_PPI,
} from './preparePhoto.js';
export { PRESS_CONDITION, PRESS_PROFILE_PATH, PRESS_TAC } from './pressProfile.js';
export { DEFAULT_LIMIT_INPUT_PIXELS, type ImageProbe, type ProbeOptions, probeImage } from './probeImage.js';
