/**
 * Walks a page's content streams (and the forms they draw) with the graphics state that matters to a
 * printer: the CTM (image resolution, rule widths, text sizes), colour spaces and values (RGB, ink
 * coverage) and graphics states (transparency).
 */
import type { PDFContext } from 'pdf-lib';
import { lexContent, Name, type Operand } from './contentLexer.js';
import {
  arrayOf,
  get,
  nameOf,
  numberOf,
  type Obj,
  PDFName,
  PDFStream,
  resolve,
  streamBytes,
} from './pdfObjects.js';

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export type Family = 'gray' | 'cmyk' | 'rgb' | 'lab' | 'spot' | 'pattern' | 'unknown';

export interface PlacedImage {
  page: number;
  name: string;
  widthPx: number;
  heightPx: number;
  ppi: number;
  family: Family;
  mask: boolean;
}

export interface ScanReport {
  rgb: string[];
  maxTac: number;
  tacOver: string[];
  images: PlacedImage[];
  transparency: string[];
  smallText: string[];
  multiInkSmallText: string[];
  thinStrokes: string[];
  unreadable: string[];
}

export interface ScanLimits {
  tac: number;
  minTextPt: number;
  minMultiInkTextPt: number;
  minStrokePt: number;
}

export function emptyReport(): ScanReport {
  return {
    rgb: [],
    maxTac: 0,
    tacOver: [],
    images: [],
    transparency: [],
    smallText: [],
    multiInkSmallText: [],
    thinStrokes: [],
    unreadable: [],
  };
}

const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** Colour space family of a colour-space object (name or array), following resources and bases. */
export function familyOf(ctx: PDFContext, cs: Obj, resources: Obj, depth = 0): Family {
  const o = resolve(ctx, cs);
  const name = nameOf(o);
  if (name) {
    switch (name) {
      case 'DeviceGray':
      case 'G':
      case 'CalGray':
        return 'gray';
      case 'DeviceCMYK':
      case 'CMYK':
        return 'cmyk';
      case 'DeviceRGB':
      case 'RGB':
      case 'CalRGB':
        return 'rgb';
      case 'Pattern':
        return 'pattern';
      case 'Lab':
        return 'lab';
    }
    const named = get(ctx, get(ctx, resources, 'ColorSpace'), name);
    return named && depth < 8 ? familyOf(ctx, named, resources, depth + 1) : 'unknown';
  }
  const arr = arrayOf(ctx, o);
  if (!arr || arr.length === 0 || depth >= 8) return 'unknown';
  switch (nameOf(arr[0])) {
    case 'ICCBased': {
      const n = numberOf(get(ctx, arr[1], 'N'));
      return n === 4 ? 'cmyk' : n === 3 ? 'rgb' : n === 1 ? 'gray' : 'unknown';
    }
    case 'Indexed':
    case 'I':
      return familyOf(ctx, arr[1], resources, depth + 1);
    case 'Separation':
    case 'DeviceN': {
      const alt = familyOf(ctx, arr[2], resources, depth + 1);
      return alt === 'rgb' ? 'rgb' : 'spot';
    }
    case 'Pattern':
      return 'pattern';
    case 'CalRGB':
      return 'rgb';
    case 'CalGray':
      return 'gray';
    case 'Lab':
      return 'lab';
    default:
      return 'unknown';
  }
}

interface GState {
  ctm: Matrix;
  fill: { family: Family; values: number[] };
  stroke: { family: Family; values: number[] };
  lineWidth: number;
  fontSize: number;
  hScale: number;
  renderMode: number;
}

/** Scans one content stream (page or form) into `report`. */
export function scanContent(
  ctx: PDFContext,
  bytes: Uint8Array,
  resources: Obj,
  ctm: Matrix,
  page: number,
  limits: ScanLimits,
  report: ScanReport,
  depth = 0,
): void {
  let gs: GState = {
    ctm,
    fill: { family: 'gray', values: [0] },
    stroke: { family: 'gray', values: [0] },
    lineWidth: 1,
    fontSize: 0,
    hScale: 1,
    renderMode: 0,
  };
  const saved: GState[] = [];
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let leading = 0;
  const nums = (args: Operand[]) => args.filter((a): a is number => typeof a === 'number');
  const where = `page ${page}`;

  const checkCmyk = (values: number[], what: string) => {
    const tac = values.reduce((a, b) => a + b, 0) * 100;
    const registration = values.length === 4 && values.every((v) => v >= 0.999);
    if (registration) return;
    report.maxTac = Math.max(report.maxTac, tac);
    if (tac > limits.tac + 0.5 && report.tacOver.length < 20)
      report.tacOver.push(`${where}: ${what} ${Math.round(tac)}%`);
  };
  const setColour = (which: 'fill' | 'stroke', family: Family, values: number[], op: string) => {
    gs[which] = { family, values };
    if (family === 'rgb') report.rgb.push(`${where}: ${op} (${which} colour in RGB)`);
    if (family === 'cmyk') checkCmyk(values, `${which} colour`);
  };
  const scaleOf = (m: Matrix) => Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));

  const showText = () => {
    if (gs.renderMode === 3 || gs.renderMode === 7) return; // invisible text (OCR layers, clipping)
    const m = mul(tm, gs.ctm);
    const size = Math.abs(gs.fontSize) * Math.hypot(m[2], m[3]);
    if (size <= 0) return;
    const sz = `${size.toFixed(1)} pt`;
    if (size < limits.minTextPt - 0.01 && report.smallText.length < 20)
      report.smallText.push(`${where}: text at ${sz}`);
    const { family, values } = gs.fill;
    const inks = family === 'cmyk' ? values.filter((v) => v > 0.001).length : family === 'gray' ? 1 : 2;
    const reversed = (family === 'cmyk' || family === 'gray') && values.every((v) => v <= 0.001);
    if ((inks > 1 || reversed) && size < limits.minMultiInkTextPt - 0.01) {
      if (report.multiInkSmallText.length < 20) {
        report.multiInkSmallText.push(`${where}: ${reversed ? 'reversed' : 'multi-ink'} text at ${sz}`);
      }
    }
  };
  const stroked = () => {
    const width = gs.lineWidth * scaleOf(gs.ctm);
    if (width < limits.minStrokePt - 0.001 && report.thinStrokes.length < 20) {
      report.thinStrokes.push(
        `${where}: line ${width === 0 ? '0 (device hairline)' : `${width.toFixed(2)} pt`}`,
      );
    }
  };
  const placeImage = (name: string, xobj: Obj, m: Matrix, inline?: Record<string, Operand>) => {
    const w = inline ? Number(inline.W ?? inline.Width) : numberOf(get(ctx, xobj, 'Width'));
    const h = inline ? Number(inline.H ?? inline.Height) : numberOf(get(ctx, xobj, 'Height'));
    const mask = inline
      ? inline.IM === true || inline.ImageMask === true
      : get(ctx, xobj, 'ImageMask')?.toString() === 'true';
    let family: Family = 'unknown';
    if (inline) {
      const cs = inline.CS ?? inline.ColorSpace;
      const csName = cs instanceof Name ? cs.name : undefined;
      family = csName ? familyOf(ctx, resolveNameObj(csName), resources) : mask ? 'gray' : 'unknown';
    } else {
      family = mask ? 'gray' : familyOf(ctx, get(ctx, xobj, 'ColorSpace'), resources);
      if (!mask && get(ctx, xobj, 'SMask'))
        report.transparency.push(`${where}: image ${name} has a soft mask`);
    }
    if (!w || !h) return;
    const wPt = Math.hypot(m[0], m[1]);
    const hPt = Math.hypot(m[2], m[3]);
    const ppi = Math.min(wPt > 0 ? (w * 72) / wPt : Infinity, hPt > 0 ? (h * 72) / hPt : Infinity);
    report.images.push({ page, name, widthPx: w, heightPx: h, ppi, family, mask });
    if (family === 'rgb') report.rgb.push(`${where}: image ${name} in RGB`);
  };
  const resolveNameObj = (name: string): Obj => PDFName.of(name);

  for (const { op, args, inline } of lexContent(bytes)) {
    switch (op) {
      case 'q':
        saved.push({ ...gs });
        break;
      case 'Q':
        gs = saved.pop() ?? gs;
        break;
      case 'cm': {
        const v = nums(args);
        if (v.length === 6) gs.ctm = mul(v as Matrix, gs.ctm);
        break;
      }
      case 'w':
        gs.lineWidth = nums(args)[0] ?? gs.lineWidth;
        break;
      case 'S':
      case 's':
      case 'B':
      case 'B*':
      case 'b':
      case 'b*':
        stroked();
        break;
      case 'g':
        setColour('fill', 'gray', [1 - (nums(args)[0] ?? 0)], op);
        break;
      case 'G':
        setColour('stroke', 'gray', [1 - (nums(args)[0] ?? 0)], op);
        break;
      case 'k':
        setColour('fill', 'cmyk', nums(args), op);
        break;
      case 'K':
        setColour('stroke', 'cmyk', nums(args), op);
        break;
      case 'rg':
        setColour('fill', 'rgb', nums(args), op);
        break;
      case 'RG':
        setColour('stroke', 'rgb', nums(args), op);
        break;
      case 'cs':
      case 'CS': {
        const name = args[0] instanceof Name ? args[0].name : '';
        const family = familyOf(ctx, resolveNameObj(name), resources);
        setColour(op === 'cs' ? 'fill' : 'stroke', family, [], `${op} /${name}`);
        break;
      }
      case 'sc':
      case 'scn':
      case 'SC':
      case 'SCN': {
        const which = op.startsWith('s') ? 'fill' : 'stroke';
        const current = gs[which];
        gs[which] = { family: current.family, values: nums(args) };
        if (current.family === 'cmyk' && nums(args).length === 4) checkCmyk(nums(args), `${which} colour`);
        break;
      }
      case 'gs': {
        const name = args[0] instanceof Name ? args[0].name : '';
        const state = get(ctx, get(ctx, resources, 'ExtGState'), name);
        const ca = numberOf(get(ctx, state, 'ca'));
        const CA = numberOf(get(ctx, state, 'CA'));
        const smask = get(ctx, state, 'SMask');
        const bm = nameOf(get(ctx, state, 'BM')) ?? nameOf(arrayOf(ctx, get(ctx, state, 'BM'))?.[0]);
        if ((ca !== undefined && ca < 1) || (CA !== undefined && CA < 1)) {
          report.transparency.push(`${where}: graphics state /${name} sets opacity ${ca ?? CA}`);
        }
        if (smask && nameOf(smask) !== 'None')
          report.transparency.push(`${where}: graphics state /${name} has a soft mask`);
        if (bm && bm !== 'Normal' && bm !== 'Compatible')
          report.transparency.push(`${where}: blend mode ${bm}`);
        const lw = numberOf(get(ctx, state, 'LW'));
        if (lw !== undefined) gs.lineWidth = lw;
        break;
      }
      case 'BT':
        tm = IDENTITY;
        tlm = IDENTITY;
        break;
      case 'Tf':
        gs.fontSize = nums(args)[0] ?? gs.fontSize;
        break;
      case 'Tz':
        gs.hScale = (nums(args)[0] ?? 100) / 100;
        break;
      case 'Tr':
        gs.renderMode = nums(args)[0] ?? 0;
        break;
      case 'TL':
        leading = nums(args)[0] ?? leading;
        break;
      case 'Tm': {
        const v = nums(args);
        if (v.length === 6) tm = tlm = v as Matrix;
        break;
      }
      case 'Td':
      case 'TD': {
        const [tx = 0, ty = 0] = nums(args);
        if (op === 'TD') leading = -ty;
        tm = tlm = mul([1, 0, 0, 1, tx, ty], tlm);
        break;
      }
      case 'T*':
        tm = tlm = mul([1, 0, 0, 1, 0, -leading], tlm);
        break;
      case 'Tj':
      case 'TJ':
      case "'":
      case '"':
        showText();
        break;
      case 'BI':
        if (inline) placeImage('inline image', undefined, gs.ctm, inline);
        break;
      case 'Do': {
        const name = args[0] instanceof Name ? args[0].name : '';
        const xobj = get(ctx, get(ctx, resources, 'XObject'), name);
        const subtype = nameOf(get(ctx, xobj, 'Subtype'));
        if (subtype === 'Image') placeImage(name, xobj, gs.ctm);
        else if (subtype === 'Form' && depth < 8 && xobj instanceof PDFStream) {
          const matrix =
            (arrayOf(ctx, get(ctx, xobj, 'Matrix'))?.map(numberOf) as Matrix | undefined) ?? IDENTITY;
          const formResources = get(ctx, xobj, 'Resources') ?? resources;
          if (
            get(ctx, get(ctx, xobj, 'Group'), 'S') &&
            nameOf(get(ctx, get(ctx, xobj, 'Group'), 'S')) === 'Transparency'
          ) {
            report.transparency.push(`${where}: form ${name} is a transparency group`);
          }
          const bytesOfForm = streamBytes(xobj);
          if (!bytesOfForm) report.unreadable.push(`${where}: form ${name}`);
          else
            scanContent(
              ctx,
              bytesOfForm,
              formResources,
              mul(matrix, gs.ctm),
              page,
              limits,
              report,
              depth + 1,
            );
        }
        break;
      }
    }
  }
}
