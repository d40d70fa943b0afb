import path from 'node:path';
import fs from 'node:fs/promises';
import { eventually, type TestSleeve } from '../support/sleeve-server.js';
import { loadSharedTracks, SHARED_TRACKS } from '../support/tracks.js';

/** Music with real audio and a finished cover, made through the API. */
export async function seedTrackWithCover(
  server: TestSleeve,
  key: string,
  title = 'Red Rock Valley',
): Promise<{ musicId: string; coverId: string }> {
  const track = loadSharedTracks().find((t) => t.title === title);
  if (!track?.audio) throw new Error(`no shared audio for ${title}`);
  const form = new FormData();
  form.set('title', track.title);
  form.set('artist', track.artist);
  form.set('tags', track.tags);
  form.set('prompt', track.prompt);
  const audio = await fs.readFile(path.join(SHARED_TRACKS, track.audio));
  form.set('audio', new Blob([audio]), path.basename(track.audio));

  const auth = { authorization: `Bearer ${key}` };
  const created = await fetch(`${server.url}/api/v1/sleeve/music`, {
    method: 'POST',
    headers: auth,
    body: form,
  });
  const answer = (await created.json()) as { data: { taskId: string } };
  const musicId = answer.data.taskId;
  const cover = await server.api(
    'POST',
    '/api/v1/suno/cover/generate',
    { taskId: musicId },
    key,
  );
  const coverId: string = cover.body.data.taskId;
  await eventually(
    async () => {
      const info = await server.api(
        'GET',
        `/api/v1/suno/cover/record-info?taskId=${coverId}`,
        undefined,
        key,
      );
      return info.body.data?.successFlag === 1;
    },
    60_000,
    500,
  );
  return { musicId, coverId };
}
