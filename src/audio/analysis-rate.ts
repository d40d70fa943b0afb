/**
 * The rate the excerpt is converted to for the onset envelope (tempo,
 * onset density) and the chromagram (key). 11.025 kHz keeps everything up
 * to 5.5 kHz: all of the pitch range the chromagram reads and the bulk of
 * every drum hit. It makes those figures independent of the file's own
 * rate and costs a quarter of working at 44.1 kHz. Levels, waveform,
 * spectrum and brightness are measured at the file's own rate.
 */
export const ANALYSIS_RATE = 11025;

/** Short-time frames: 46 ms long, one every 11.6 ms (86 per second). */
export const FRAME_SIZE = 512;
export const FRAME_HOP = 128;
export const FRAMES_PER_SEC = ANALYSIS_RATE / FRAME_HOP;
