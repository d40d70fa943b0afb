import { api, ApiError, downloadCover } from '../api.js';
import { announce, h, mount } from '../dom.js';
import { coverState, musicHold, styleName, tagList } from '../format.js';
import { isBusy, watchCover } from '../watch-cover.js';
import { coverArt } from './art.js';
import { soundPanel } from './sound.js';

const DOWNLOADS = [
  { label: 'PNG', format: 'png' },
  { label: 'JPEG', format: 'jpeg' },
  { label: 'JPEG 3000 px', format: 'jpeg', size: 3000 },
];

/** One music record: both covers large, the sound, the live cover state. */
export function renderDetail(main, app, taskId) {
  let stopWatch = () => {};
  let closed = false;
  const alert = h('div', { class: 'alert', role: 'alert' });
  mount(
    main,
    backLink(),
    h(
      'div',
      { class: 'detail-head' },
      h('div', {
        class: 'skeleton skeleton--line',
        style: { height: '2.4rem', width: '50%' },
      }),
    ),
    h(
      'div',
      { class: 'covers' },
      h('div', { class: 'skeleton skeleton--art' }),
      h('div', { class: 'skeleton skeleton--art' }),
    ),
  );

  async function load() {
    let music;
    try {
      music = await api.music(taskId);
    } catch (error) {
      if (error instanceof ApiError && error.code === 401)
        return app.signedOut(error.message);
      mount(main, backLink(), alert);
      alert.textContent = error.message;
      return;
    }
    if (closed) return;
    if (!music) return showMissing();
    show(music);
  }

  function show(music) {
    const view = detailView(music, { alert, requestCover });
    mount(main, ...view.nodes);
    stopWatch();
    if (isBusy(music.cover)) {
      stopWatch = watchCover(music.cover.taskId, (details) => {
        view.setState(details);
        if (details.successFlag === 1 || details.successFlag === 3) {
          announce(coverState(details).text);
          load();
          app.refreshCredits();
        }
      });
    }
  }

  async function requestCover(button) {
    button.disabled = true;
    alert.textContent = '';
    try {
      await api.createCover(taskId);
      announce('Cover requested.');
      await load();
      app.refreshCredits();
    } catch (error) {
      button.disabled = false;
      alert.textContent = error.message;
    }
  }

  function showMissing() {
    mount(
      main,
      backLink(),
      h(
        'section',
        { class: 'empty' },
        h('h1', { tabindex: '-1' }, 'Not found'),
        h('p', {}, 'There is no music record with this id for your key.'),
        h('a', { class: 'button', href: '#/' }, 'Back to the library'),
      ),
    );
  }

  load();
  return () => {
    closed = true;
    stopWatch();
  };
}

function backLink() {
  return h(
    'a',
    { class: 'back', href: '#/' },
    h('span', { 'aria-hidden': 'true' }, '←'),
    'Library',
  );
}

function detailView(music, { alert, requestCover }) {
  const title = music.title || 'Untitled track';
  const status = statusPanel(music, requestCover);
  const nodes = [
    backLink(),
    h(
      'header',
      { class: 'detail-head' },
      h('h1', { tabindex: '-1' }, title),
      music.artist ? h('p', { class: 'by' }, music.artist) : '',
      tagList(music.tags).length
        ? h(
            'ul',
            { class: 'tags', 'aria-label': 'Style tags' },
            tagList(music.tags).map((tag) => h('li', {}, tag)),
          )
        : '',
    ),
    alert,
    status.node,
    h(
      'div',
      { class: 'layout' },
      h(
        'section',
        { 'aria-label': 'Covers', class: 'covers' },
        [0, 1].map((position) => coverFigure(music, position, alert)),
      ),
      soundPanel(music),
    ),
  ];
  return { nodes, setState: status.setState };
}

function statusPanel(music, requestCover) {
  const dot = h('span', { class: 'status__dot', 'aria-hidden': 'true' });
  const text = h('p', { class: 'status__text', role: 'status' });
  const node = h(
    'section',
    { class: 'status', 'aria-label': 'Cover state' },
    dot,
    text,
  );
  const hold = musicHold(music);
  const canAsk = hold === null;

  function setState(cover) {
    const { state, text: words } = coverState(cover);
    node.dataset.state = state;
    text.textContent = canAsk || cover ? words : hold.text;
  }
  setState(music.cover);

  const { state } = coverState(music.cover);
  if (canAsk && (state === 'none' || state === 'failed')) {
    const button = h(
      'button',
      {
        class: 'button button--small',
        type: 'button',
        onclick: () => requestCover(button),
      },
      state === 'failed' ? 'Try again' : 'Make cover',
    );
    node.append(button);
  }
  return { node, setState };
}

function coverFigure(music, position, alert) {
  const cover = music.cover;
  const style = cover?.styles?.[position];
  const done = cover?.successFlag === 1;
  return h(
    'figure',
    { class: 'cover' },
    coverArt({ cover, title: music.title, position, loading: 'eager' }),
    h(
      'figcaption',
      {},
      h(
        'span',
        { class: 'cover__style' },
        done && style ? styleName(style) : `Cover ${position + 1}`,
      ),
      done ? downloadButtons(cover.taskId, position, style, alert) : '',
    ),
  );
}

function downloadButtons(coverTaskId, position, style, alert) {
  return h(
    'div',
    {
      class: 'downloads',
      role: 'group',
      'aria-label': `Download the ${styleName(style ?? '')} cover`,
    },
    DOWNLOADS.map((choice) => {
      const button = h(
        'button',
        {
          class: 'button button--quiet',
          type: 'button',
          'aria-label': `Download the ${styleName(style ?? '')} cover as ${choice.label}`,
          dataset: { format: choice.format, size: String(choice.size ?? '') },
          onclick: async () => {
            button.disabled = true;
            alert.textContent = '';
            try {
              const name = await downloadCover(coverTaskId, position, choice);
              announce(`Downloaded ${name}.`);
            } catch (error) {
              alert.textContent = error.message;
            } finally {
              button.disabled = false;
            }
          },
        },
        choice.label,
      );
      return button;
    }),
  );
}
