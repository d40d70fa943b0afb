import type { AudioFeatures } from '../audio/features.js';
import {
  toCoverRecordInfo,
  type CoverRecordInfo,
} from '../covers/cover-details.js';
import type { CoverTask, MusicTask, StoredImage } from '../storage/records.js';
import type { MediaUrls } from '../util/media-urls.js';
import { toMusicRecordInfo, type MusicRecordInfo } from './music-details.js';

/** Sleeve's own view of a music task: the record plus what Sleeve adds. */
export interface MusicView {
  taskId: string;
  title: string;
  artist: string;
  tags: string;
  source: MusicTask['source'];
  createdAt: string;
  hasAudio: boolean;
  features: AudioFeatures | null;
  record: MusicRecordInfo;
  /** The newest cover task, if any, with the style of each image. */
  cover: (CoverRecordInfo & { styles: string[] }) | null;
}

export function toMusicView(
  music: MusicTask,
  cover: CoverTask | undefined,
  images: StoredImage[],
  urls: MediaUrls,
): MusicView {
  const track = music.tracks?.[0];
  const asked = track ? undefined : requestOf(music);
  const coverImages = images.filter((i) => i.taskId === cover?.taskId);
  return {
    taskId: music.taskId,
    title: track?.title ?? asked?.title ?? '',
    artist: music.artist,
    tags: track?.tags ?? asked?.style ?? '',
    source: music.source,
    createdAt: new Date(music.createdAt).toISOString(),
    hasAudio: music.audioObject !== null,
    features: music.features,
    record: toMusicRecordInfo(music, urls),
    cover: cover
      ? {
          ...toCoverRecordInfo(cover, coverImages, urls),
          styles:
            cover.status === 'success' ? coverImages.map((i) => i.style) : [],
        }
      : null,
  };
}

/**
 * What was asked of the provider, from the record's `param` (the original
 * request as JSON): a record that failed or is still generating has no
 * tracks yet, but its title and style were in the request.
 */
function requestOf(music: MusicTask): { title?: string; style?: string } {
  try {
    const param: unknown = JSON.parse(music.param);
    if (typeof param !== 'object' || param === null) return {};
    const { title, style } = param as Record<string, unknown>;
    return {
      ...(typeof title === 'string' && { title }),
      ...(typeof style === 'string' && { style }),
    };
  } catch {
    return {};
  }
}
