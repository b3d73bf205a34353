/**
 * The parts of pdfkit 0.20.2 (pinned) that galley uses beyond its public API, typed in one place.
 * Tests in test/render/pdf/pdfkitInternals.test.ts fail loudly if an upgrade moves any of them.
 */
import type PDFDocument from 'pdfkit';

export interface PdfRef {
  data: Record<string, unknown>;
  write(chunk: Uint8Array | string): void;
  end(chunk?: Uint8Array | string): void;
}

export interface PdfPage {
  dictionary: PdfRef;
  /** Resource dictionaries (getters create them on first use). */
  fonts: Record<string, unknown>;
  ext_gstates: Record<string, unknown>;
}

/** pdfkit's EmbeddedFont (a TTF/OTF embedded as a CID font, subset at the end). */
export interface PdfEmbeddedFont {
  id: string;
  /** fontkit font. */
  font: {
    unitsPerEm: number;
    getGlyph(id: number): { advanceWidth: number };
    layout(
      text: string,
      features?: Record<string, boolean>,
    ): {
      glyphs: { id: number; codePoints: number[] }[];
      positions: { xAdvance: number; xOffset: number; yOffset: number }[];
    };
  };
  /** fontkit's subset, or galley's byte-identical one (trueTypeSubset.ts): pdfkit calls encode() at the end. */
  subset: { includeGlyph(glyphId: number): number; encode(): Uint8Array };
  /** Advance widths by subset glyph id, in 1/1000 em. */
  widths: number[];
  /** Unicode code points by subset glyph id, for the ToUnicode CMap. */
  unicode: (number[] | undefined)[];
  /** 1000 / unitsPerEm. */
  scale: number;
  ref(): PdfRef;
}

export interface PdfMetadataLike {
  append(xml: string, newline?: boolean): void;
  end(): void;
  getXML(): string;
  getLength(): number;
}

export type InternalDoc = PDFKit.PDFDocument & {
  _root: PdfRef;
  _id: Uint8Array;
  _font: unknown;
  page: PdfPage;
  metadata: PdfMetadataLike;
  version: number;
  ref(data?: unknown): PdfRef;
  /** A string gets a newline and is taken as bytes (char codes & 0xff); bytes are taken as they are. */
  addContent(data: string | Uint8Array): InternalDoc;
  openImage(src: Buffer): { width: number; height: number; label: string };
};

export function internals(doc: InstanceType<typeof PDFDocument>): InternalDoc {
  return doc as unknown as InternalDoc;
}

/** The current font of the document after `doc.font(path)`, checked to be an embedded TTF/OTF. */
export function currentEmbeddedFont(doc: InternalDoc, label: string): PdfEmbeddedFont {
  const font = doc._font as Partial<PdfEmbeddedFont> | null;
  if (typeof font?.subset?.includeGlyph !== 'function' || !Array.isArray(font.widths)) {
    throw new Error(`${label}: not an embeddable TrueType/OpenType font (pdfkit gave no subset)`);
  }
  return font as PdfEmbeddedFont;
}
