const REFRESH_EVENT = 'klynge:refresh';

/** Asks the browser app to load the current page's data again (after a write). */
export function refreshPage(): void {
  window.dispatchEvent(new Event(REFRESH_EVENT));
}

export function onRefreshRequest(listener: () => void): () => void {
  window.addEventListener(REFRESH_EVENT, listener);
  return () => window.removeEventListener(REFRESH_EVENT, listener);
}
