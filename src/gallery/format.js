/** Words and numbers as the gallery shows them. */

const STYLE_NAMES = {
  aura: 'Aura',
  bauhaus: 'Bauhaus',
  collage: 'Collage',
  ink: 'Ink',
  mono: 'Mono',
  poster: 'Poster',
  sunset: 'Sunset',
  topo: 'Topographic',
  waveform: 'Waveform',
};

export function styleName(id) {
  return STYLE_NAMES[id] ?? id.charAt(0).toUpperCase() + id.slice(1);
}

/** "3:07" from seconds. */
export function duration(seconds) {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export function percent(value) {
  return Math.round(Math.max(0, Math.min(1, value)) * 100);
}

export function decibels(value) {
  return `${value.toFixed(1)} dB`;
}

export function tagList(tags) {
  return tags
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean)
    .slice(0, 8);
}

const GENERATING = ['PENDING', 'TEXT_SUCCESS', 'FIRST_SUCCESS'];

/**
 * Why a music record cannot get a cover yet, or null when it can: an
 * imported record may still be generating at its provider, or have failed
 * there.
 */
export function musicHold(music) {
  const status = music.record?.status;
  if (!status || status === 'SUCCESS') return null;
  if (GENERATING.includes(status)) {
    return {
      badge: 'Unfinished',
      text: `This music task is still generating (${status}); import it again once it has finished to make a cover.`,
    };
  }
  return {
    badge: 'Music failed',
    text: `This music task failed (${status}), so it cannot get a cover.`,
  };
}

/** What a cover's successFlag means, in words. */
export function coverState(cover) {
  if (!cover) return { state: 'none', text: 'No cover yet' };
  switch (cover.successFlag) {
    case 0:
      return { state: 'busy', text: 'Queued — waiting for a render slot' };
    case 2:
      return { state: 'busy', text: 'Rendering the cover art…' };
    case 1:
      return { state: 'done', text: 'Cover ready' };
    default:
      return {
        state: 'failed',
        text: `The cover failed: ${cover.errorMessage || 'unknown reason'}`,
      };
  }
}

export function coverAlt(title, style) {
  const name = title || 'Untitled track';
  return style
    ? `Cover art for “${name}”, ${styleName(style)} style`
    : `Cover art for “${name}”`;
}
