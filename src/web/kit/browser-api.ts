import { createApi } from './api';

/** The session's CSRF token, which the server puts in a cookie this page can read. */
function csrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((pair) => pair.startsWith('klynge_csrf='))
    ?.slice('klynge_csrf='.length);
}

/** The API for event handlers in the browser (loaders get theirs passed in). */
export const browserApi = createApi((path, init) => {
  const token = init?.method && init.method !== 'GET' ? csrfToken() : undefined;
  return fetch(path, {
    ...init,
    headers: { accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}), ...init?.headers },
  });
});
