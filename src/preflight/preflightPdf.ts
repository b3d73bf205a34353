/**
 * Checks any PDF against what a newsprint plate needs (PDF/X-1a:2001 by default, or PDF/X-4 when the
 * file says so): page boxes, output intent, PDF/X keys, fonts embedded, colour of content and images,
 * ink coverage, image resolution, transparency, annotations, encryption, type and rule sizes.
 */
import { readFile } from 'node:fs/promises';
import { type PDFContext, PDFDocument } from 'pdf-lib';
import {
  arrayOf,
  dictKeys,
  get,
  idOf,
  nameOf,
  numberOf,
  type Obj,
  PDFDict,
  PDFName,
  PDFStream,
  rectOf,
  resolve,
  streamBytes,
  textOf,
} from './pdfObjects.js';
import { emptyReport, type ScanLimits, scanContent } from './scanContent.js';

export type PreflightStatus = 'PASS' | 'WARN' | 'FAIL';

export interface PreflightResult {
  id: string;
  status: PreflightStatus;
  message: string;
}

export interface PreflightOptions {
  /** Images below this effective resolution fail (default 100 ppi: one pixel per screen dot at 100 lpi). */
  failBelowPpi?: number;
  /** Images below this warn (default 150 ppi: 1.5x a newsprint screen). */
  warnBelowPpi?: number;
  /** Total ink limit in percent (default 240, coldset newsprint). */
  tacLimit?: number;
  minTextPt?: number;
  minMultiInkTextPt?: number;
  minStrokePt?: number;
}

const DEFAULTS: Required<PreflightOptions> = {
  failBelowPpi: 100,
  warnBelowPpi: 150,
  tacLimit: 240,
  minTextPt: 6,
  minMultiInkTextPt: 10,
  minStrokePt: 0.25,
};

/** True when any check failed (the CLI's exit code 1). */
export function preflightFailed(results: readonly PreflightResult[]): boolean {
  return results.some((r) => r.status === 'FAIL');
}

export async function preflightPdf(
  input: Uint8Array | string,
  options: PreflightOptions = {},
): Promise<PreflightResult[]> {
  const o = { ...DEFAULTS, ...options };
  let bytes: Uint8Array;
  try {
    bytes = typeof input === 'string' ? await readFile(input) : input;
  } catch (error) {
    return [{ id: 'file', status: 'FAIL', message: `cannot read ${input}: ${(error as Error).message}` }];
  }
  const header = /^%PDF-(\d\.\d)/.exec(Buffer.from(bytes.subarray(0, 1024)).toString('latin1'));
  if (!header) return [{ id: 'file', status: 'FAIL', message: 'not a PDF (no %PDF- header)' }];
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
  } catch (error) {
    return [{ id: 'file', status: 'FAIL', message: `cannot parse the PDF: ${(error as Error).message}` }];
  }
  const ctx = pdf.context;
  const results: PreflightResult[] = [];
  const add = (id: string, status: PreflightStatus, message: string) => results.push({ id, status, message });
  const info = resolve(ctx, ctx.trailerInfo.Info);
  const version = header[1]!;

  // --- Identification ---------------------------------------------------------------------------
  const xVersion = textOf(get(ctx, info, 'GTS_PDFXVersion')) ?? xmpPdfxVersion(ctx, pdf.catalog);
  const conformance = textOf(get(ctx, info, 'GTS_PDFXConformance'));
  const isX4 = xVersion?.startsWith('PDF/X-4') ?? false;
  const isX1a = !isX4 && (conformance?.startsWith('PDF/X-1a') ?? xVersion?.startsWith('PDF/X-1') ?? false);
  if (!xVersion) add('pdfx-keys', 'FAIL', 'no GTS_PDFXVersion: not identified as PDF/X');
  else if (xVersion.startsWith('PDF/X-1') && !conformance?.startsWith('PDF/X-1a')) {
    add('pdfx-keys', 'FAIL', `${xVersion} without GTS_PDFXConformance PDF/X-1a`);
  } else add('pdfx-keys', 'PASS', conformance ? `${xVersion}, ${conformance}` : xVersion);

  const maxVersion = isX4 ? '1.6' : xVersion === 'PDF/X-1:2001' ? '1.3' : '1.4';
  if (!xVersion) add('pdf-version', 'WARN', `PDF ${version}`);
  else if (version > maxVersion)
    add('pdf-version', 'FAIL', `PDF ${version}, ${xVersion} allows at most ${maxVersion}`);
  else add('pdf-version', 'PASS', `PDF ${version}`);

  const trappedRaw = get(ctx, info, 'Trapped');
  const trapped = nameOf(trappedRaw);
  if (trapped === 'True' || trapped === 'False') add('trapped', 'PASS', `/Trapped /${trapped}`);
  else if (textOf(trappedRaw) !== undefined)
    add('trapped', 'FAIL', `/Trapped is the string (${textOf(trappedRaw)}), must be a name`);
  else add('trapped', 'FAIL', trapped ? `/Trapped /${trapped}: must be /True or /False` : 'no /Trapped key');

  const missingInfo = ['Title', 'CreationDate', 'ModDate'].filter((k) => get(ctx, info, k) === undefined);
  if (!ctx.trailerInfo.ID) missingInfo.push('trailer /ID');
  add(
    'info',
    missingInfo.length ? 'FAIL' : 'PASS',
    missingInfo.length
      ? `missing ${missingInfo.join(', ')}`
      : `title "${textOf(get(ctx, info, 'Title'))}", dates and ID present`,
  );

  // --- Output intent ----------------------------------------------------------------------------
  const intents = arrayOf(ctx, pdf.catalog.get(PDFName.of('OutputIntents'))) ?? [];
  const pdfx = intents.find((i) => nameOf(get(ctx, i, 'S')) === 'GTS_PDFX');
  if (!pdfx) add('output-intent', 'FAIL', 'no GTS_PDFX output intent');
  else {
    const id = textOf(get(ctx, pdfx, 'OutputConditionIdentifier')) ?? '(none)';
    const profile = get(ctx, pdfx, 'DestOutputProfile');
    const n = numberOf(get(ctx, profile, 'N'));
    const desc = profile instanceof PDFStream ? iccDescription(streamBytes(profile)) : undefined;
    if (!profile)
      add(
        'output-intent',
        'WARN',
        `"${id}" without an embedded profile (only valid for registered conditions)`,
      );
    else if (n !== 4)
      add('output-intent', 'FAIL', `"${id}": output profile has ${n} channels, CMYK expected`);
    else add('output-intent', 'PASS', `"${id}", CMYK profile embedded${desc ? ` (${desc})` : ''}`);
  }

  // --- Security and interactivity ---------------------------------------------------------------
  add('encryption', pdf.isEncrypted ? 'FAIL' : 'PASS', pdf.isEncrypted ? 'encrypted' : 'not encrypted');

  // --- Pages: boxes, annotations, fonts, content ------------------------------------------------
  const pages = pdf.getPages();
  const boxProblems: string[] = [];
  const noBleed: string[] = [];
  const annots: string[] = [];
  const fonts = new Map<string, { name: string; embedded: boolean; subset: boolean }>();
  const limits: ScanLimits = {
    tac: o.tacLimit,
    minTextPt: o.minTextPt,
    minMultiInkTextPt: o.minMultiInkTextPt,
    minStrokePt: o.minStrokePt,
  };
  const report = emptyReport();
  pages.forEach((page, index) => {
    const n = index + 1;
    const node = page.node;
    const media = rectOf(ctx, node.MediaBox());
    const trim = rectOf(ctx, node.TrimBox() ?? node.ArtBox());
    const bleed = rectOf(ctx, node.BleedBox());
    if (!media) boxProblems.push(`page ${n}: no MediaBox`);
    if (!trim) boxProblems.push(`page ${n}: no TrimBox`);
    if (!bleed) noBleed.push(`page ${n}`);
    if (media && trim && !within(trim, bleed ?? media))
      boxProblems.push(`page ${n}: TrimBox outside the BleedBox`);
    if (media && bleed && !within(bleed, media)) boxProblems.push(`page ${n}: BleedBox outside the MediaBox`);
    for (const a of arrayOf(ctx, node.Annots()) ?? []) {
      const sub = nameOf(get(ctx, a, 'Subtype'));
      if (sub !== 'PrinterMark') annots.push(`page ${n}: /${sub ?? '?'}`);
    }
    const resources = node.Resources();
    collectFonts(ctx, resources, fonts, 0);
    if (nameOf(get(ctx, get(ctx, node, 'Group'), 'S')) === 'Transparency') {
      report.transparency.push(`page ${n}: transparency group`);
    }
    const contents = resolve(ctx, node.Contents());
    const streams = contents instanceof PDFStream ? [contents] : (arrayOf(ctx, contents) ?? []);
    const parts = streams.map((s) => streamBytes(s));
    if (parts.some((p) => !p)) report.unreadable.push(`page ${n}: content stream`);
    const joined = Buffer.concat(
      parts.filter((p): p is Uint8Array => !!p).flatMap((p) => [p, Buffer.from('\n')]),
    );
    scanContent(ctx, joined, resources, [1, 0, 0, 1, 0, 0], n, limits, report);
  });

  if (pages.length === 0) add('page-boxes', 'FAIL', 'no pages');
  else if (boxProblems.length) add('page-boxes', 'FAIL', list(boxProblems));
  else if (noBleed.length)
    add('page-boxes', 'WARN', `TrimBox on every page, no BleedBox on ${list(noBleed)}`);
  else add('page-boxes', 'PASS', `MediaBox, BleedBox and TrimBox on all ${pages.length} page(s)`);

  add('annotations', annots.length ? 'FAIL' : 'PASS', annots.length ? list(annots) : 'none');

  const unembedded = [...fonts.values()].filter((f) => !f.embedded).map((f) => f.name);
  const subsets = [...fonts.values()].filter((f) => f.subset).length;
  if (unembedded.length) add('fonts-embedded', 'FAIL', `not embedded: ${list([...new Set(unembedded)])}`);
  else add('fonts-embedded', 'PASS', `${fonts.size} font(s), all embedded (${subsets} subset)`);

  // Colour: RGB anywhere fails (newsprint prints CMYK; an RGB object leaves conversion to chance).
  const rgbImages = report.images.filter((i) => i.family === 'rgb');
  const otherImages = report.images.filter((i) => i.family === 'lab' || i.family === 'unknown');
  const contentRgb = report.rgb.filter((r) => !r.includes(' image '));
  add(
    'colour-content',
    contentRgb.length ? 'FAIL' : report.tacOver.length ? 'FAIL' : 'PASS',
    contentRgb.length
      ? `RGB colour in content: ${list(contentRgb)}`
      : report.tacOver.length
        ? `ink above ${o.tacLimit}%: ${list(report.tacOver)}`
        : `CMYK/gray only, max ink ${Math.round(report.maxTac)}% (limit ${o.tacLimit}%)`,
  );
  const kinds = [...new Set(report.images.map((i) => i.family))].join(', ') || 'no images';
  add(
    'colour-images',
    rgbImages.length ? 'FAIL' : otherImages.length ? 'WARN' : 'PASS',
    rgbImages.length
      ? `RGB images: ${list(rgbImages.map((i) => `page ${i.page} ${i.name}`))}`
      : otherImages.length
        ? `images in ${kinds}`
        : `${report.images.length} placement(s): ${kinds}`,
  );

  const photos = report.images.filter((i) => !i.mask);
  const low = photos.filter((i) => i.ppi < o.failBelowPpi);
  const soft = photos.filter((i) => i.ppi >= o.failBelowPpi && i.ppi < o.warnBelowPpi);
  const ppiText = (i: (typeof photos)[number]) => `page ${i.page} ${i.name} ${Math.round(i.ppi)} ppi`;
  if (photos.length === 0) add('image-resolution', 'PASS', 'no images');
  else if (low.length)
    add('image-resolution', 'FAIL', `below ${o.failBelowPpi} ppi: ${list(low.map(ppiText))}`);
  else if (soft.length)
    add('image-resolution', 'WARN', `below ${o.warnBelowPpi} ppi: ${list(soft.map(ppiText))}`);
  else
    add(
      'image-resolution',
      'PASS',
      `${photos.length} placement(s), lowest ${Math.round(Math.min(...photos.map((i) => i.ppi)))} ppi`,
    );

  if (report.transparency.length) {
    add(
      'transparency',
      isX4 ? 'PASS' : 'FAIL',
      `${isX4 ? 'allowed in PDF/X-4: ' : ''}${list(report.transparency)}`,
    );
  } else add('transparency', 'PASS', 'none');

  const textIssues = [...report.smallText, ...report.multiInkSmallText];
  add(
    'text-size',
    textIssues.length ? 'WARN' : 'PASS',
    textIssues.length
      ? list(textIssues)
      : `no text under ${o.minTextPt} pt, no reversed or multi-ink text under ${o.minMultiInkTextPt} pt`,
  );
  add(
    'rule-width',
    report.thinStrokes.length ? 'WARN' : 'PASS',
    report.thinStrokes.length ? list(report.thinStrokes) : `no line under ${o.minStrokePt} pt`,
  );
  if (report.unreadable.length)
    add('content-readable', 'WARN', `not checked (undecodable): ${list(report.unreadable)}`);
  if (!isX1a && !isX4 && xVersion) add('pdfx-keys', 'WARN', `unknown PDF/X version ${xVersion}`);
  return results;
}

function within(inner: number[], outer: number[], eps = 0.01): boolean {
  return (
    inner[0]! >= outer[0]! - eps &&
    inner[1]! >= outer[1]! - eps &&
    inner[2]! <= outer[2]! + eps &&
    inner[3]! <= outer[3]! + eps
  );
}

function list(items: string[], max = 6): string {
  return items.length > max
    ? `${items.slice(0, max).join('; ')}; … (${items.length} in all)`
    : items.join('; ');
}

/** Fonts of a resource dictionary and of the forms in it (each font once, by object identity). */
function collectFonts(
  ctx: PDFContext,
  resources: Obj,
  out: Map<string, { name: string; embedded: boolean; subset: boolean }>,
  depth: number,
): void {
  const fontDict = get(ctx, resources, 'Font');
  const raw = resolve(ctx, fontDict);
  if (raw instanceof PDFDict) {
    for (const key of dictKeys(ctx, raw)) {
      const ref = raw.get(PDFName.of(key));
      const id = idOf(ref, `${key}@${depth}:${out.size}`);
      if (out.has(id)) continue;
      const font = resolve(ctx, ref);
      const subtype = nameOf(get(ctx, font, 'Subtype'));
      const name = nameOf(get(ctx, font, 'BaseFont')) ?? key;
      let descriptor = get(ctx, font, 'FontDescriptor');
      if (subtype === 'Type0')
        descriptor = get(ctx, arrayOf(ctx, get(ctx, font, 'DescendantFonts'))?.[0], 'FontDescriptor');
      const embedded =
        subtype === 'Type3' ||
        ['FontFile', 'FontFile2', 'FontFile3'].some((k) => get(ctx, descriptor, k) instanceof PDFStream);
      out.set(id, { name, embedded, subset: /^[A-Z]{6}\+/.test(name) });
    }
  }
  if (depth >= 8) return;
  const xobjects = resolve(ctx, get(ctx, resources, 'XObject'));
  if (xobjects instanceof PDFDict) {
    for (const key of dictKeys(ctx, xobjects)) {
      const x = get(ctx, xobjects, key);
      if (nameOf(get(ctx, x, 'Subtype')) === 'Form')
        collectFonts(ctx, get(ctx, x, 'Resources'), out, depth + 1);
    }
  }
}

/** PDF/X version from the XMP packet (PDF/X-4 identifies itself there). */
function xmpPdfxVersion(ctx: PDFContext, catalog: PDFDict): string | undefined {
  const meta = get(ctx, catalog, 'Metadata');
  const bytes = meta instanceof PDFStream ? streamBytes(meta) : undefined;
  if (!bytes) return undefined;
  const xml = Buffer.from(bytes).toString('utf8');
  return (
    /<pdfxid:GTS_PDFXVersion>([^<]+)</.exec(xml)?.[1] ?? /pdfxid:GTS_PDFXVersion="([^"]+)"/.exec(xml)?.[1]
  );
}

/** The 'desc' text of an ICC profile (v2 textDescriptionType), for the report. */
function iccDescription(icc: Uint8Array | undefined): string | undefined {
  if (!icc || icc.length < 132) return undefined;
  const view = Buffer.from(icc.buffer, icc.byteOffset, icc.byteLength);
  const count = view.readUInt32BE(128);
  for (let i = 0; i < count && 132 + i * 12 + 12 <= view.length; i++) {
    const at = 132 + i * 12;
    if (view.toString('latin1', at, at + 4) !== 'desc') continue;
    const offset = view.readUInt32BE(at + 4);
    if (view.toString('latin1', offset, offset + 4) === 'desc') {
      const len = view.readUInt32BE(offset + 8);
      return view.toString('latin1', offset + 12, offset + 12 + len).replace(/\0+$/, '');
    }
  }
  return undefined;
}
