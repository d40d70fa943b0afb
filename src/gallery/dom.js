/**
 * A tiny element builder: h('p', { class: 'x', onclick }, 'text', child).
 * Text always goes in as text nodes, never as HTML, so nothing a user or
 * the server wrote can become markup.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    setAttribute(element, name, value);
  }
  append(element, children);
  return element;
}

/** The same for SVG, whose elements live in their own namespace. */
export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) {
    setAttribute(element, name, value);
  }
  append(element, children);
  return element;
}

function setAttribute(element, name, value) {
  if (value === undefined || value === null || value === false) return;
  if (name.startsWith('on') && typeof value === 'function') {
    element.addEventListener(name.slice(2), value);
  } else if (name === 'dataset') {
    Object.assign(element.dataset, value);
  } else if (name === 'style') {
    // Through CSSOM, which the page's Content-Security-Policy allows.
    for (const [property, setting] of Object.entries(value)) {
      if (property.startsWith('--'))
        element.style.setProperty(property, setting);
      else element.style[property] = setting;
    }
  } else {
    element.setAttribute(name, value === true ? '' : String(value));
  }
}

/**
 * Controls and the bidi overrides, embeddings and isolates that would let
 * a title turn its own letters around ("evil" shown as "live"); direction
 * marks and joiners stay. The same set as src/util/control-characters.ts,
 * which a page served as static files cannot import.
 */
const UNPRINTABLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(
      child instanceof Node ? child : String(child).replace(UNPRINTABLE, ''),
    );
  }
}

/** Replaces everything inside `parent` with `children`. */
export function mount(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
}

/** Says `message` to screen readers through the page's live region. */
export function announce(message) {
  const live = document.querySelector('[data-live]');
  if (!live) return;
  // Clearing first makes a repeat of the same words be read again.
  live.textContent = '';
  setTimeout(() => (live.textContent = message), 50);
}
