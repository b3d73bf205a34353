/**
 * Photo resolution on newsprint, kept apart from the image code (which reads files) so that
 * layout, makeup and the reports can use it. Screens run at about 85-100 lpi: 200 ppi is 2x the
 * screen, 150 ppi the lowest sensible.
 */
export const DEFAULT_PHOTO_PPI = 200;
/** Below this a placed photo is reported, and page makeup does not enlarge a photo it may leave out. */
export const WARN_BELOW_PPI = 150;
