import fs from 'node:fs';
import path from 'node:path';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { REPO_ROOT } from './sleeve-server.js';

/** The shared real input (present in CI, never on a user's machine). */
export const SHARED_TRACKS = path.resolve(REPO_ROOT, '../shared/tracks');

export interface SharedTrack {
  title: string;
  artist: string;
  tags: string;
  prompt: string;
  instrumental: boolean;
  audio: string | null;
}

export function loadSharedTracks(): SharedTrack[] {
  const file = path.join(SHARED_TRACKS, 'tracks.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SharedTrack[];
}

export function readSharedRecord(name: string): unknown {
  const file = path.join(SHARED_TRACKS, 'suno-records', name);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export interface DecodedImage {
  width: number;
  height: number;
  /** RGBA bytes. */
  pixels: Uint8ClampedArray;
}

/** Really decodes an image (PNG, JPEG, WebP) and reads its pixels. */
export async function decodeImage(bytes: Buffer): Promise<DecodedImage> {
  const image = await loadImage(bytes);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const data = context.getImageData(0, 0, image.width, image.height);
  return { width: image.width, height: image.height, pixels: data.data };
}

/** Mean absolute difference of two same-sized images, 0-255. */
export function meanPixelDifference(a: DecodedImage, b: DecodedImage): number {
  if (a.width !== b.width || a.height !== b.height) return 255;
  let sum = 0;
  for (let i = 0; i < a.pixels.length; i += 4) {
    for (let c = 0; c < 3; c += 1) {
      sum += Math.abs((a.pixels[i + c] ?? 0) - (b.pixels[i + c] ?? 0));
    }
  }
  return sum / ((a.pixels.length / 4) * 3);
}
