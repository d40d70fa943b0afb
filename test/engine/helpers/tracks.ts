import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AudioFeatures } from '../../../src/audio/features.js';
import type { CoverInput } from '../../../src/engine/index.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '../../..');

/** The shared tracks (present in CI beside the repo, never shipped). */
export const SHARED_TRACKS = path.resolve(
  REPO_ROOT,
  '../shared/tracks/tracks.json',
);

interface TrackEntry {
  title: string;
  artist: string;
  tags: string;
  prompt: string;
  audio: string | null;
}

/**
 * Features measured from the shared recordings by src/audio (rounded and
 * stored), so engine tests do not depend on the audio analysis.
 */
function audioFixtures(): Record<string, AudioFeatures> {
  const file = path.join(HERE, '../fixtures/audio-features.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<
    string,
    AudioFeatures
  >;
}

/** The sample tracks the CLI ships (their audio is three shared ones). */
export const SAMPLE_TRACKS = path.resolve(REPO_ROOT, 'samples/tracks.json');

export function sharedTracks(): CoverInput[] {
  return tracksFrom(SHARED_TRACKS);
}

export function sampleTracks(): CoverInput[] {
  return tracksFrom(SAMPLE_TRACKS);
}

function tracksFrom(file: string): CoverInput[] {
  const entries = JSON.parse(readFileSync(file, 'utf8')) as TrackEntry[];
  const audio = audioFixtures();
  return entries.map((entry) => ({
    title: entry.title,
    artist: entry.artist,
    tags: entry.tags,
    lyrics: entry.prompt,
    audio: entry.audio ? (audio[entry.title] ?? null) : null,
  }));
}

export function trackTitled(title: string): CoverInput {
  const all = [...sharedTracks(), ...sampleTracks()];
  const track = all.find((t) => t.title === title);
  if (!track) throw new Error(`no shared track titled ${title}`);
  return track;
}
