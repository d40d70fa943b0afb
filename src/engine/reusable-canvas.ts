import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';

/** A canvas lent out for one render, cleared and with default state. */
export interface BorrowedCanvas {
  canvas: Canvas;
  ctx: SKRSContext2D;
}

/**
 * One canvas per purpose per thread, kept between renders. Skia's pixel
 * memory is invisible to V8, and Node-API runs the finalizer that frees it
 * only on a later turn of the event loop, so a canvas per cover piles up
 * megabytes that the garbage collector never feels a need to reclaim.
 * Reusing one surface makes the cost of a render constant. Renders are
 * synchronous, so a slot is never lent twice at once within a thread.
 */
const slots = new Map<string, BorrowedCanvas>();

/**
 * Lends the canvas of a slot at the given size, blank (transparent) and
 * with every piece of drawing state at its default, exactly as a new
 * canvas would be. A new size reallocates the surface, which frees the old
 * one at once, so a slot holds at most one surface.
 */
export function borrowCanvas(
  slot: string,
  width: number,
  height: number,
): BorrowedCanvas {
  const held = slots.get(slot);
  if (!held) {
    const canvas = createCanvas(width, height);
    const fresh = { canvas, ctx: canvas.getContext('2d') };
    slots.set(slot, fresh);
    return fresh;
  }
  if (held.canvas.width !== width || held.canvas.height !== height) {
    held.canvas.width = width;
    held.canvas.height = height;
  }
  held.ctx.reset();
  return held;
}
