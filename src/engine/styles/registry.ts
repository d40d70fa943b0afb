import { auraStyle } from './aura.js';
import { bauhausStyle } from './bauhaus.js';
import type { CoverStyle } from './style.js';

/** Every style the engine can paint, in the order galleries show them. */
export const STYLE_REGISTRY: readonly CoverStyle[] = [bauhausStyle, auraStyle];

export function findStyle(id: string): CoverStyle {
  const style = STYLE_REGISTRY.find((s) => s.info.id === id);
  if (!style) {
    const known = STYLE_REGISTRY.map((s) => s.info.id).join(', ');
    throw new Error(`unknown cover style "${id}"; known styles: ${known}`);
  }
  return style;
}
