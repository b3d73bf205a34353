/**
 * sharp, loaded the first time a photo is probed or converted: loading its native module costs
 * about 100 ms, which a run that has no photos never pays.
 */
import type sharpModule from 'sharp';

let loading: Promise<typeof sharpModule> | undefined;

export function loadSharp(): Promise<typeof sharpModule> {
  loading ??= import('sharp').then((m) => m.default);
  return loading;
}
