import { api, session } from '../api.js';
import { h, mount } from '../dom.js';

/** The sign-in card: one API key, checked against the credit endpoint. */
export function renderSignIn(main, { onSignedIn }) {
  const alert = h('div', { class: 'alert', role: 'alert' });
  const input = h('input', {
    class: 'input',
    id: 'api-key',
    name: 'apiKey',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    'aria-describedby': 'api-key-hint',
  });
  const submit = h('button', { class: 'button', type: 'submit' }, 'Sign in');

  async function signIn(event) {
    event.preventDefault();
    const key = input.value.trim();
    if (!key) {
      alert.textContent = 'Enter your API key to sign in.';
      input.focus();
      return;
    }
    busy(true);
    try {
      const credits = await api.credits(key);
      session.signIn(key);
      onSignedIn(credits);
    } catch (error) {
      alert.textContent = error.message;
      input.focus();
      input.select();
      busy(false);
    }
  }

  function busy(on) {
    submit.disabled = on;
    submit.replaceChildren(
      on ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : '',
      on ? 'Checking…' : 'Sign in',
    );
  }

  mount(
    main,
    h(
      'section',
      { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
      h(
        'form',
        { class: 'sign-in__card', onsubmit: signIn, novalidate: true },
        h(
          'div',
          { class: 'sign-in__art', 'aria-hidden': 'true' },
          h('span'),
          h('span'),
          h('span'),
          h('span'),
        ),
        h('h1', { id: 'sign-in-title' }, 'Your covers'),
        h(
          'p',
          { class: 'sign-in__lede' },
          'Sign in with your Sleeve API key to see your music, make cover art from the sound of each track, and download it at full size.',
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'api-key' }, 'API key'),
          input,
          h(
            'p',
            { class: 'hint', id: 'api-key-hint' },
            'Kept in this browser tab only, and sent only to this server.',
          ),
        ),
        alert,
        submit,
      ),
    ),
  );
  input.focus();
}
