import { createApiClient } from './api-client';

/** The API client for event handlers in the browser (loaders get theirs passed in). */
export const browserApi = createApiClient((path, init) =>
  fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } }),
);
