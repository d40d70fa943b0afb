/**
 * Synthetic test signals with known tempo, key and level, built sample by
 * sample so every expected figure follows from how the signal was made.
 */

/** A deterministic pseudo-random source (mulberry32), values in −1..1. */
export function noiseSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  };
}

export function silence(seconds: number, rate: number): Float32Array {
  return new Float32Array(Math.round(seconds * rate));
}

export function sine(
  hz: number,
  seconds: number,
  rate: number,
  amplitude = 0.5,
): Float32Array {
  const out = silence(seconds, rate);
  for (let i = 0; i < out.length; i++) {
    out[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / rate);
  }
  return out;
}

export function whiteNoise(
  seconds: number,
  rate: number,
  amplitude = 0.5,
  seed = 1,
): Float32Array {
  const next = noiseSource(seed);
  const out = silence(seconds, rate);
  for (let i = 0; i < out.length; i++) out[i] = amplitude * next();
  return out;
}

/**
 * A drum-machine pulse: on every beat a kick (a sine sweeping from 150 to
 * 50 Hz with a 120 ms decay) plus a 10 ms tick of noise.
 */
export function kickTrack(
  bpm: number,
  seconds: number,
  rate: number,
  amplitude = 0.8,
): Float32Array {
  const out = silence(seconds, rate);
  const next = noiseSource(bpm);
  const beatSamples = (60 / bpm) * rate;
  for (let beat = 0; beat * beatSamples < out.length; beat++) {
    const start = Math.round(beat * beatSamples);
    addKick(out, start, rate, amplitude, next);
  }
  return out;
}

function addKick(
  out: Float32Array,
  start: number,
  rate: number,
  amplitude: number,
  next: () => number,
): void {
  const length = Math.min(Math.round(0.3 * rate), out.length - start);
  let phase = 0;
  for (let i = 0; i < length; i++) {
    const t = i / rate;
    const hz = 50 + 100 * Math.exp(-t / 0.03);
    phase += (2 * Math.PI * hz) / rate;
    const body = Math.sin(phase) * Math.exp(-t / 0.12);
    const tick = t < 0.01 ? 0.5 * next() * (1 - t / 0.01) : 0;
    out[start + i]! += amplitude * (0.8 * body + 0.2 * tick);
  }
}

/** MIDI note number to Hz (69 = A4 = 440 Hz). */
export function noteHz(note: number): number {
  return 440 * 2 ** ((note - 69) / 12);
}

/**
 * A tone with six harmonics falling off as 1/n, each note starting and
 * ending with a 10 ms ramp so the joins do not click.
 */
export function addTone(
  out: Float32Array,
  rate: number,
  note: number,
  startSec: number,
  seconds: number,
  amplitude: number,
): void {
  const hz = noteHz(note);
  const start = Math.round(startSec * rate);
  const length = Math.min(Math.round(seconds * rate), out.length - start);
  const ramp = Math.round(0.01 * rate);
  for (let i = 0; i < length; i++) {
    const edge = Math.min(1, i / ramp, (length - i) / ramp);
    let value = 0;
    for (let n = 1; n <= 6; n++) {
      if (hz * n < rate / 2)
        value += Math.sin((2 * Math.PI * hz * n * i) / rate) / n;
    }
    out[start + i]! += amplitude * edge * value;
  }
}

export interface Chord {
  /** MIDI notes sounding together. */
  notes: number[];
  seconds: number;
}

/** Plays chords one after another, looping until `seconds` are filled. */
export function playChords(
  chords: readonly Chord[],
  seconds: number,
  rate: number,
  amplitude = 0.12,
): Float32Array {
  const out = silence(seconds, rate);
  let time = 0;
  for (let i = 0; time < seconds; i = (i + 1) % chords.length) {
    const chord = chords[i]!;
    for (const note of chord.notes) {
      addTone(out, rate, note, time, chord.seconds, amplitude);
    }
    time += chord.seconds;
  }
  return out;
}

/** A triad on `root` (MIDI), major or minor, with the root doubled below. */
export function triad(root: number, quality: 'major' | 'minor'): number[] {
  const third = quality === 'major' ? 4 : 3;
  return [root - 12, root, root + third, root + 7];
}

/**
 * I–IV–V–I in a major key or i–iv–V–i in a minor key (with the raised
 * leading tone of harmonic minor in V), tonic held twice as long: the
 * textbook way to establish a key.
 */
export function cadence(tonic: number, mode: 'major' | 'minor'): Chord[] {
  const minor = mode === 'minor';
  return [
    { notes: triad(tonic, mode), seconds: 2 },
    { notes: triad(tonic + 5, minor ? 'minor' : 'major'), seconds: 1 },
    { notes: triad(tonic + 7, 'major'), seconds: 1 },
    { notes: triad(tonic, mode), seconds: 2 },
  ];
}

/** Multiplies a signal by a gain, in place, and returns it. */
export function scaled(signal: Float32Array, gain: number): Float32Array {
  for (let i = 0; i < signal.length; i++) signal[i]! *= gain;
  return signal;
}

/** Sums signals of equal rate into a new one as long as the longest. */
export function mix(...signals: Float32Array[]): Float32Array {
  const out = new Float32Array(Math.max(...signals.map((s) => s.length)));
  for (const signal of signals) {
    for (let i = 0; i < signal.length; i++) out[i]! += signal[i]!;
  }
  return out;
}

/** Joins signals end to end. */
export function join(...signals: Float32Array[]): Float32Array {
  const out = new Float32Array(signals.reduce((n, s) => n + s.length, 0));
  let offset = 0;
  for (const signal of signals) {
    out.set(signal, offset);
    offset += signal.length;
  }
  return out;
}
