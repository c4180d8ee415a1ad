import { ApiError, createApi, type ProblemBody } from './api';

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

/**
 * Sends a form with files (multipart/form-data) to an API path, as an upload route takes it; the
 * typed call sends JSON only. Answers the JSON, or throws `ApiError` with the problem.
 */
export async function sendFormData(path: string, form: FormData): Promise<unknown> {
  const token = csrfToken();
  const response = await fetch(path, {
    method: 'POST',
    headers: { accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
    body: form,
  });
  if (!response.ok) {
    const problem: ProblemBody = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem);
  }
  return response.json();
}
