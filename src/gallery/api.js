/**
 * The gallery's view of the Sleeve API: same origin, Bearer key from this
 * tab's sessionStorage (never the URL, never localStorage, so it leaves
 * with the tab), and the envelope's `msg` as the error a person reads.
 */
const KEY_NAME = 'sleeve.apiKey';

export const session = {
  key: () => sessionStorage.getItem(KEY_NAME),
  signIn: (key) => sessionStorage.setItem(KEY_NAME, key),
  signOut: () => sessionStorage.removeItem(KEY_NAME),
};

/** An answer whose code is not 200; `message` is the server's own words. */
export class ApiError extends Error {
  constructor(code, message, data = null, retryAfterSec = undefined) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.data = data;
    this.retryAfterSec = retryAfterSec;
  }
}

const UNREACHABLE =
  'Sleeve could not be reached. Check that the server is running and try again.';

async function send(path, init, key = session.key()) {
  const headers = { Accept: 'application/json', ...init.headers };
  if (key) headers.Authorization = `Bearer ${key}`;
  try {
    return await fetch(path, { ...init, headers });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, UNREACHABLE);
  }
}

async function readEnvelope(response) {
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(
      response.status,
      `The server answered HTTP ${response.status} without an explanation.`,
    );
  }
  if (body.code === 200) return body.data;
  const retryAfter = Number(response.headers.get('Retry-After'));
  throw new ApiError(
    body.code,
    body.msg || 'Something went wrong.',
    body.data ?? null,
    retryAfter > 0 ? retryAfter : undefined,
  );
}

/** A JSON call; resolves with `data`, rejects with ApiError. */
export async function call(
  path,
  { method = 'GET', json, form, key, signal } = {},
) {
  const init = { method, signal, headers: {} };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers['Content-Type'] = 'application/json';
  } else if (form) {
    init.body = form;
  }
  return readEnvelope(await send(path, init, key));
}

export const api = {
  credits: (key) => call('/api/v1/chat/credit', { key }),
  listMusic: (before) =>
    call(`/api/v1/sleeve/music?limit=24${before ? `&before=${before}` : ''}`),
  music: (taskId) => call(`/api/v1/sleeve/music/${encodeURIComponent(taskId)}`),
  createMusic: (form) => call('/api/v1/sleeve/music', { method: 'POST', form }),
  createCover: (taskId) =>
    call('/api/v1/suno/cover/generate', { method: 'POST', json: { taskId } }),
  coverDetails: (taskId, signal) =>
    call(
      `/api/v1/suno/cover/record-info?taskId=${encodeURIComponent(taskId)}`,
      { signal },
    ),
};

/**
 * Fetches a cover image in the asked format and size (rendered afresh by
 * the server) and hands it to the browser as a download. The key travels
 * in the header, so the file comes through fetch rather than a plain link.
 */
export async function downloadCover(taskId, position, { format, size }) {
  const query = new URLSearchParams({ format });
  if (size) query.set('size', String(size));
  const path = `/api/v1/sleeve/covers/${encodeURIComponent(taskId)}/images/${position}?${query}`;
  const response = await send(path, { method: 'GET' });
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.startsWith('image/')) await readEnvelope(response);

  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `cover.${format}`;
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), {
    href: url,
    download: name,
  });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
