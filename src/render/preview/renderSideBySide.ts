/**
 * Pictures side by side, in order, tops aligned, on a grey ground: page makeup's variants of one
 * page, to compare at a glance (`galley preview --variants N`).
 */
import sharp from 'sharp';

const GAP = 24;
const GROUND = { r: 128, g: 128, b: 128 };

export async function renderSideBySide(
  pngs: readonly Buffer[],
  options: { palette?: boolean } = {},
): Promise<Buffer> {
  const metas = await Promise.all(pngs.map((p) => sharp(p).metadata()));
  const width = metas.reduce((w, m) => w + (m.width ?? 0), 0) + GAP * (pngs.length + 1);
  const height = Math.max(...metas.map((m) => m.height ?? 0)) + 2 * GAP;
  let left = GAP;
  const layers = pngs.map((input, i) => {
    const layer = { input, left, top: GAP };
    left += (metas[i]!.width ?? 0) + GAP;
    return layer;
  });
  return sharp({ create: { width, height, channels: 3, background: GROUND } })
    .composite(layers)
    .png(options.palette ? { palette: true } : {})
    .toBuffer();
}
