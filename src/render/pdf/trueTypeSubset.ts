/**
 * TrueType font subsets for the PDF, written byte for byte as fontkit 2.0.4's own subsetter
 * (TTFSubset) writes them, but from glyph bytes kept per face across pages.
 *
 * Why not fontkit's: it decodes every glyph's outline again on every page (only to learn whether
 * it is a composite, and for a bearing the file already holds) and re-encodes every table through
 * its generic struct encoder; that was an eighth of an edition's time. Here a face's file is read
 * once, each glyph's bytes are sliced from its `glyf` table once, and the tables no subset changes
 * (head, cvt, prep, fpgm, and hhea and maxp but for one count each) are the bytes fontkit itself
 * wrote for the face's one-glyph subset. A subset is then a copy of those bytes with its own
 * loca, glyf and hmtx: the same bytes as fontkit's (test/render/pdf/trueTypeSubset.test.ts checks
 * them against fontkit's for every face galley ships, on random glyph sets).
 *
 * Faces this does not cover (CFF outlines, variable fonts, anything not a plain TrueType file) keep
 * fontkit's subsetter: `fastSubsetFor` returns undefined for them.
 */
import type { Font } from 'fontkit';

/** What pdfkit asks of a subset: ids as it includes glyphs, then the font file's bytes. */
export interface FontSubset {
  includeGlyph(glyphId: number): number;
  encode(): Uint8Array;
}

interface Table {
  tag: string;
  bytes: Uint8Array;
}

interface GlyphBytes {
  bytes: Uint8Array;
  /** Byte positions of a composite's component glyph ids, and those ids. */
  componentAt: number[];
  componentIds: number[];
}

/** One face: its file's tables as offsets, fontkit's fixed tables, and glyphs sliced on first use. */
interface Face {
  data: DataView;
  file: Uint8Array;
  glyfStart: number;
  glyfLength: number;
  locaStart: number;
  longLoca: boolean;
  numGlyphs: number;
  hmtxStart: number;
  hmtxLength: number;
  numberOfHMetrics: number;
  /** fontkit's one-glyph subset, table by table, in its order; its 12-byte header. */
  template: Table[];
  header: Uint8Array;
  glyphs: Map<number, GlyphBytes>;
}

const TRUETYPE = 0x00010000;
const TRUE = 0x74727565; // 'true'
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

const faces = new WeakMap<Font, Face | null>();

/**
 * A subset factory for `font`, parsed from the font file `file`, or undefined where fontkit's own
 * subsetter must do. The face is read once per fontkit font object, for the life of the process.
 */
export function fastSubsetFor(font: Font, file: Uint8Array): (() => FontSubset) | undefined {
  let face = faces.get(font);
  if (face === undefined) {
    face = readFace(font, file);
    faces.set(font, face);
  }
  if (face === null) return undefined;
  const f = face;
  return () => createSubset(f);
}

function readFace(font: Font, file: Uint8Array): Face | null {
  if (file.length < 12) return null;
  const data = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const version = data.getUint32(0);
  if (version !== TRUETYPE && version !== TRUE) return null;
  const tables = new Map<string, { offset: number; length: number }>();
  const count = data.getUint16(4);
  if (12 + count * 16 > file.length) return null;
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(file[at]!, file[at + 1]!, file[at + 2]!, file[at + 3]!);
    const offset = data.getUint32(at + 8);
    const length = data.getUint32(at + 12);
    if (offset + length > file.length) return null;
    tables.set(tag, { offset, length });
  }
  const head = tables.get('head');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  const hmtx = tables.get('hmtx');
  const hhea = tables.get('hhea');
  const maxp = tables.get('maxp');
  // Variable fonts: fontkit re-encodes their outlines; leave them to it.
  if (!head || !loca || !glyf || !hmtx || !hhea || !maxp || tables.has('fvar') || tables.has('CFF '))
    return null;
  const template = fontkitTemplate(font);
  if (!template) return null;
  return {
    data,
    file,
    glyfStart: glyf.offset,
    glyfLength: glyf.length,
    locaStart: loca.offset,
    longLoca: data.getInt16(head.offset + 50) !== 0,
    numGlyphs: data.getUint16(maxp.offset + 4),
    hmtxStart: hmtx.offset,
    hmtxLength: hmtx.length,
    numberOfHMetrics: data.getUint16(hhea.offset + 34),
    template: template.tables,
    header: template.header,
    glyphs: new Map(),
  };
}

/** fontkit's subset of glyph 0 alone, cut into its tables: the bytes fontkit writes for this face. */
function fontkitTemplate(font: Font): { header: Uint8Array; tables: Table[] } | undefined {
  const encoded = (font.createSubset() as unknown as FontSubset).encode();
  const data = new DataView(encoded.buffer, encoded.byteOffset, encoded.byteLength);
  const count = data.getUint16(4);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(encoded[at]!, encoded[at + 1]!, encoded[at + 2]!, encoded[at + 3]!);
    const offset = data.getUint32(at + 8);
    tables.push({ tag, bytes: encoded.slice(offset, offset + data.getUint32(at + 12)) });
  }
  const tags = tables.map((t) => t.tag);
  // The layout this file reproduces; any other (a future fontkit) falls back to fontkit.
  for (const needed of ['head', 'hhea', 'loca', 'maxp', 'glyf', 'hmtx'])
    if (!tags.includes(needed)) return undefined;
  return { header: encoded.slice(0, 12), tables };
}

function locaOffset(face: Face, gid: number): number {
  return face.longLoca
    ? face.data.getUint32(face.locaStart + gid * 4)
    : face.data.getUint16(face.locaStart + gid * 2) * 2;
}

/** A glyph's bytes in the face's glyf table (empty for a glyph with no outline), sliced once. */
function glyphBytes(face: Face, gid: number): GlyphBytes {
  let glyph = face.glyphs.get(gid);
  if (glyph) return glyph;
  glyph = { bytes: new Uint8Array(0), componentAt: [], componentIds: [] };
  if (gid < face.numGlyphs) {
    const start = locaOffset(face, gid);
    const end = locaOffset(face, gid + 1);
    if (end > start && end <= face.glyfLength) {
      const at = face.glyfStart + start;
      glyph.bytes = face.file.subarray(at, face.glyfStart + end);
      if (face.data.getInt16(at) < 0) readComponents(face, at, glyph);
    }
  }
  face.glyphs.set(gid, glyph);
  return glyph;
}

/** A composite glyph's components: where each id sits, relative to the glyph's start. */
function readComponents(face: Face, glyphAt: number, glyph: GlyphBytes): void {
  const { data } = face;
  let at = glyphAt + 10;
  let flags = MORE_COMPONENTS;
  while (flags & MORE_COMPONENTS) {
    flags = data.getUint16(at);
    glyph.componentAt.push(at + 2 - glyphAt);
    glyph.componentIds.push(data.getUint16(at + 2));
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
  }
}

function createSubset(face: Face): FontSubset {
  const glyphs: number[] = [];
  const mapping = new Map<number, number>();
  const includeGlyph = (glyphId: number): number => {
    let id = mapping.get(glyphId);
    if (id === undefined) {
      id = glyphs.length;
      glyphs.push(glyphId);
      mapping.set(glyphId, id);
    }
    return id;
  };
  includeGlyph(0); // the missing glyph is always glyph 0, as in fontkit
  return { includeGlyph, encode: () => encodeSubset(face, glyphs, includeGlyph) };
}

function encodeSubset(face: Face, glyphs: number[], includeGlyph: (id: number) => number): Uint8Array {
  // Components are included as composites are met, after the glyphs asked for (fontkit's order).
  const parts: Uint8Array[] = [];
  let glyfLength = 0;
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphBytes(face, glyphs[i]!);
    let bytes = glyph.bytes;
    if (glyph.componentAt.length > 0) {
      bytes = bytes.slice();
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let c = 0; c < glyph.componentAt.length; c++)
        view.setUint16(glyph.componentAt[c]!, includeGlyph(glyph.componentIds[c]!));
    }
    parts.push(bytes);
    glyfLength += bytes.length;
  }
  const n = glyphs.length;
  const locaLength = (face.longLoca ? 4 : 2) * (n + 1);
  const lengthOf = (t: Table) =>
    t.tag === 'glyf' ? glyfLength : t.tag === 'loca' ? locaLength : t.tag === 'hmtx' ? 4 * n : t.bytes.length;
  const directoryLength = 12 + 16 * face.template.length;
  let total = directoryLength;
  for (const t of face.template) total += lengthOf(t);

  const out = Buffer.alloc(total);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  out.set(face.header, 0);
  let offset = directoryLength;
  face.template.forEach((table, i) => {
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[entry + k] = table.tag.charCodeAt(k);
    const length = lengthOf(table);
    view.setUint32(entry + 8, offset); // fontkit leaves checksums 0
    view.setUint32(entry + 12, length);
    if (table.tag === 'glyf') writeGlyf(out, offset, parts);
    else if (table.tag === 'loca') writeLoca(view, offset, parts, face.longLoca);
    else if (table.tag === 'hmtx') writeHmtx(face, view, offset, glyphs);
    else {
      out.set(table.bytes, offset);
      if (table.tag === 'maxp') view.setUint16(offset + 4, n);
      if (table.tag === 'hhea') view.setUint16(offset + 34, n);
    }
    offset += length;
  });
  return out;
}

function writeGlyf(out: Uint8Array, at: number, parts: Uint8Array[]): void {
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
}

function writeLoca(view: DataView, at: number, parts: Uint8Array[], long: boolean): void {
  let offset = 0;
  for (let i = 0; i <= parts.length; i++) {
    // Short offsets are stored halved (fontkit shifts right, as the format says).
    if (long) view.setUint32(at + i * 4, offset);
    else view.setUint16(at + i * 2, (offset >>> 1) & 0xffff);
    if (i < parts.length) offset += parts[i]!.length;
  }
}

/** Every glyph gets a full metric (advance, left bearing), read as fontkit reads hmtx. */
function writeHmtx(face: Face, view: DataView, at: number, glyphs: number[]): void {
  const { data, hmtxStart, hmtxLength, numberOfHMetrics: m } = face;
  const u16 = (pos: number) => (pos + 2 <= hmtxLength ? data.getUint16(hmtxStart + pos) : 0);
  const i16 = (pos: number) => (pos + 2 <= hmtxLength ? data.getInt16(hmtxStart + pos) : 0);
  for (let i = 0; i < glyphs.length; i++) {
    const gid = glyphs[i]!;
    const advance = gid < m ? u16(gid * 4) : m > 0 ? u16((m - 1) * 4) : 0;
    const bearing = gid < m ? i16(gid * 4 + 2) : i16(m * 4 + (gid - m) * 2);
    view.setUint16(at + i * 4, advance);
    view.setInt16(at + i * 4 + 2, bearing);
  }
}
