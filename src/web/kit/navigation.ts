const REFRESH_EVENT = 'klynge:refresh';

/** Asks the browser app to load the current page's data again (after a write). */
export function refreshPage(): void {
  window.dispatchEvent(new Event(REFRESH_EVENT));
}

export function onRefreshRequest(listener: () => void): () => void {
  window.addEventListener(REFRESH_EVENT, listener);
  return () => window.removeEventListener(REFRESH_EVENT, listener);
}

const NAVIGATE_EVENT = 'klynge:navigate';

/** Asks the browser app to go to another page of its own, as a followed link would. */
export function goTo(href: string): void {
  window.dispatchEvent(new CustomEvent<string>(NAVIGATE_EVENT, { detail: href }));
}

export function onNavigateRequest(listener: (href: string) => void): () => void {
  const handle = (event: Event) => listener((event as CustomEvent<string>).detail);
  window.addEventListener(NAVIGATE_EVENT, handle);
  return () => window.removeEventListener(NAVIGATE_EVENT, handle);
}
