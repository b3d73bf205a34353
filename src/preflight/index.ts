export { formatPreflight } from './formatPreflight.js';
export {
  type PreflightOptions,
  type PreflightResult,
  type PreflightStatus,
  preflightFailed,
  preflightPdf,
} from './preflightPdf.js';
