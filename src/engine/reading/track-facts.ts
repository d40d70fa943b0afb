import type { AudioFeatures } from '../../audio/features.js';
import type { CoverInput } from '../types.js';

/**
 * What a cover may print about a track besides its title and artist. A
 * printed tempo or key reads as a fact, so each is here only when it was
 * measured with some confidence or the tags state it; the stand-in figures
 * that drive the art for a track without audio never appear here.
 */
export interface TrackFacts {
  /** e.g. "128 BPM": measured, or as written in the tags. */
  tempo: string | null;
  /** e.g. "A MINOR": measured, or as written in the tags. */
  key: string | null;
  /** e.g. "3:42": the audio's length. */
  duration: string | null;
  /** The track's own style words, e.g. ["LO-FI HIP HOP", "CHILL"]. */
  styleWords: string[];
}

/**
 * Below these the audio analysis says its estimate is a guess (see
 * `AudioFeatures.keyConfidence` and `bpmConfidence`), so it is not printed.
 */
const MIN_KEY_CONFIDENCE = 0.2;
const MIN_TEMPO_CONFIDENCE = 0.2;
/** Longer tags would shrink a caption to dust. */
const MAX_STYLE_WORD = 22;

const TAG_BPM = /(\d{2,3})\s*bpm\b|\bbpm\s*(\d{2,3})/i;
const TAG_KEY = /\b([a-g])\s?([#♯b♭])?\s*(major|minor|maj|min)\b/i;

export function readFacts(input: CoverInput): TrackFacts {
  const audio = input.audio;
  return {
    tempo: measuredTempo(audio) ?? taggedTempo(input.tags),
    key: measuredKey(audio) ?? taggedKey(input.tags),
    duration: audio ? durationLabel(audio.durationSec) : null,
    styleWords: styleWords(input.tags),
  };
}

/** "128 BPM · A MINOR", or the style words when no figure is known. */
export function factsCaption(facts: TrackFacts, separator = ' · '): string {
  const figures = [facts.tempo, facts.key].filter((f) => f !== null);
  return (figures.length > 0 ? figures : facts.styleWords).join(separator);
}

/** Up to `count` short facts, one per line: figures first, then words. */
export function factLines(facts: TrackFacts, count: number): string[] {
  const figures = [facts.tempo, facts.key].filter((f) => f !== null);
  return [...figures, ...facts.styleWords].slice(0, count);
}

function measuredTempo(audio: AudioFeatures | null): string | null {
  if (!audio || !(audio.bpmConfidence >= MIN_TEMPO_CONFIDENCE)) return null;
  return Number.isFinite(audio.bpm) ? `${Math.round(audio.bpm)} BPM` : null;
}

function measuredKey(audio: AudioFeatures | null): string | null {
  if (!audio || !(audio.keyConfidence >= MIN_KEY_CONFIDENCE)) return null;
  return `${audio.key} ${audio.mode === 'minor' ? 'MINOR' : 'MAJOR'}`;
}

function taggedTempo(tags: string): string | null {
  const match = TAG_BPM.exec(tags);
  const bpm = match?.[1] ?? match?.[2];
  return bpm ? `${Number(bpm)} BPM` : null;
}

function taggedKey(tags: string): string | null {
  const match = TAG_KEY.exec(tags);
  if (!match) return null;
  const accidental = { '#': '#', '♯': '#', b: '♭', '♭': '♭' }[
    (match[2] ?? '').toLowerCase()
  ];
  const minor = (match[3] ?? '').toLowerCase().startsWith('min');
  const note = (match[1] ?? '').toUpperCase();
  return `${note}${accidental ?? ''} ${minor ? 'MINOR' : 'MAJOR'}`;
}

/** The tags as typed, less those that state a tempo or key. */
function styleWords(tags: string): string[] {
  return tags
    .split(/[,;\n]/)
    .map((tag) => tag.trim().replace(/\s+/g, ' '))
    .filter((tag) => tag !== '' && tag.length <= MAX_STYLE_WORD)
    .filter((tag) => !TAG_BPM.test(tag) && !TAG_KEY.test(tag))
    .slice(0, 2)
    .map((tag) => tag.toUpperCase());
}

function durationLabel(seconds: number): string | null {
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
