import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, createApi, endpoint, type Fetcher } from './api';

// Shaped as a feature's `defineRoute(...)` is: literal method and path, zod request and responses.
const thingRoute = {
  method: 'get',
  path: '/api/things/{id}',
  request: { params: z.object({ id: z.string() }), query: z.object({ q: z.string().optional() }) },
  responses: { 200: { content: { 'application/json': { schema: z.object({ name: z.string() }) } } } },
} as const;

const renameRoute = {
  method: 'patch',
  path: '/api/things/{id}',
  request: {
    params: z.object({ id: z.string() }),
    body: { content: { 'application/json': { schema: z.object({ name: z.string().min(1) }) } } },
  },
  responses: { 201: { content: { 'application/json': { schema: z.object({ renamed: z.boolean() }) } } } },
} as const;

const getThing = endpoint<typeof thingRoute>('get', '/api/things/{id}');
const renameThing = endpoint<typeof renameRoute>('patch', '/api/things/{id}');

function recording(answer: () => Response): {
  fetcher: Fetcher;
  calls: { path: string; init?: RequestInit }[];
} {
  const calls: { path: string; init?: RequestInit }[] = [];
  return {
    calls,
    fetcher: async (path, init) => {
      calls.push({ path, init });
      return answer();
    },
  };
}

describe('the typed API call', () => {
  it('does not compile with a method or path the route does not have', () => {
    // @ts-expect-error: the route is a GET
    const wrongMethod = endpoint<typeof thingRoute>('post', '/api/things/{id}');
    // @ts-expect-error: a typo in the path
    const wrongPath = endpoint<typeof thingRoute>('get', '/api/thing/{id}');
    expect([wrongMethod.method, wrongPath.path]).toEqual(['post', '/api/thing/{id}']);
  });

  it('fills in the path, leaves empty query values out, and answers with the route’s response type', async () => {
    const { fetcher, calls } = recording(() => Response.json({ name: 'Arctic' }));
    const api = createApi(fetcher);
    const thing: { name: string } = await api.call(getThing, { params: { id: 'a b/c' }, query: { q: '' } });
    expect(thing.name).toBe('Arctic');
    expect(calls).toEqual([{ path: '/api/things/a%20b%2Fc', init: undefined }]);
    // @ts-expect-error: the path needs its parameter
    await api.call(getThing).catch(() => undefined);
    // @ts-expect-error: no such query parameter
    await api.call(getThing, { params: { id: 'x' }, query: { page: 2 } });
  });

  it('sends a JSON body typed by the route, with the method in capitals', async () => {
    const { fetcher, calls } = recording(() => Response.json({ renamed: true }, { status: 201 }));
    const api = createApi(fetcher);
    const answer = await api.call(renameThing, { params: { id: 'x' }, body: { name: 'New' } });
    expect(answer.renamed).toBe(true);
    expect(calls[0]?.init).toEqual({
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"New"}',
    });
    // @ts-expect-error: the body lacks its name
    await api.call(renameThing, { params: { id: 'x' }, body: {} });
  });

  it('turns a refusal into an ApiError with the problem', async () => {
    const problem = { detail: 'No such thing.', code: 'not_found' };
    const api = createApi(recording(() => Response.json(problem, { status: 404 })).fetcher);
    const error = await api.call(getThing, { params: { id: 'x' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, problem, message: 'No such thing.' });
  });
});
