import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/harness';
import { auditEvents } from '../audit/audit.table';
import { createOrganisation, nextOrgnr } from '../organisations/organisations.seed';
import { createTestAccount, TEST_PASSWORD } from './accounts.seed';
import { affiliations } from './accounts.table';
import { MAX_AFFILIATIONS } from './affiliations.service';

const t = setupTestApp();
let registered: { id: string; orgnr: string; name: string };

beforeAll(async () => {
  registered = await createOrganisation(t.db, { name: 'Vurdering og Råd AS' });
});

async function signedIn(role: 'assessor' | 'programme_staff' | 'partner_contact' = 'assessor') {
  const scope = role === 'partner_contact' ? { organisationId: registered.id } : {};
  const made = await createTestAccount(t.db, role, scope);
  return { ...made, cookie: await t.signIn(made.email, TEST_PASSWORD) };
}

describe("a person's own organisations", () => {
  it('are added by number, listed with the names the register copy knows, and taken off again', async () => {
    const { cookie, account } = await signedIn();
    const unregistered = nextOrgnr();
    const first = await t.send('POST', '/api/auth/affiliations', { orgnr: registered.orgnr }, { cookie });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ orgnr: registered.orgnr, name: 'Vurdering og Råd AS' });
    await t.send('POST', '/api/auth/affiliations', { orgnr: unregistered }, { cookie });

    const list = await t.get('/api/auth/affiliations', { headers: { cookie } });
    expect(list.body.items).toEqual([
      expect.objectContaining({ orgnr: registered.orgnr, name: 'Vurdering og Råd AS' }),
      expect.objectContaining({ orgnr: unregistered, name: null }),
    ]);

    const removed = await t.send('DELETE', `/api/auth/affiliations/${registered.orgnr}`, undefined, {
      cookie,
    });
    expect(removed.status).toBe(200);
    expect((await t.get('/api/auth/affiliations', { headers: { cookie } })).body.items).toEqual([
      expect.objectContaining({ orgnr: unregistered }),
    ]);
    const trail = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'person'), eq(auditEvents.entityId, account.personId)));
    expect(trail.map((e) => e.action).sort()).toEqual([
      'affiliation.added',
      'affiliation.added',
      'affiliation.removed',
    ]);
  });

  it('refuses a number with a wrong check digit, one listed already, and one not on the list', async () => {
    const { cookie } = await signedIn();
    const wrong = await t.send('POST', '/api/auth/affiliations', { orgnr: '923609017' }, { cookie });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].path).toEqual(['body', 'orgnr']);
    await t.send('POST', '/api/auth/affiliations', { orgnr: registered.orgnr }, { cookie });
    const twice = await t.send('POST', '/api/auth/affiliations', { orgnr: registered.orgnr }, { cookie });
    expect(twice.status).toBe(409);
    const missing = await t.send('DELETE', `/api/auth/affiliations/${nextOrgnr()}`, undefined, { cookie });
    expect(missing.status).toBe(404);
  });

  it(`stops at ${MAX_AFFILIATIONS}`, async () => {
    const { cookie, account } = await signedIn();
    await t.db
      .insert(affiliations)
      .values(
        Array.from({ length: MAX_AFFILIATIONS }, () => ({ personId: account.personId, orgnr: nextOrgnr() })),
      );
    const response = await t.send('POST', '/api/auth/affiliations', { orgnr: nextOrgnr() }, { cookie });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].path).toEqual(['body', 'orgnr']);
  });

  it('need a signed-in caller', async () => {
    expect((await t.get('/api/auth/affiliations')).status).toBe(401);
    expect((await t.send('POST', '/api/auth/affiliations', { orgnr: registered.orgnr })).status).toBe(401);
  });
});

describe("reading another person's organisations", () => {
  it('is for programme staff, and answers 404 for a person nobody knows', async () => {
    const assessor = await signedIn('assessor');
    await t.send('POST', '/api/auth/affiliations', { orgnr: registered.orgnr }, { cookie: assessor.cookie });
    const path = `/api/persons/${assessor.account.personId}/affiliations`;

    const staff = await signedIn('programme_staff');
    const read = await t.get(path, { headers: { cookie: staff.cookie } });
    expect(read.status).toBe(200);
    expect(read.body.items).toEqual([expect.objectContaining({ orgnr: registered.orgnr })]);

    // Not even a contact of the very organisation the person listed.
    const contact = await signedIn('partner_contact');
    expect((await t.get(path, { headers: { cookie: contact.cookie } })).status).toBe(403);
    expect((await t.get(path, { headers: { cookie: assessor.cookie } })).status).toBe(403);
    expect((await t.get(path)).status).toBe(401);
    const nobody = '/api/persons/00000000-0000-4000-8000-00000000abcd/affiliations';
    expect((await t.get(nobody, { headers: { cookie: staff.cookie } })).status).toBe(404);
  });
});
