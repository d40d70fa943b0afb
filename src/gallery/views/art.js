import { h } from '../dom.js';
import { coverAlt, coverState } from '../format.js';

/**
 * A square cover: the image when there is one, else a record sleeve
 * placeholder that says the state (spinning while the cover renders).
 */
export function coverArt({ cover, title, position = 0, loading = 'lazy' }) {
  const url =
    cover?.successFlag === 1 ? cover.response.images[position] : undefined;
  if (url) {
    return h(
      'div',
      { class: 'art' },
      h('img', {
        class: 'cover-art',
        src: url,
        alt: coverAlt(title, cover.styles?.[position]),
        loading,
        decoding: 'async',
        width: 1024,
        height: 1024,
      }),
    );
  }
  const { state, text } = coverState(cover);
  return h(
    'div',
    { class: `art${state === 'busy' ? ' art--busy' : ''}` },
    h(
      'div',
      { class: 'art__empty' },
      h('span', {}, state === 'failed' ? 'Cover failed' : text),
    ),
  );
}
