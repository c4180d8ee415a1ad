import { describe, expect, it } from 'vitest';
import { systemContext } from '../../server/service-context';
import { setupTestApp } from '../../testing/harness';
import { createAccount } from './accounts.service';

// The app as production builds it: demo accounts disabled.
const t = setupTestApp({ allowDemoAccounts: false });

describe('demo accounts in production', () => {
  it('cannot sign in, while ordinary accounts can', async () => {
    const password = 'a long and private phrase';
    const system = systemContext(t.db, t.clock);
    await createAccount(system, {
      name: 'Demo',
      email: 'demo@x.example',
      password,
      grants: [],
      isDemo: true,
    });
    await createAccount(system, { name: 'Real', email: 'real@x.example', password, grants: [] });
    expect((await t.send('POST', '/api/auth/login', { email: 'demo@x.example', password })).status).toBe(401);
    expect((await t.send('POST', '/api/auth/login', { email: 'real@x.example', password })).status).toBe(200);
  });
});
