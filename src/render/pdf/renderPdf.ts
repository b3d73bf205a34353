/**
 * The print backend: a DisplayDocument to one PDF/X file in memory. One switch over item kinds; the
 * backend never decides a position (marks excepted, which live outside the trim).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import type { DisplayDocument, DisplayPage, FontKey, ImageItem } from '../../display/types.js';
import {
  createPhotoCache,
  DEFAULT_JPEG_QUALITY,
  DEFAULT_PHOTO_PPI,
  type PhotoCache,
  type PhotoColour,
  PRESS_CONDITION,
  PRESS_PROFILE_PATH,
  PRESS_TAC,
  type PreparedPhoto,
  preparePhoto,
} from '../../images/index.js';
import type { Pt, Rect } from '../../layout/geometry.js';
import { fillColorOp, isPureBlack, RICH_BLACK, strokeColorOp, totalAreaCoverage } from './colors.js';
import { num } from './contentOps.js';
import { createFontRegistry, drawGlyphs } from './drawGlyphs.js';
import { drawMarks, marksMargin } from './marks.js';
import { internals } from './pdfkitInternals.js';
import {
  applyPdfx,
  createOverprintState,
  type PdfStandard,
  pdfDocumentOptions,
  setPageBoxes,
} from './pdfx.js';

export interface PdfImageOptions {
  /** Target resolution at the placed size; default 200 ppi (never upsampled beyond the source). */
  ppi?: number;
  /** JPEG quality 1-100; default 85. */
  quality?: number;
  /** 'cmyk' through the press profile (default) or 'gray' for black-and-white pages. */
  colour?: PhotoColour;
  /** Pixel limit per source photo; default 100 MP. */
  limitInputPixels?: number;
  /** Shared photo cache (in memory, optionally on disk); default a cache for this call only. */
  cache?: PhotoCache;
}

export interface PdfOptions {
  /** FontKey to TTF file, from loadFontCatalog().files. */
  fontFiles: ReadonlyMap<FontKey, string>;
  /** PDF/X-1a:2001 (default: PDF 1.3, no transparency) or PDF/X-4 (PDF 1.6). */
  standard?: PdfStandard;
  /** Crop marks, registration targets and the slug line outside the trim; the media box grows to fit. */
  marks?: boolean;
  /** Bleed beyond the trim in points; default: each page's own bleed box. */
  bleed?: Pt;
  imageOptions?: PdfImageOptions;
  /** Job information printed in the slug line when `marks` is on. */
  slug?: { edition: string; plate?: string };
  /** Fixed creation date; default SOURCE_DATE_EPOCH, else the document's date at 00:00 UTC. */
  creationDate?: Date;
  /** CMYK press profile to convert photos through and embed as output intent. */
  profilePath?: string;
  /** How the output intent names that profile's printing condition (set it with profilePath). */
  outputCondition?: { identifier: string; info: string; registry: string };
  /** Large solid 100 K rectangles (at least this many square points) are filled with rich black. */
  richBlackMinArea?: number;
  /** Non-fatal findings: low photo resolution, colours above the ink limit. */
  onWarning?: (message: string) => void;
  /** Print glyphs a font lacks as its .notdef box (the user's --allow-missing-glyphs); else refuse. */
  allowMissingGlyphs?: boolean;
}

const OVERPRINT = 'GsOP';

export async function renderPdf(display: DisplayDocument, options: PdfOptions): Promise<Buffer> {
  const standard = options.standard ?? 'x1a';
  const profilePath = options.profilePath ?? PRESS_PROFILE_PATH;
  const warn = options.onWarning ?? (() => {});
  const [profile, photos] = await Promise.all([
    readProfile(profilePath),
    preparePhotos(display, options, profilePath),
  ]);
  for (const photo of new Set(photos.values())) for (const w of photo.warnings) warn(w);

  const meta = {
    standard,
    title: display.title,
    date: resolveCreationDate(display, options),
    profile,
    condition: options.outputCondition ?? PRESS_CONDITION,
  };
  const doc = internals(new PDFDocument(pdfDocumentOptions(meta) as PDFKit.PDFDocumentOptions));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(Buffer.from(chunk)));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  applyPdfx(doc, meta, contentHash(display, options, standard));
  const overprint = createOverprintState(doc);
  const fonts = createFontRegistry(doc, options.fontFiles);
  const slugFont = pickSlugFont(options.fontFiles);
  const embedded = new Map<PreparedPhoto, { width: number; height: number; label: string }>();

  for (const page of display.pages) {
    const boxes = pageBoxes(page, options);
    doc.addPage({ size: [boxes.media.width, boxes.media.height], margin: 0 });
    setPageBoxes(doc.page, boxes);
    doc.page.ext_gstates[OVERPRINT] = overprint;
    doc.save();
    doc.translate(-boxes.media.x, -boxes.media.y); // display space: origin at the trim's top-left
    for (const item of page.items) {
      switch (item.kind) {
        case 'glyphs':
          drawGlyphs(doc, fonts, item, OVERPRINT, options.allowMissingGlyphs);
          checkTac(item.color, `text "${item.text.slice(0, 20)}"`, page, warn);
          break;
        case 'rule': {
          checkTac(item.color, 'rule', page, warn);
          const op = isPureBlack(item.color) ? `/${OVERPRINT} gs\n` : '';
          doc.addContent(
            `q\n${op}${num(item.width)} w\n0 J\n${strokeColorOp(item.color)}\n` +
              `${num(item.from.x)} ${num(item.from.y)} m ${num(item.to.x)} ${num(item.to.y)} l S\nQ`,
          );
          break;
        }
        case 'rect': {
          const { x, y, width, height } = item.rect;
          const ops = ['q'];
          let fill = item.fill;
          if (
            fill &&
            isPureBlack(fill) &&
            options.richBlackMinArea &&
            width * height >= options.richBlackMinArea
          ) {
            fill = RICH_BLACK;
          }
          if (fill) {
            checkTac(fill, 'rect fill', page, warn);
            ops.push(fillColorOp(fill));
          }
          if (item.stroke) {
            checkTac(item.stroke.color, 'rect stroke', page, warn);
            ops.push(`${num(item.stroke.width)} w`, strokeColorOp(item.stroke.color));
          }
          const paint = fill && item.stroke ? 'B' : fill ? 'f' : item.stroke ? 'S' : 'n';
          ops.push(`${num(x)} ${num(y)} ${num(width)} ${num(height)} re ${paint}`, 'Q');
          doc.addContent(ops.join('\n'));
          break;
        }
        case 'image': {
          const photo = photos.get(photoId(item))!;
          let image = embedded.get(photo);
          if (!image) {
            image = doc.openImage(photo.jpeg);
            embedded.set(photo, image);
          }
          doc.image(image as never, item.rect.x, item.rect.y, {
            width: item.rect.width,
            height: item.rect.height,
            ignoreOrientation: true,
          } as PDFKit.Mixins.ImageOption);
          break;
        }
        case 'debug':
          break;
      }
    }
    if (options.marks) {
      const slug = options.slug
        ? [
            options.slug.edition,
            `page ${page.label}`,
            display.date,
            ...(options.slug.plate ? [`plate ${options.slug.plate}`] : []),
            standard === 'x1a' ? 'PDF/X-1a:2001' : 'PDF/X-4',
          ].join('   ')
        : undefined;
      drawMarks(
        doc,
        fonts,
        { trim: boxes.trim, bleed: boxes.trim.x - boxes.bleed.x, slug, slugFont },
        OVERPRINT,
      );
    }
    doc.restore();
  }
  doc.end();
  return done;
}

/** Creation date: explicit option, else SOURCE_DATE_EPOCH (reproducible builds), else the edition date. */
export function resolveCreationDate(
  display: DisplayDocument,
  options: Pick<PdfOptions, 'creationDate'>,
): Date {
  if (options.creationDate) return options.creationDate;
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const date = new Date(`${display.date}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) {
    throw new Error(
      `renderPdf: document date "${display.date}" is not yyyy-mm-dd (and SOURCE_DATE_EPOCH is unset)`,
    );
  }
  return date;
}

/** Media, bleed and trim of one page in display space; media grows for marks, bleed follows the option. */
export function pageBoxes(page: DisplayPage, options: Pick<PdfOptions, 'bleed' | 'marks'>) {
  const trim = page.boxes.trim;
  const bleed = options.bleed != null ? grow(trim, options.bleed) : page.boxes.bleed;
  let media = union(page.boxes.media, bleed);
  if (options.marks) media = union(media, grow(trim, marksMargin(trim.x - bleed.x)));
  return { media, bleed, trim };
}

function grow(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

function checkTac(
  color: Parameters<typeof totalAreaCoverage>[0],
  what: string,
  page: DisplayPage,
  warn: (m: string) => void,
) {
  const tac = totalAreaCoverage(color);
  if (tac > PRESS_TAC.limit + 1e-9) {
    warn(
      `page ${page.label}: ${what} uses ${Math.round(tac)}% ink, above the ${PRESS_TAC.limit}% newsprint limit`,
    );
  }
}

/** The slug font: the catalogue's sans at 400 if shipped, else the first face. */
function pickSlugFont(files: ReadonlyMap<FontKey, string>): FontKey | undefined {
  if (files.has('Libre Franklin/400')) return 'Libre Franklin/400';
  return files.keys().next().value;
}

function photoId(item: ImageItem): string {
  const { crop, rect } = item;
  return JSON.stringify([item.source, crop.x, crop.y, crop.width, crop.height, rect.width, rect.height]);
}

/** Every distinct placement prepared once (two at a time: sharp uses its own thread pool). */
async function preparePhotos(display: DisplayDocument, options: PdfOptions, profilePath: string) {
  const io = options.imageOptions ?? {};
  const cache = io.cache ?? createPhotoCache();
  const wanted = new Map<string, ImageItem>();
  for (const page of display.pages) {
    for (const item of page.items) if (item.kind === 'image') wanted.set(photoId(item), item);
  }
  const result = new Map<string, PreparedPhoto>();
  const queue = [...wanted];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [id, item] = next;
      result.set(
        id,
        await preparePhoto({
          source: item.source,
          crop: item.crop,
          frameWidthPt: item.rect.width,
          frameHeightPt: item.rect.height,
          ppi: io.ppi ?? DEFAULT_PHOTO_PPI,
          colour: io.colour ?? 'cmyk',
          quality: io.quality ?? DEFAULT_JPEG_QUALITY,
          profilePath,
          limitInputPixels: io.limitInputPixels,
          cache,
        }),
      );
    }
  };
  await Promise.all([worker(), worker()]);
  return result;
}

/** What the document ID is derived from: everything that changes the bytes. */
/** The press profile is read once per process (and deflated once: see pdfx.ts), not once per page. */
const profiles = new Map<string, Promise<Buffer>>();
function readProfile(path: string): Promise<Buffer> {
  let p = profiles.get(path);
  if (!p) {
    p = readFile(path);
    p.catch(() => profiles.delete(path));
    profiles.set(path, p);
  }
  return p;
}

function contentHash(display: DisplayDocument, options: PdfOptions, standard: PdfStandard): string {
  const { fontFiles, imageOptions, onWarning, ...rest } = options;
  // The faces the pages use, with their files (not the whole catalogue: faces a template could use
  // but does not, or galley ships beside them, do not make another document).
  const used = new Set<FontKey>();
  for (const page of display.pages)
    for (const item of page.items) if (item.kind === 'glyphs') used.add(item.font);
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      title: display.title,
      date: display.date,
      rest,
      standard,
      fonts: [...fontFiles].filter(([key]) => used.has(key)),
      images: { ...imageOptions, cache: undefined },
    }),
  );
  // Glyph runs are hashed by position, face, size, text and width rather than glyph by glyph:
  // stringifying every glyph of a page cost more than drawing it, and the ID only has to differ
  // between documents that differ. A page's parts go to the hash as one string (the digest of a
  // concatenation is the digest of its parts fed in turn: the same ID, a thousand fewer calls).
  for (const page of display.pages) {
    const parts = [`\u0000page ${page.label} ${page.width} ${page.height} ${JSON.stringify(page.boxes)}`];
    for (const item of page.items) {
      if (item.kind === 'glyphs') {
        let width = 0;
        for (const g of item.glyphs) width += g.advance;
        parts.push(
          `\u0000g ${item.x} ${item.y} ${item.font} ${item.size} ${item.hScale ?? 1} ${width} ${JSON.stringify(item.color)} ${item.text}`,
        );
      } else if (item.kind !== 'debug') parts.push(`\u0000${JSON.stringify(item)}`);
    }
    hash.update(parts.join(''));
  }
  return hash.digest('hex');
}
