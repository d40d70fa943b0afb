import fs from 'node:fs/promises';
import path from 'node:path';
import { SleeveClient } from '../../src/client/index.js';
import type { TestSleeve } from '../support/sleeve-server.js';
import { SHARED_TRACKS } from '../support/tracks.js';

/** A client of the test server with a fresh key (or the given one). */
export async function clientFor(
  server: TestSleeve,
  options: { credits?: number; apiKey?: string; baseUrl?: string } = {},
): Promise<SleeveClient> {
  const apiKey = options.apiKey ?? (await server.createKey(options.credits));
  return new SleeveClient({ baseUrl: options.baseUrl ?? server.url, apiKey });
}

/** One of the shared real recordings, as bytes. */
export function readSharedAudio(name: string): Promise<Buffer> {
  return fs.readFile(path.join(SHARED_TRACKS, 'audio', name));
}

/** A music record without audio, ready for a cover. */
export async function createPlainMusic(
  client: SleeveClient,
  title = 'Paper Lanterns',
): Promise<string> {
  const created = await client.createMusic({
    title,
    tags: 'lo-fi hip hop, chill, jazzy piano, rainy night',
  });
  return created.taskId;
}

/** Answers an envelope as a provider would, for what no real server does. */
export function envelopeResponse(
  code: number,
  data: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ code, msg: `code ${code}`, data }), {
    status: 200,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
