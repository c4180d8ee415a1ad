import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './context';
import { validationError } from './problem';

/** Every feature's routes hang on a router made here, so bad input is answered the same way everywhere. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.target, result.error.issues);
    },
  });
}
