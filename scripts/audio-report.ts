/**
 * Prints the audio features of every shared recording and the time each
 * analysis took, as the Markdown table kept in docs/audio-features.md.
 *
 *   npx tsx scripts/audio-report.ts [tracks/audio dir]
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { benchAudio } from '../bench/audio.js';
import { analyzeAudio, type AudioFeatures } from '../src/audio/index.js';

const DEFAULT_DIR = path.resolve(
  import.meta.dirname,
  '../../shared/tracks/audio',
);

async function main(dir: string): Promise<void> {
  const bench = await benchAudio(dir);
  console.log(
    '| track | length | BPM (conf.) | key (conf.) | loudness | energy | ' +
      'brightness (centroid) | dynamics | analysis ms (CPU) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const track of bench.tracks) {
    const bytes = new Uint8Array(await fs.readFile(path.join(dir, track.file)));
    const timing = `${track.ms.toFixed(0)} (${track.cpuMs.toFixed(0)})`;
    console.log(row(track.file, await analyzeAudio(bytes), timing));
  }
  console.log(
    `\n${bench.totalMs.toFixed(0)} ms for ${bench.audioMinutes.toFixed(2)} ` +
      `min of audio: ${bench.msPerMinute.toFixed(0)} ms per minute ` +
      `(CPU ${bench.cpuMsPerMinute.toFixed(0)}) ` +
      `(worst track ${bench.worstMsPerMinute.toFixed(0)}; ` +
      `target ${bench.targetMsPerMinute}).`,
  );
}

function row(file: string, f: AudioFeatures, timing: string): string {
  const minutes = Math.floor(f.durationSec / 60);
  const seconds = (f.durationSec % 60).toFixed(1).padStart(4, '0');
  return [
    '',
    file,
    `${minutes}:${seconds}`,
    `${f.bpm.toFixed(1)} (${f.bpmConfidence.toFixed(2)})`,
    `${f.key} ${f.mode} (${f.keyConfidence.toFixed(2)})`,
    `${f.loudnessDb.toFixed(1)} dBFS`,
    f.energy.toFixed(2),
    `${f.brightness.toFixed(2)} (${f.spectralCentroidHz.toFixed(0)} Hz)`,
    `${f.dynamicsDb.toFixed(1)} dB`,
    timing,
    '',
  ]
    .join(' | ')
    .trim();
}

await main(process.argv[2] ?? DEFAULT_DIR);
