import { api, ApiError } from '../api.js';
import { announce, h, mount } from '../dom.js';

/** Add a track: its words and, optionally, the audio; then a cover. */
export function renderAddMusic(main, app) {
  const alert = h('div', { class: 'alert', role: 'alert' });
  const submit = h('button', { class: 'button', type: 'submit' }, 'Add music');
  const progress = h('p', { class: 'notice', role: 'status' });
  const makeCover = h('input', {
    type: 'checkbox',
    id: 'make-cover',
    name: 'makeCover',
    checked: true,
  });

  // No maxlength: it counts UTF-16 units (two for most emoji) where the
  // server counts the characters people see; its refusal is shown instead.
  const form = h(
    'form',
    { class: 'form', novalidate: true, onsubmit: (event) => save(event) },
    field(
      'title',
      'Title',
      h('input', {
        class: 'input',
        id: 'title',
        name: 'title',
        required: true,
        autocomplete: 'off',
      }),
      'Required. The name printed on the cover.',
    ),
    h(
      'div',
      { class: 'form-row' },
      field(
        'artist',
        'Artist',
        h('input', {
          class: 'input',
          id: 'artist',
          name: 'artist',
          autocomplete: 'off',
        }),
      ),
      field(
        'tags',
        'Style tags',
        h('input', {
          class: 'input',
          id: 'tags',
          name: 'tags',
          placeholder: 'dream pop, hazy, female vocals',
          autocomplete: 'off',
        }),
      ),
    ),
    field(
      'prompt',
      'Lyrics or description',
      h('textarea', {
        class: 'input',
        id: 'prompt',
        name: 'prompt',
      }),
      'Optional. Words and images in the lyrics shape the art.',
    ),
    field(
      'audio',
      'Audio file',
      h('input', {
        class: 'input',
        id: 'audio',
        name: 'audio',
        type: 'file',
        accept: '.mp3,.ogg,.wav,.flac,.m4a,audio/*',
      }),
      'Optional: mp3, ogg, wav, flac or m4a. Sleeve measures tempo, key, energy and brightness from it.',
    ),
    h(
      'label',
      { class: 'check', for: 'make-cover' },
      makeCover,
      'Make a cover right away',
    ),
    alert,
    h(
      'div',
      { class: 'form-actions' },
      submit,
      h('a', { class: 'button button--quiet', href: '#/' }, 'Cancel'),
      progress,
    ),
  );

  mount(
    main,
    h(
      'div',
      { class: 'page-head' },
      h(
        'div',
        {},
        h('h1', { tabindex: '-1' }, 'Add music'),
        h(
          'p',
          {},
          'Sleeve reads the words and listens to the audio, then paints two covers in different styles.',
        ),
      ),
    ),
    form,
  );
  form.elements.title.focus();

  async function save(event) {
    event.preventDefault();
    alert.textContent = '';
    const data = new FormData(form);
    data.delete('makeCover');
    const file = data.get('audio');
    if (!(file instanceof File) || file.size === 0) data.delete('audio');
    if (!String(data.get('title') ?? '').trim()) {
      alert.textContent =
        'Give the track a title: it is the one field Sleeve needs.';
      form.elements.title.setAttribute('aria-invalid', 'true');
      form.elements.title.focus();
      return;
    }
    form.elements.title.removeAttribute('aria-invalid');

    busy(
      true,
      data.has('audio') ? 'Uploading and listening to the audio…' : 'Saving…',
    );
    try {
      const { taskId } = await api.createMusic(data);
      if (makeCover.checked) {
        progress.textContent = 'Requesting a cover…';
        await api.createCover(taskId);
      }
      announce('Music added.');
      app.refreshCredits();
      app.go(`#/music/${taskId}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 401)
        return app.signedOut(error.message);
      alert.textContent = error.message;
      busy(false, '');
    }
  }

  function busy(on, words) {
    for (const element of form.elements) element.disabled = on;
    progress.textContent = words;
    submit.replaceChildren(
      on ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : '',
      on ? 'Working…' : 'Add music',
    );
  }
}

function field(id, label, control, hint) {
  if (hint) control.setAttribute('aria-describedby', `${id}-hint`);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : '',
  );
}
