import fs from 'node:fs/promises';
import { analyzeAudio, AudioDecodeError } from '../audio/index.js';
import { chooseStyles, renderCover } from './index.js';
import { relieveMemory } from './memory-relief.js';
import type { RenderJob, RenderJobResult } from './render-jobs.js';

/**
 * Runs in a worker thread: audio analysis and cover rendering are CPU work
 * that must never block the HTTP event loop. Failures come back as values
 * so the caller can tell a bad input from a broken worker.
 */
export default async function run(job: RenderJob): Promise<RenderJobResult> {
  try {
    return job.kind === 'analyze'
      ? { kind: 'analyzed', features: await analyzeAudio(await bytesOf(job)) }
      : render(job);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason =
      error instanceof AudioDecodeError ? 'undecodable-audio' : 'render';
    return { kind: 'error', reason, message };
  } finally {
    // After the answer is on its way, before the next job.
    setImmediate(relieveMemory);
  }
}

function bytesOf(job: Extract<RenderJob, { kind: 'analyze' }>) {
  return job.audio instanceof Uint8Array
    ? job.audio
    : fs.readFile(job.audio.file);
}

function render(job: Extract<RenderJob, { kind: 'render' }>): RenderJobResult {
  const style = job.style ?? chooseStyles(job.input, job.variation)[job.pick];
  const bytes = renderCover(job.input, {
    style,
    size: job.size,
    format: job.format,
    variation: job.variation,
  });
  return { kind: 'rendered', style, bytes };
}
