import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { AudioFeatures } from '../audio/features.js';
import { invalid, SleeveError } from '../errors.js';
import { RenderInputError, type RenderPool } from '../engine/render-pool.js';
import type { ObjectStore } from '../objects/object-store.js';
import type {
  ListOptions,
  MusicTaskStore,
} from '../storage/music-task-store.js';
import type { MusicTask, SunoTrack } from '../storage/records.js';
import { isBlankText } from '../util/blank-text.js';
import type { Clock } from '../util/clock.js';
import { newObjectName, newTaskId, newTrackId } from '../util/ids.js';
import { sniffAudioFormat } from './audio-format.js';
import type { StagedUploads } from './staged-uploads.js';
import {
  boundedString,
  parseImportedRecord,
  type TextLimits,
} from './music-record.js';

/** Why a title that shows nothing (isBlankText) is refused. */
export const TITLE_REQUIRED = 'title is required: the name of the track.';

export interface NewMusic {
  title?: unknown;
  tags?: unknown;
  prompt?: unknown;
  artist?: unknown;
}

/** An uploaded audio file, staged on disk by `stageAudio`. */
export interface UploadedAudio {
  file: string;
}

export interface MusicServiceDeps {
  musicTasks: MusicTaskStore;
  objects: ObjectStore;
  renderer: RenderPool;
  uploads: StagedUploads;
  clock: Clock;
  limits: TextLimits;
}

/** Sleeve's own music records: imported from a provider or created here. */
export class MusicService {
  constructor(private readonly deps: MusicServiceDeps) {}

  /**
   * Importing the same record again changes nothing. A record saved while
   * the provider was still working (or had failed) is brought up to date
   * by importing its newer state, so the cover it was refused can be had;
   * a finished record is never changed.
   */
  async importRecord(keyId: string, body: unknown): Promise<MusicTask> {
    const record = parseImportedRecord(body, this.deps.limits);
    const { created, task } = await this.deps.musicTasks.insertIfAbsent({
      ...record,
      keyId,
      source: 'import',
      artist: '',
      audioObject: null,
      features: null,
      createdAt: this.deps.clock.now(),
    });
    if (created || task.source !== 'import' || task.status === 'SUCCESS') {
      return task;
    }
    return (await this.deps.musicTasks.updateImported(task, record)) ?? task;
  }

  /** A new record; a staged upload is used up, stored or not. */
  async create(
    keyId: string,
    fields: NewMusic,
    audio?: UploadedAudio,
  ): Promise<MusicTask> {
    try {
      return await this.insert(keyId, fields, audio);
    } finally {
      if (audio) await this.discardAudio(audio);
    }
  }

  private async insert(
    keyId: string,
    fields: NewMusic,
    audio?: UploadedAudio,
  ): Promise<MusicTask> {
    const text = this.parseFields(fields);
    const stored = audio ? await this.storeAudio(audio) : undefined;
    const now = this.deps.clock.now();
    const track: SunoTrack = {
      id: newTrackId(),
      audioUrl: '',
      streamAudioUrl: '',
      imageUrl: '',
      prompt: text.prompt,
      modelName: 'sleeve',
      title: text.title,
      tags: text.tags,
      createTime: formatProviderTime(now),
      duration: stored ? round2(stored.features.durationSec) : null,
    };
    const { task } = await this.deps.musicTasks.insertIfAbsent({
      keyId,
      taskId: newTaskId(),
      source: 'sleeve',
      status: 'SUCCESS',
      param: JSON.stringify({
        prompt: text.prompt,
        style: text.tags,
        title: text.title,
        customMode: true,
        instrumental: text.prompt === '',
        model: 'sleeve',
      }),
      tracks: [track],
      artist: text.artist,
      errorCode: null,
      errorMessage: null,
      audioObject: stored?.name ?? null,
      features: stored?.features ?? null,
      createdAt: now,
    });
    return task;
  }

  get(keyId: string, taskId: string): Promise<MusicTask | undefined> {
    return this.deps.musicTasks.get(keyId, taskId);
  }

  list(keyId: string, options: ListOptions): Promise<MusicTask[]> {
    return this.deps.musicTasks.list(keyId, options);
  }

  private parseFields(fields: NewMusic) {
    const { limits } = this.deps;
    const title = boundedString(fields.title ?? '', 'title', limits.title);
    if (isBlankText(title)) {
      throw invalid(TITLE_REQUIRED);
    }
    return {
      title: title.trim(),
      tags: boundedString(fields.tags ?? '', 'tags', limits.tags).trim(),
      prompt: boundedString(fields.prompt ?? '', 'prompt', limits.prompt),
      artist: boundedString(fields.artist ?? '', 'artist', 200).trim(),
    };
  }

  /** Writes an upload to a staged file as it arrives, for `create`. */
  async stageAudio(stream: Readable): Promise<UploadedAudio> {
    return { file: await this.deps.uploads.write(stream) };
  }

  /** Staged uploads a killed process left behind; run at start. */
  async removeStaleUploads(): Promise<void> {
    await this.deps.uploads.removeStale();
  }

  /** `create` discards its audio itself; this is for uploads refused first. */
  discardAudio(audio: UploadedAudio): Promise<void> {
    return this.deps.uploads.remove(audio.file);
  }

  /** Checks the audio decodes (and measures it) before keeping it. */
  private async storeAudio(
    audio: UploadedAudio,
  ): Promise<{ name: string; features: AudioFeatures }> {
    const format = sniffAudioFormat(await readHead(audio.file));
    if (!format) {
      throw invalid(
        'audio must be an mp3, ogg, wav, flac or m4a file; this one is not.',
      );
    }
    const features = await this.analyze(audio.file);
    const name = newObjectName(format.extension);
    await this.deps.objects.putFile(name, audio.file, format.contentType);
    return { name, features };
  }

  private async analyze(file: string): Promise<AudioFeatures> {
    try {
      return await this.deps.renderer.analyze({ file });
    } catch (error) {
      if (error instanceof RenderInputError) {
        throw new SleeveError(
          422,
          `audio could not be decoded: ${error.message}`,
        );
      }
      throw error;
    }
  }
}

/** The first bytes of a file, enough to tell its format. */
async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The providers' "YYYY-MM-DD HH:MM:SS" (UTC). */
function formatProviderTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const round2 = (n: number) => Math.round(n * 100) / 100;
