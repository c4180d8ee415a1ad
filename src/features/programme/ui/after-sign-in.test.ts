import { describe, expect, it } from 'vitest';
import { actorAs } from '../../../testing/actors';
import { type Api, ApiError } from '../../../web/kit/api';
import { pathAfterSignIn } from './after-sign-in';

/** An API whose programme read answers with this status, counting the calls. */
function apiAnswering(status: number) {
  const calls: string[] = [];
  const api = {
    async call(endpoint: { path: string }) {
      calls.push(endpoint.path);
      if (status !== 200) throw new ApiError(status, {});
      return {};
    },
  } as unknown as Api;
  return { api, calls };
}

describe('where someone goes after signing in', () => {
  it('takes an operator admin to the set-up page when the database has no programme', async () => {
    const { api, calls } = apiAnswering(404);
    expect(await pathAfterSignIn(api, actorAs('operator_admin'), '/invitations')).toBe('/programme/setup');
    expect(calls).toEqual(['/api/programme']);
  });

  it('takes an operator admin where they were going once the programme exists, or when it cannot be read', async () => {
    expect(await pathAfterSignIn(apiAnswering(200).api, actorAs('operator_admin'), '/invitations')).toBe(
      '/invitations',
    );
    expect(await pathAfterSignIn(apiAnswering(500).api, actorAs('operator_admin'), '/')).toBe('/');
  });

  it('never asks on behalf of anyone who may not set the programme up', async () => {
    const { api, calls } = apiAnswering(404);
    expect(await pathAfterSignIn(api, actorAs('programme_staff'), '/audit')).toBe('/audit');
    expect(calls).toEqual([]);
  });
});
