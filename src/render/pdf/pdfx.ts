/**
 * PDF/X-1a:2001 (default) and PDF/X-4 on top of pdfkit: version, Info keys (Trapped as a name),
 * output intent with the embedded press profile, a content-derived document ID, XMP for X-4, page
 * boxes. pdfkit has none of this, so it reaches into internals (typed in pdfkitInternals.ts).
 */

import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Rect } from '../../layout/geometry.js';
import type { InternalDoc, PdfPage, PdfRef } from './pdfkitInternals.js';

export type PdfStandard = 'x1a' | 'x4';

export interface PdfxMeta {
  standard: PdfStandard;
  title: string;
  date: Date;
  /** CMYK output profile bytes (ICC, 4 channels). */
  profile: Uint8Array;
  condition: { identifier: string; info: string; registry: string };
}

export const PRODUCER = 'galley (pdfkit 0.20.2)';

/** A PDF name where pdfkit would write a string: its serialiser prints anything unknown via toString(). */
export function pdfName(name: string): object {
  return {
    [Symbol.toStringTag]: 'PDFName',
    toString: () => `/${name}`,
    valueOf() {
      return this;
    },
  };
}

/** Options for `new PDFDocument(...)`. `font: null` keeps pdfkit from loading (or ever using) Helvetica. */
export function pdfDocumentOptions(meta: PdfxMeta): Record<string, unknown> {
  const info: Record<string, unknown> = {
    Title: meta.title,
    Creator: 'galley',
    Producer: PRODUCER,
    CreationDate: meta.date,
    ModDate: meta.date,
    Trapped: pdfName('False'),
  };
  if (meta.standard === 'x1a') {
    info.GTS_PDFXVersion = 'PDF/X-1:2001';
    info.GTS_PDFXConformance = 'PDF/X-1a:2001';
  } else {
    info.GTS_PDFXVersion = 'PDF/X-4';
  }
  return {
    // PDF/X-1a:2001 is based on PDF 1.3; X-4 needs 1.6 (pdfkit writes 1.3 when no version is given).
    pdfVersion: meta.standard === 'x4' ? '1.6' : undefined,
    autoFirstPage: false,
    font: null,
    compress: true,
    info,
  };
}

const deflated = new WeakMap<Uint8Array, Buffer>();

function deflatedProfile(profile: Uint8Array): Buffer {
  let bytes = deflated.get(profile);
  if (!bytes) {
    bytes = deflateSync(profile);
    deflated.set(profile, bytes);
  }
  return bytes;
}

/** Output intent, document ID and XMP. Call once, right after construction. */
export function applyPdfx(doc: InternalDoc, meta: PdfxMeta, contentHash: string): void {
  // The profile is the same in every PDF of a run: deflate it once, not once per page.
  const profile = doc.ref({ N: 4, Filter: 'FlateDecode' });
  profile.end(deflatedProfile(meta.profile));
  const intent = doc.ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: new String(meta.condition.identifier),
    OutputCondition: new String(meta.condition.info),
    RegistryName: new String(meta.condition.registry),
    Info: new String(meta.condition.info),
    DestOutputProfile: profile,
  });
  intent.end();
  doc._root.data.OutputIntents = [intent];
  // pdfkit derives /ID from the Info dates only: two pages of one edition would share it.
  const id = createHash('sha256').update(contentHash).digest().subarray(0, 16);
  doc._id = new Uint8Array(id);
  if (meta.standard === 'x4') doc.metadata = fixedMetadata(xmpPacket(meta, Buffer.from(id).toString('hex')));
}

/** Registers the overprint graphics state (OP/op true, OPM 1: zero components leave other plates alone). */
export function createOverprintState(doc: InternalDoc): PdfRef {
  const gs = doc.ref({ Type: 'ExtGState', OP: true, op: true, OPM: 1 });
  gs.end();
  return gs;
}

export interface PdfBoxes {
  /** In display space: top-left origin at the trim's corner, points. */
  media: Rect;
  bleed: Rect;
  trim: Rect;
}

/** Page boxes in PDF user space (bottom-left origin of the media box), as [llx lly urx ury]. */
export function toPdfBox(r: Rect, media: Rect): [number, number, number, number] {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const llx = r.x - media.x;
  const ury = media.height - (r.y - media.y);
  return [round(llx), round(ury - r.height), round(llx + r.width), round(ury)];
}

export function setPageBoxes(page: PdfPage, boxes: PdfBoxes): void {
  const d = page.dictionary.data;
  d.MediaBox = toPdfBox(boxes.media, boxes.media);
  d.BleedBox = toPdfBox(boxes.bleed, boxes.media);
  d.TrimBox = toPdfBox(boxes.trim, boxes.media);
  // pdfkit writes UserUnit 1 (a PDF 1.6 key, and 1 is the default anyway).
  delete d.UserUnit;
}

function fixedMetadata(xml: string) {
  return {
    append() {},
    end() {},
    getXML: () => xml,
    getLength: () => Buffer.byteLength(xml),
  };
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function xmpPacket(meta: PdfxMeta, idHex: string): string {
  const date = `${meta.date.toISOString().split('.')[0]}Z`;
  const uuid = `uuid:${idHex.slice(0, 8)}-${idHex.slice(8, 12)}-${idHex.slice(12, 16)}-${idHex.slice(16, 20)}-${idHex.slice(20, 32)}`;
  return `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.title)}</rdf:li></rdf:Alt></dc:title>
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
   <xmp:CreatorTool>galley</xmp:CreatorTool>
   <pdf:Producer>${escapeXml(PRODUCER)}</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <xmpMM:DocumentID>${uuid}</xmpMM:DocumentID>
   <xmpMM:InstanceID>${uuid}</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
