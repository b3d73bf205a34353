/** A small tokenizer for PDF content streams: operands and operators, inline images skipped. */

export type Operand =
  | number
  | string
  | boolean
  | null
  | Name
  | Operand[]
  | { [key: string]: Operand }
  | Uint8Array;

/** A PDF name (without the slash). */
export class Name {
  constructor(readonly name: string) {}
}

export interface Op {
  op: string;
  args: Operand[];
  /** For the BI operator: the inline image's dictionary. */
  inline?: Record<string, Operand>;
}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

export function* lexContent(bytes: Uint8Array): Generator<Op> {
  let pos = 0;
  const n = bytes.length;
  const stack: Operand[][] = [[]];
  const dictMarks: number[] = [];
  let args = stack[0]!;

  const skipWs = () => {
    while (pos < n) {
      const c = bytes[pos]!;
      if (WS.has(c)) pos++;
      else if (c === 0x25) while (pos < n && bytes[pos] !== 0x0a && bytes[pos] !== 0x0d) pos++;
      else break;
    }
  };
  const regular = () => {
    const start = pos;
    while (pos < n && !WS.has(bytes[pos]!) && !DELIM.has(bytes[pos]!)) pos++;
    return String.fromCharCode(...bytes.subarray(start, pos));
  };

  while (pos < n) {
    skipWs();
    if (pos >= n) break;
    const c = bytes[pos]!;
    if (c === 0x2f) {
      pos++;
      args.push(new Name(regular()));
    } else if (c === 0x28) {
      args.push(literalString());
    } else if (c === 0x3c && bytes[pos + 1] === 0x3c) {
      pos += 2;
      dictMarks.push(args.length);
    } else if (c === 0x3e && bytes[pos + 1] === 0x3e) {
      pos += 2;
      const start = dictMarks.pop() ?? 0;
      const items = args.splice(start);
      const dict: Record<string, Operand> = {};
      for (let i = 0; i + 1 < items.length; i += 2) {
        const k = items[i];
        if (k instanceof Name) dict[k.name] = items[i + 1]!;
      }
      args.push(dict);
    } else if (c === 0x3c) {
      const end = bytes.indexOf(0x3e, pos);
      const hex = String.fromCharCode(...bytes.subarray(pos + 1, end < 0 ? n : end)).replace(/\s/g, '');
      pos = end < 0 ? n : end + 1;
      args.push(
        Uint8Array.from((hex.length % 2 ? `${hex}0` : hex).match(/../g) ?? [], (h) => Number.parseInt(h, 16)),
      );
    } else if (c === 0x5b) {
      pos++;
      const inner: Operand[] = [];
      stack.push(inner);
      args = inner;
    } else if (c === 0x5d) {
      pos++;
      if (stack.length > 1) {
        const inner = stack.pop()!;
        args = stack[stack.length - 1]!;
        args.push(inner);
      }
    } else if (c === 0x7b || c === 0x7d || c === 0x29 || c === 0x3e) {
      pos++; // stray delimiters (PostScript calculator braces) carry no meaning here
    } else {
      const word = regular();
      if (word === '') {
        pos++;
        continue;
      }
      const num = Number(word);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) && Number.isFinite(num)) args.push(num);
      else if (word === 'true' || word === 'false') args.push(word === 'true');
      else if (word === 'null') args.push(null);
      else if (stack.length > 1)
        args.push(new Name(word)); // an operator inside an array is malformed: keep going
      else if (word === 'BI') {
        yield { op: 'BI', args: [], inline: inlineImage() };
        args.length = 0;
      } else {
        yield { op: word, args: args.splice(0) };
      }
    }
  }

  function literalString(): Uint8Array {
    pos++;
    let depth = 1;
    const out: number[] = [];
    while (pos < n && depth > 0) {
      const ch = bytes[pos++]!;
      if (ch === 0x5c) {
        const e = bytes[pos++]!;
        const map: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 };
        if (e >= 0x30 && e <= 0x37) {
          let oct = e - 0x30;
          for (let i = 0; i < 2 && bytes[pos]! >= 0x30 && bytes[pos]! <= 0x37; i++)
            oct = oct * 8 + bytes[pos++]! - 0x30;
          out.push(oct & 0xff);
        } else if (e === 0x0a || e === 0x0d) {
          if (e === 0x0d && bytes[pos] === 0x0a) pos++;
        } else out.push(map[e] ?? e);
      } else {
        if (ch === 0x28) depth++;
        if (ch === 0x29 && --depth === 0) break;
        out.push(ch);
      }
    }
    return Uint8Array.from(out);
  }

  function inlineImage(): Record<string, Operand> {
    const dict: Record<string, Operand> = {};
    const saved = args;
    args = [];
    for (;;) {
      skipWs();
      if (pos >= n) break;
      if (bytes[pos] === 0x49 && bytes[pos + 1] === 0x44 && WS.has(bytes[pos + 2] ?? 0x20)) {
        pos += 3;
        break;
      }
      if (bytes[pos] === 0x2f) {
        pos++;
        const key = regular();
        skipWs();
        const before = args.length;
        // one value: a name, number, array or dict, read by the main loop's rules
        if (bytes[pos] === 0x2f) {
          pos++;
          dict[key] = new Name(regular());
        } else if (bytes[pos] === 0x5b) {
          const end = bytes.indexOf(0x5d, pos);
          dict[key] = String.fromCharCode(...bytes.subarray(pos + 1, end));
          pos = end + 1;
        } else {
          const w = regular();
          dict[key] = Number.isFinite(Number(w)) ? Number(w) : w === 'true';
        }
        args.length = before;
      } else pos++;
    }
    // Data ends at whitespace + "EI" + whitespace/end.
    while (pos < n) {
      if (
        WS.has(bytes[pos]!) &&
        bytes[pos + 1] === 0x45 &&
        bytes[pos + 2] === 0x49 &&
        (pos + 3 >= n || WS.has(bytes[pos + 3]!))
      ) {
        pos += 3;
        break;
      }
      pos++;
    }
    args = saved;
    return dict;
  }
}
