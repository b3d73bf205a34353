/**
 * Scratch memory of the total-fit search (breakLines.ts): the break nodes as a struct of typed
 * arrays (node 0: the paragraph start), the active list (node indices, in the order TeX would keep
 * them), the candidates of the current breakpoint, and a pool of word-space centres for river
 * scoring. Every array grows by doubling; a pass resets the counts, never the capacity, so one
 * workspace serves call after call without allocating.
 */

/** First capacity of the workspace's arrays (grown by doubling). */
const INITIAL_NODES = 256;
const INITIAL_SPACES = 2048;
const INITIAL_CANDIDATES = 32;

function grownInt(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(size);
  out.set(a);
  return out;
}

function grownFloat(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(size);
  out.set(a);
  return out;
}

/** The search's scratch memory (see above); fields are read and written by breakLines.ts directly. */
export class BreakWorkspace {
  cap = INITIAL_NODES;
  count = 0;
  /** Node index of the break (-1: the paragraph start). */
  pos = new Int32Array(INITIAL_NODES);
  /** First box of the line after this break. */
  start = new Int32Array(INITIAL_NODES);
  /** Lines set before this break (the next line is line number `line`). */
  line = new Int32Array(INITIAL_NODES);
  fitness = new Int32Array(INITIAL_NODES);
  /** Hyphenated lines in a row ending at this break. */
  hyph = new Int32Array(INITIAL_NODES);
  prev = new Int32Array(INITIAL_NODES);
  /** Whether this break is flagged (a hyphen or dash ends the line). */
  flagged = new Int32Array(INITIAL_NODES);
  /** Width and bottom flag of the line after this break (the line model asked once per node). */
  lineWidth = new Float64Array(INITIAL_NODES);
  lineBottom = new Int32Array(INITIAL_NODES);
  total = new Float64Array(INITIAL_NODES);
  /** Start and adjustment ratio of the line ending here (for its word-space centres). */
  lineFrom = new Int32Array(INITIAL_NODES);
  ratio = new Float64Array(INITIAL_NODES);
  /**
   * Word-space centres of the line ending here (pool slice), and those of them stacked on a space
   * of the line above; each computed on first use (done flags).
   */
  spaceDone = new Int32Array(INITIAL_NODES);
  stackDone = new Int32Array(INITIAL_NODES);
  spaceAt = new Int32Array(INITIAL_NODES);
  spaceCount = new Int32Array(INITIAL_NODES);
  stackAt = new Int32Array(INITIAL_NODES);
  stackCount = new Int32Array(INITIAL_NODES);
  active = new Int32Array(INITIAL_NODES);
  activeCount = 0;
  pool = new Float64Array(INITIAL_SPACES);
  poolUsed = 0;
  candCap = INITIAL_CANDIDATES;
  candClass = new Int32Array(INITIAL_CANDIDATES);
  candLine = new Int32Array(INITIAL_CANDIDATES);
  candFitness = new Int32Array(INITIAL_CANDIDATES);
  candHyph = new Int32Array(INITIAL_CANDIDATES);
  candPrev = new Int32Array(INITIAL_CANDIDATES);
  candStart = new Int32Array(INITIAL_CANDIDATES);
  candTotal = new Float64Array(INITIAL_CANDIDATES);
  candRatio = new Float64Array(INITIAL_CANDIDATES);

  /** Room for `more` nodes beyond the current count. */
  reserve(more: number): void {
    const need = this.count + more;
    if (need <= this.cap) return;
    let cap = this.cap * 2;
    while (cap < need) cap *= 2;
    this.cap = cap;
    this.pos = grownInt(this.pos, cap);
    this.start = grownInt(this.start, cap);
    this.line = grownInt(this.line, cap);
    this.fitness = grownInt(this.fitness, cap);
    this.hyph = grownInt(this.hyph, cap);
    this.prev = grownInt(this.prev, cap);
    this.flagged = grownInt(this.flagged, cap);
    this.lineWidth = grownFloat(this.lineWidth, cap);
    this.lineBottom = grownInt(this.lineBottom, cap);
    this.total = grownFloat(this.total, cap);
    this.lineFrom = grownInt(this.lineFrom, cap);
    this.ratio = grownFloat(this.ratio, cap);
    this.spaceDone = grownInt(this.spaceDone, cap);
    this.stackDone = grownInt(this.stackDone, cap);
    this.spaceAt = grownInt(this.spaceAt, cap);
    this.spaceCount = grownInt(this.spaceCount, cap);
    this.stackAt = grownInt(this.stackAt, cap);
    this.stackCount = grownInt(this.stackCount, cap);
    this.active = grownInt(this.active, cap);
  }

  /** Room for `more` word-space centres in the pool. */
  reservePool(more: number): void {
    const need = this.poolUsed + more;
    if (need <= this.pool.length) return;
    let cap = this.pool.length * 2;
    while (cap < need) cap *= 2;
    this.pool = grownFloat(this.pool, cap);
  }

  /** Room for one more candidate. */
  reserveCandidate(count: number): void {
    if (count < this.candCap) return;
    const cap = this.candCap * 2;
    this.candCap = cap;
    this.candClass = grownInt(this.candClass, cap);
    this.candLine = grownInt(this.candLine, cap);
    this.candFitness = grownInt(this.candFitness, cap);
    this.candHyph = grownInt(this.candHyph, cap);
    this.candPrev = grownInt(this.candPrev, cap);
    this.candStart = grownInt(this.candStart, cap);
    this.candTotal = grownFloat(this.candTotal, cap);
    this.candRatio = grownFloat(this.candRatio, cap);
  }
}
