/** Number formatting for content streams: fixed precision, no exponent, no "-0": stable bytes. */
export function num(n: number, decimals = 3): string {
  if (!Number.isFinite(n)) throw new RangeError(`non-finite number in PDF content: ${n}`);
  const f = 10 ** decimals;
  const r = Math.round(n * f) / f;
  if (r === 0) return '0';
  return r.toFixed(decimals).replace(/\.?0+$/, '');
}
