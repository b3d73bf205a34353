/** Small readers over pdf-lib's object model: resolve references, read names, numbers, text, streams. */
import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  type PDFContext,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';

export type Obj = PDFObject | undefined;

export function resolve(ctx: PDFContext, obj: Obj): Obj {
  let o = obj;
  for (let i = 0; i < 32 && o instanceof PDFRef; i++) o = ctx.lookup(o);
  return o;
}

export function get(ctx: PDFContext, holder: Obj, key: string): Obj {
  const h = resolve(ctx, holder);
  const dict = h instanceof PDFDict ? h : h instanceof PDFStream ? h.dict : undefined;
  return dict ? resolve(ctx, dict.get(PDFName.of(key))) : undefined;
}

export function nameOf(obj: Obj): string | undefined {
  return obj instanceof PDFName ? obj.decodeText() : undefined;
}

export function numberOf(obj: Obj): number | undefined {
  return obj instanceof PDFNumber ? obj.asNumber() : undefined;
}

export function boolOf(obj: Obj): boolean | undefined {
  return obj instanceof PDFBool ? obj.asBoolean() : undefined;
}

export function textOf(obj: Obj): string | undefined {
  return obj instanceof PDFString || obj instanceof PDFHexString ? obj.decodeText() : undefined;
}

export function arrayOf(ctx: PDFContext, obj: Obj): Obj[] | undefined {
  const a = resolve(ctx, obj);
  return a instanceof PDFArray ? a.asArray().map((x) => resolve(ctx, x)) : undefined;
}

export function dictKeys(ctx: PDFContext, obj: Obj): string[] {
  const d = resolve(ctx, obj);
  const dict = d instanceof PDFDict ? d : d instanceof PDFStream ? d.dict : undefined;
  return dict ? dict.keys().map((k) => k.decodeText()) : [];
}

export function rectOf(ctx: PDFContext, obj: Obj): [number, number, number, number] | undefined {
  const a = arrayOf(ctx, obj);
  if (a?.length !== 4) return undefined;
  const v = a.map(numberOf);
  if (v.some((x) => x === undefined)) return undefined;
  const [x1, y1, x2, y2] = v as number[];
  return [Math.min(x1!, x2!), Math.min(y1!, y2!), Math.max(x1!, x2!), Math.max(y1!, y2!)];
}

/** Decoded bytes of a stream (Flate, LZW, ASCII85, ASCIIHex, RunLength); undefined when undecodable. */
export function streamBytes(obj: Obj): Uint8Array | undefined {
  if (!(obj instanceof PDFRawStream)) return obj instanceof PDFStream ? obj.getContents() : undefined;
  try {
    return decodePDFRawStream(obj).decode();
  } catch {
    return undefined;
  }
}

/** A stable identity for an object (its reference when indirect) to avoid checking it twice. */
export function idOf(raw: Obj, fallback: string): string {
  return raw instanceof PDFRef ? raw.toString() : fallback;
}

export { PDFArray, PDFDict, PDFName, PDFRef, PDFStream };
