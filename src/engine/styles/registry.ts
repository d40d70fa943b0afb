import { auraStyle } from './aura.js';
import { bauhausStyle } from './bauhaus.js';
import { collageStyle } from './collage.js';
import { inkStyle } from './ink.js';
import { monoStyle } from './mono.js';
import { posterStyle } from './poster.js';
import type { CoverStyle } from './style.js';
import { sunsetStyle } from './sunset.js';
import { topoStyle } from './topo.js';
import { waveformStyle } from './waveform.js';

/** Every style the engine can paint, in the order galleries show them. */
export const STYLE_REGISTRY: readonly CoverStyle[] = [
  bauhausStyle,
  auraStyle,
  collageStyle,
  posterStyle,
  waveformStyle,
  topoStyle,
  sunsetStyle,
  monoStyle,
  inkStyle,
];

export function findStyle(id: string): CoverStyle {
  const style = STYLE_REGISTRY.find((s) => s.info.id === id);
  if (!style) {
    const known = STYLE_REGISTRY.map((s) => s.info.id).join(', ');
    throw new Error(`unknown cover style "${id}"; known styles: ${known}`);
  }
  return style;
}
