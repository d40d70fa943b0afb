/**
 * Code that runs inside the page, kept as source text: the project's
 * TypeScript has no DOM types, and these few lines need nothing else.
 */

export const SCROLLS_SIDEWAYS =
  'document.documentElement.scrollWidth > window.innerWidth';

export const STORED_KEYS = 'sessionStorage.length';

/** Records every data-state of the status panel in window.seenStates. */
export const RECORD_STATES = `(() => {
  const seen = (window.seenStates = []);
  new MutationObserver(() => {
    const state = document.querySelector('.status')?.getAttribute('data-state');
    if (state && seen.at(-1) !== state) seen.push(state);
  }).observe(document.body, { subtree: true, childList: true, attributes: true });
})()`;

export const SEEN_STATES = 'window.seenStates';

/** A mark on the window that a reload would wipe. */
export const MARK_DOCUMENT = 'window.sameDocument = true';
export const IS_SAME_DOCUMENT = 'window.sameDocument === true';

/** The focused element's accessible words and its outline. */
export const FOCUSED = `(() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const words = element.getAttribute('aria-label') || element.textContent || element.tagName;
  return {
    name: words.trim().replace(/\\s+/g, ' '),
    outline: style.outlineStyle + ' ' + style.outlineWidth,
  };
})()`;

/** Form controls that no label names. */
export const UNLABELLED_CONTROLS = `[...document.querySelectorAll('input, textarea, select')]
  .filter((control) => control.labels.length === 0 && !control.getAttribute('aria-label'))
  .map((control) => control.outerHTML)`;

/** Adds a line of dim grey text, to show the contrast probe notices it. */
export const ADD_FAINT_TEXT = `(() => {
  const faint = document.createElement('p');
  faint.textContent = 'barely there';
  faint.style.color = '#3a3d44';
  document.querySelector('main').append(faint);
})()`;

/** Every font face the page has loaded: "family unicode-range". */
export const LOADED_FACES = `document.fonts.ready.then(() =>
  [...document.fonts]
    .filter((face) => face.status === 'loaded')
    .map((face) => face.family + ' ' + face.unicodeRange))`;

/** How many lines tall the first card's title is drawn. */
export const CARD_TITLE_LINES = `(() => {
  const title = document.querySelector('.card__title');
  const line = parseFloat(getComputedStyle(title).lineHeight);
  return title.getBoundingClientRect().height / line;
})()`;
