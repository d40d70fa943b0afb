import { api, ApiError } from './api.js';

/**
 * How often an unfinished cover is polled: well inside the 3 polls per
 * second per task that the API allows, and quick enough to feel live.
 */
const POLL_MS = 1500;

/**
 * Polls one cover task's record-info until it ends, calling `onChange`
 * with every new successFlag. A 429 is waited out for its Retry-After.
 * Answers a function that stops the polling.
 */
export function watchCover(taskId, onChange) {
  const controller = new AbortController();
  let last;
  let timer;

  async function poll() {
    let wait = POLL_MS;
    try {
      const details = await api.coverDetails(taskId, controller.signal);
      if (details && details.successFlag !== last) {
        last = details.successFlag;
        onChange(details);
      }
      if (details && (details.successFlag === 1 || details.successFlag === 3)) {
        return;
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      if (error instanceof ApiError && error.retryAfterSec) {
        wait = error.retryAfterSec * 1000;
      } else {
        wait = POLL_MS * 4;
      }
    }
    if (!controller.signal.aborted) timer = setTimeout(poll, wait);
  }

  poll();
  return () => {
    controller.abort();
    clearTimeout(timer);
  };
}

export const isBusy = (cover) =>
  cover !== null && (cover.successFlag === 0 || cover.successFlag === 2);
