import { api, ApiError } from '../api.js';
import { announce, h, mount } from '../dom.js';
import { coverState, musicHold } from '../format.js';
import { isBusy, watchCover } from '../watch-cover.js';
import { coverArt } from './art.js';

/** The library: every music record of the key, newest first, as a grid. */
export function renderLibrary(main, app) {
  const stops = new Set();
  const grid = h('ul', { class: 'grid', 'aria-label': 'Your music' });
  const alert = h('div', { class: 'alert', role: 'alert' });
  const more = h('div', { class: 'more' });
  const heading = h('h1', { tabindex: '-1' }, 'Library');
  const summary = h('p', {}, 'Loading your music…');

  mount(
    main,
    h(
      'div',
      { class: 'page-head' },
      h('div', {}, heading, summary),
      h('a', { class: 'button', href: '#/new' }, 'Add music'),
    ),
    alert,
    grid,
    more,
  );
  mount(grid, ...skeletonCards(8));
  grid.setAttribute('aria-busy', 'true');

  let count = 0;
  async function loadPage(before) {
    try {
      const page = await api.listMusic(before);
      if (!before) grid.replaceChildren();
      grid.removeAttribute('aria-busy');
      count += page.items.length;
      if (count === 0) return showEmpty();
      grid.append(...page.items.map((music) => card(music, stops)));
      summary.textContent = `${count}${page.nextBefore ? '+' : ''} track${count === 1 ? '' : 's'}, newest first.`;
      showMore(page.nextBefore);
    } catch (error) {
      grid.removeAttribute('aria-busy');
      if (!before) grid.replaceChildren();
      if (error instanceof ApiError && error.code === 401)
        return app.signedOut(error.message);
      alert.textContent = error.message;
      summary.textContent = '';
    }
  }

  function showMore(nextBefore) {
    if (!nextBefore) return mount(more);
    const button = h(
      'button',
      {
        class: 'button button--quiet',
        type: 'button',
        onclick: async () => {
          button.disabled = true;
          button.textContent = 'Loading…';
          await loadPage(nextBefore);
        },
      },
      'Show more',
    );
    mount(more, button);
  }

  function showEmpty() {
    summary.textContent = '';
    grid.replaceWith(
      h(
        'section',
        { class: 'empty', 'aria-labelledby': 'empty-title' },
        h('div', { class: 'empty__record', 'aria-hidden': 'true' }),
        h('h2', { id: 'empty-title' }, 'No music yet'),
        h(
          'p',
          {},
          'Add a track — its title, style and, best of all, the audio — and Sleeve will listen to it and make two covers in different styles.',
        ),
        h('a', { class: 'button', href: '#/new' }, 'Add your first track'),
      ),
    );
  }

  loadPage();
  return () => stops.forEach((stop) => stop());
}

function card(music, stops) {
  const title = music.title || 'Untitled track';
  const art = h('div', {}, coverArt({ cover: music.cover, title }));
  const badge = h('span', { class: 'badge' });
  const item = h(
    'li',
    { class: 'card', dataset: { taskId: music.taskId } },
    h(
      'a',
      { class: 'card__link', href: `#/music/${music.taskId}` },
      art,
      h(
        'div',
        {},
        h('p', { class: 'card__title' }, title),
        h(
          'p',
          { class: 'card__meta' },
          [music.artist, music.tags].filter(Boolean).join(' · ') ||
            'No style tags',
        ),
      ),
    ),
  );
  const hold = music.cover ? null : musicHold(music);
  showBadge(badge, art, music.cover, hold);
  if (isBusy(music.cover)) {
    const stop = watchCover(music.cover.taskId, (details) => {
      const cover = { ...details, styles: [] };
      art.replaceChildren(coverArt({ cover, title }));
      showBadge(badge, art, cover);
      if (details.successFlag === 1)
        announce(`The cover for ${title} is ready.`);
      if (details.successFlag === 3) announce(`The cover for ${title} failed.`);
    });
    stops.add(stop);
  }
  return item;
}

/** The card's corner word; a record that cannot get a cover says why. */
function showBadge(badge, art, cover, hold = null) {
  const { state } = coverState(cover);
  const words =
    hold?.badge ??
    { busy: 'Rendering', failed: 'Failed', none: 'No cover' }[state];
  const failed = state === 'failed' || hold?.badge === 'Music failed';
  badge.className = `badge${failed ? ' badge--failed' : ''}`;
  badge.textContent = words ?? '';
  const frame = art.firstElementChild;
  if (words && frame) frame.append(badge);
  else badge.remove();
}

function skeletonCards(count) {
  return Array.from({ length: count }, () =>
    h(
      'li',
      { class: 'card', 'aria-hidden': 'true' },
      h('div', { class: 'skeleton skeleton--art' }),
      h('div', { class: 'skeleton skeleton--line' }),
    ),
  );
}
