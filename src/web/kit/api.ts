// The one HTTP client of the pages. In the browser it uses fetch; on the server the same calls go
// through the app in-process (app.request), so server-rendered pages read exactly what the API serves.
// Every type here comes from the route definitions the features export; the UI imports those with
// `import type` only, so neither zod nor hono reaches the browser through them.
import type { z } from 'zod';

/** The parts of a route definition (`defineRoute` in a feature's `*.routes.ts`) that a call reads. */
export type RouteDefinition = {
  method: string;
  path: string;
  request?: { params?: unknown; query?: unknown; body?: unknown };
  responses: object;
};

type RequestOf<Route> = Route extends { request: infer Request } ? Request : unknown;

type ParamsInput<Route> =
  RequestOf<Route> extends { params: infer Schema extends z.ZodType } ? { params: z.input<Schema> } : unknown;

/**
 * Query strings are text, and pages pass on what the visitor typed in the address or a filter form
 * so that the API's own reasons show when it refuses a value: the keys are the contract's, each
 * value a string or number for the API to validate.
 */
type QueryInput<Route> =
  RequestOf<Route> extends { query: infer Schema extends z.ZodType }
    ? { query?: { [Key in keyof z.input<Schema>]?: string | number | undefined } }
    : unknown;

type BodyInput<Route> =
  RequestOf<Route> extends {
    body: { content: { 'application/json': { schema: infer Schema extends z.ZodType } } };
  }
    ? { body: z.input<Schema> }
    : unknown;

/** What a call sends: the route's path parameters, query and JSON body, each only where it has one. */
export type CallInput<Route> = ParamsInput<Route> & QueryInput<Route> & BodyInput<Route>;

type SuccessStatus = 200 | 201 | 202;

type JsonOf<Response> = Response extends {
  content: { 'application/json': { schema: infer Schema extends z.ZodType } };
}
  ? z.output<Schema>
  : undefined;

/** What a call answers: the JSON of the route's success response. */
export type CallOutput<Route> = Route extends { responses: infer Responses }
  ? JsonOf<Responses[keyof Responses & SuccessStatus]>
  : never;

type CallArgs<Route> =
  Partial<CallInput<Route>> extends CallInput<Route> ? [input?: CallInput<Route>] : [input: CallInput<Route>];

declare const ROUTE: unique symbol;

/** An endpoint the UI calls: its method and path as strings, its route definition as a type only. */
export type Endpoint<Route extends RouteDefinition> = {
  readonly method: Route['method'];
  readonly path: Route['path'];
  readonly [ROUTE]?: Route;
};

/**
 * Names an endpoint for the UI. The method and path are checked against the route's definition,
 * so a typo in either does not compile: `endpoint<typeof getClusterRoute>('get', '/api/clusters/{slug}')`.
 */
export function endpoint<Route extends RouteDefinition>(
  method: Route['method'],
  path: Route['path'],
): Endpoint<Route> {
  return { method, path };
}

export type Fetcher = (path: string, init?: RequestInit) => Promise<Response>;

export type ProblemBody = {
  title?: string;
  detail?: string;
  code?: string;
  errors?: { path: unknown[]; message: string }[];
};

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem: ProblemBody,
  ) {
    super(problem.detail ?? `The API answered ${status}.`);
  }
}

/** The query string for a GET (filters in, empty ones left out); also for download links. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export type Api = {
  call<Route extends RouteDefinition>(
    endpoint: Endpoint<Route>,
    ...input: CallArgs<Route>
  ): Promise<CallOutput<Route>>;
};

type SentInput = {
  params?: Record<string, string | number>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
};

export function createApi(fetcher: Fetcher): Api {
  async function call<Route extends RouteDefinition>(
    endpoint: Endpoint<Route>,
    ...input: CallArgs<Route>
  ): Promise<CallOutput<Route>>;
  async function call(endpoint: { method: string; path: string }, input?: unknown): Promise<unknown> {
    // The signature above has checked the input against the route; from here on it is plain data.
    const { params, query, body } = (input ?? {}) as SentInput;
    const path = endpoint.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
      encodeURIComponent(String(params?.[name])),
    );
    const target = `${path}${queryString(query ?? {})}`;
    const method = endpoint.method.toUpperCase();
    const response = await (method === 'GET'
      ? fetcher(target)
      : fetcher(target, {
          method,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        }));
    if (!response.ok) {
      const problem: ProblemBody = await response.json().catch(() => ({}));
      throw new ApiError(response.status, problem);
    }
    return response.json();
  }
  return { call };
}

/** What an endpoint answers, for naming a page's data: `AnswerOf<typeof listClusters>`. */
export type AnswerOf<E> = E extends Endpoint<infer Route> ? CallOutput<Route> : never;
