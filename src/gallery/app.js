import { api, ApiError, session } from './api.js';
import { mount } from './dom.js';
import { renderAddMusic } from './views/add-music.js';
import { renderDetail } from './views/detail.js';
import { renderLibrary } from './views/library.js';
import { renderSignIn } from './views/sign-in.js';

/**
 * The gallery: a single page whose views are picked from the hash
 * (#/, #/new, #/music/<taskId>), so the server serves one static file.
 * Each view answers a function that stops what it started (polls).
 */
const main = document.querySelector('#main');
let stopView = () => {};
let firstRoute = true;

const ROUTES = [
  { pattern: /^#\/new$/, nav: 'new', view: renderAddMusic },
  {
    pattern: /^#\/music\/([0-9A-Za-z_-]{1,64})$/,
    nav: 'library',
    view: renderDetail,
  },
  { pattern: /^(#\/?)?$/, nav: 'library', view: renderLibrary },
];

const app = {
  go: (hash) => {
    if (location.hash === hash) route();
    else location.hash = hash;
  },
  refreshCredits,
  signedOut,
};

function route() {
  stopView();
  stopView = () => {};
  if (!session.key()) {
    showSignedIn(false);
    stopView = renderSignIn(main, { onSignedIn }) ?? (() => {});
    return;
  }
  showSignedIn(true);
  const found = ROUTES.find((r) => r.pattern.test(location.hash));
  if (!found) return app.go('#/');
  const params = found.pattern.exec(location.hash).slice(1);
  markNav(found.nav);
  stopView = found.view(main, app, ...params) ?? (() => {});
  // After a navigation the next Tab starts at the new content, and screen
  // readers hear it; on first load the browser's own order stands.
  if (!firstRoute && !main.contains(document.activeElement)) main.focus();
  firstRoute = false;
  window.scrollTo(0, 0);
}

function onSignedIn(credits) {
  showCredits(credits);
  route();
}

function signedOut(message) {
  session.signOut();
  route();
  if (message) {
    const alert = main.querySelector('[role="alert"]');
    if (alert) alert.textContent = message;
  }
}

function showSignedIn(signedIn) {
  for (const element of document.querySelectorAll('[data-signed-in]')) {
    element.hidden = !signedIn;
  }
}

function markNav(current) {
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function showCredits(credits) {
  const element = document.querySelector('[data-credits]');
  const rounded = Math.round(credits * 100) / 100;
  element.textContent = `${rounded.toLocaleString()} credit${rounded === 1 ? '' : 's'}`;
}

async function refreshCredits() {
  try {
    showCredits(await api.credits());
  } catch (error) {
    if (error instanceof ApiError && error.code === 401)
      signedOut(error.message);
  }
}

document.querySelector('[data-sign-out]').addEventListener('click', () => {
  signedOut();
  document.querySelector('#main').focus();
});

document.querySelector('[data-skip]').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

window.addEventListener('hashchange', route);
mount(main);
route();
if (session.key()) refreshCredits();
