/**
 * How much room a prepared paragraph's text takes, whatever the measure: the sum of its boxes,
 * of its word spaces, the widest hyphen it may insert and the most a line may hang into its
 * margins. Bounds for deciding, before breaking, that a text cannot fit a shape (fitToFill tries
 * a headline at twenty sizes; most are ruled out by these sums alone).
 */
import type { Pt } from '../layout/geometry.js';
import { asPreparedText } from './nodes.js';
import type { PreparedParagraph } from './types.js';

export interface TextExtent {
  /** Natural widths of all boxes (the words), and of all word spaces. */
  boxes: Pt;
  spaces: Pt;
  /** The widest hyphen a break inserts, and the most a line's two ends protrude. */
  hyphen: Pt;
  protrusion: Pt;
}

/**
 * The extent of ragged text (justified text stretches and shrinks, so these sums bound nothing
 * simple); undefined for justified text or a drop cap.
 */
export function textExtent(prepared: PreparedParagraph): TextExtent | undefined {
  const p = asPreparedText(prepared);
  if (p.align === 'justify' || p.dropCap) return undefined;
  let boxes = 0;
  let spaces = 0;
  let hyphen = 0;
  let left = 0;
  let right = 0;
  for (const node of p.nodes) {
    if (node.type === 'box') {
      boxes += node.width;
      left = Math.max(left, node.protrudeLeft);
      right = Math.max(right, node.protrudeRight);
    } else if (node.type === 'glue') spaces += node.width;
    else {
      hyphen = Math.max(hyphen, node.width);
      if (node.hyphen) right = Math.max(right, node.hyphen.protrude);
    }
  }
  return { boxes, spaces, hyphen, protrusion: left + right };
}
