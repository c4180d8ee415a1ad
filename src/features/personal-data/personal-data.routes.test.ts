import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { PERSONAL_DATA } from '../../server/features';
import { setupTestApp } from '../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import {
  accounts,
  affiliations,
  apiTokens,
  invitations,
  oidcIdentities,
  passwordResets,
  persons,
  sessions,
  signUps,
} from '../accounts/accounts.table';
import { auditEvents } from '../audit/audit.table';
import { recordAudit } from '../audit/record-audit';
import { createCluster } from '../clusters/clusters.seed';
import { mailMessages } from '../mail/mail.table';
import { createOrganisation } from '../organisations/organisations.seed';
import { createProgramme } from '../programme/programme.seed';

/** Every kind of data the features declare an erasure removes, each at 0. */
const NOTHING_REMOVED = Object.fromEntries(
  PERSONAL_DATA.flatMap((declaration) => Object.keys(declaration.erase?.removed ?? {})).map((kind) => [
    kind,
    0,
  ]),
);

const t = setupTestApp();
const NAME = 'Kari Nordmann';
const EMAIL = 'Kari.Nordmann@example.test';
const PHONE = '+47 912 34 567';
let operator: string;
let operatorPersonId: string;
let others: Record<string, string>;
let subject: { personId: string; accountId: string; cookie: string };
let bystanderEmail: string;

const day = (iso: string) => new Date(iso);

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  const cluster = await createCluster(t.db, programme, { slug: 'mineralklynge-nord' });
  const organisation = await createOrganisation(t.db);
  const admin = await createTestAccount(t.db, 'operator_admin', {}, { name: 'Ola Operatør' });
  operatorPersonId = admin.account.personId;
  operator = await t.signIn(admin.email, TEST_PASSWORD);
  others = {
    programme_staff: await t.signIn((await createTestAccount(t.db, 'programme_staff')).email, TEST_PASSWORD),
    cluster_manager: await t.signIn(
      (await createTestAccount(t.db, 'cluster_manager', { clusterId: cluster.id })).email,
      TEST_PASSWORD,
    ),
    assessor: await t.signIn((await createTestAccount(t.db, 'assessor')).email, TEST_PASSWORD),
    partner_contact: await t.signIn(
      (await createTestAccount(t.db, 'partner_contact', { organisationId: organisation.id })).email,
      TEST_PASSWORD,
    ),
  };

  const made = await createTestAccount(t.db, 'programme_staff', {}, { name: NAME, email: EMAIL });
  await t.db.update(persons).set({ phone: PHONE }).where(eq(persons.id, made.account.personId));
  subject = {
    personId: made.account.personId,
    accountId: made.account.id,
    cookie: await t.signIn(EMAIL, TEST_PASSWORD),
  };
  // Something they did, and an event about them that holds their name and address as values.
  await t.send(
    'POST',
    '/api/clusters/mineralklynge-nord/members',
    { orgnr: organisation.orgnr },
    {
      cookie: subject.cookie,
    },
  );
  await recordAudit(
    t.db,
    { actor: { kind: 'anonymous' }, clock: { now: () => day('2026-06-01T09:00:00Z') } },
    {
      action: 'account.created',
      entityType: 'account',
      entityId: made.account.id,
      after: { name: NAME, email: EMAIL, grants: [{ role: 'programme_staff' }], note: 'Kari Nordmann sa ja' },
    },
  );

  await t.db.insert(apiTokens).values({
    accountId: made.account.id,
    name: 'Rapportering',
    tokenHash: 'secret-token-hash',
    prefix: 'klt_ab12',
    permissions: ['audit.read'],
  });
  await t.db
    .insert(oidcIdentities)
    .values({ issuer: 'https://id.example.test', subject: 'kari-1', accountId: made.account.id });
  await t.db.insert(passwordResets).values({
    tokenHash: 'secret-reset-hash',
    accountId: made.account.id,
    expiresAt: day('2026-06-16T00:00:00Z'),
  });
  const grants = [{ role: 'programme_staff' as const, clusterId: null, organisationId: null }];
  await t.db.insert(invitations).values([
    {
      tokenHash: 'secret-accepted-invitation',
      email: EMAIL,
      name: NAME,
      grants,
      invitedByAccountId: admin.account.id,
      expiresAt: day('2026-05-08T00:00:00Z'),
      acceptedAt: day('2026-05-02T00:00:00Z'),
      accountId: made.account.id,
    },
    {
      tokenHash: 'secret-pending-invitation',
      email: EMAIL.toLowerCase(),
      name: NAME,
      grants,
      invitedByAccountId: admin.account.id,
      expiresAt: day('2026-06-20T00:00:00Z'),
    },
  ]);
  bystanderEmail = 'ny.kollega@example.test';
  await t.db.insert(invitations).values({
    tokenHash: 'secret-sent-invitation',
    email: bystanderEmail,
    name: 'Ny Kollega',
    grants,
    invitedByAccountId: made.account.id,
    expiresAt: day('2026-06-20T00:00:00Z'),
  });
  await t.db.insert(signUps).values({
    tokenHash: 'secret-sign-up-hash',
    email: EMAIL.toLowerCase(),
    name: NAME,
    language: 'nb',
    expiresAt: day('2026-06-16T00:00:00Z'),
  });
  await t.db.insert(affiliations).values({ personId: made.account.personId, orgnr: organisation.orgnr });
  await t.db.insert(mailMessages).values({
    toAddress: EMAIL,
    subject: 'Nytt passord',
    textBody: 'Følg lenken: https://klynge.example/reset/secret-link',
    kind: 'password_reset',
  });
});

const asOperator = (path: string) => t.get(path, { headers: { cookie: operator } });

describe('GET /api/persons', () => {
  it('finds people by part of the name or the e-mail address, in any case', async () => {
    for (const q of ['nordmann', 'KARI.NORD', 'example.test']) {
      const { status, body } = await asOperator(`/api/persons?q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
      expect(body.items.map((p: { id: string }) => p.id)).toContain(subject.personId);
    }
    const { body } = await asOperator('/api/persons?q=nordmann');
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(body.items[0]).toEqual({
      id: subject.personId,
      name: NAME,
      email: EMAIL,
      erasedAt: null,
      accountStatus: 'active',
    });
    expect((await asOperator('/api/persons?q=%25')).body.total).toBe(0);
  });

  it('is for operators only', async () => {
    expect((await t.get('/api/persons')).status).toBe(401);
    for (const cookie of Object.values(others)) {
      expect((await t.get('/api/persons', { headers: { cookie } })).status).toBe(403);
    }
  });
});

describe('GET /api/persons/{id}', () => {
  it('shows the person with their account, roles and ways in', async () => {
    const { status, body } = await asOperator(`/api/persons/${subject.personId}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      name: NAME,
      email: EMAIL,
      phone: PHONE,
      erasedAt: null,
      account: {
        id: subject.accountId,
        status: 'active',
        grants: [{ role: 'programme_staff', clusterId: null, organisationId: null }],
        sessions: 1,
        apiTokens: 1,
        singleSignOnIdentities: 1,
      },
    });
  });

  it('answers 404 for an unknown person and 422 for a malformed id', async () => {
    const unknown = await asOperator('/api/persons/00000000-0000-4000-8000-00000000abcd');
    expect(unknown.status).toBe(404);
    const malformed = await asOperator('/api/persons/kari');
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors[0].path).toEqual(['param', 'id']);
  });
});

describe('GET /api/persons/{id}/export', () => {
  it('downloads everything about the person as JSON, without a single secret, and records the export', async () => {
    const response = await t.app.request(`/api/persons/${subject.personId}/export`, {
      headers: { cookie: operator },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="klynge-person-${subject.personId}-2026-06-15.json"`,
    );
    const text = await response.text();
    for (const secret of ['secret-', 'passwordHash', 'tokenHash', '$argon2'])
      expect(text).not.toContain(secret);
    const data = JSON.parse(text);
    expect(data.person).toMatchObject({ id: subject.personId, name: NAME, email: EMAIL, phone: PHONE });
    expect(data.account).toMatchObject({ id: subject.accountId, email: EMAIL, hasPassword: true });
    expect(data.roleGrants).toEqual([expect.objectContaining({ role: 'programme_staff' })]);
    expect(data.sessions).toHaveLength(1);
    expect(Object.keys(data.sessions[0]).sort()).toEqual([
      'createdAt',
      'expiresAt',
      'lastSeenAt',
      'userAgent',
    ]);
    expect(data.apiTokens).toEqual([expect.objectContaining({ name: 'Rapportering', prefix: 'klt_ab12' })]);
    expect(data.invitationsReceived).toHaveLength(2);
    expect(data.invitationsSent).toHaveLength(1);
    expect(data.invitationsSent[0]).not.toHaveProperty('email');
    expect(text).not.toContain(bystanderEmail);
    expect(data.singleSignOnIdentities).toEqual([expect.objectContaining({ subject: 'kari-1' })]);
    expect(data.mailMessages).toEqual([
      expect.objectContaining({ subject: 'Nytt passord', kind: 'password_reset' }),
    ]);
    expect(data.auditEvents.map((e: { action: string }) => e.action)).toEqual(['membership.created']);
    expect(data.signUps).toEqual([expect.objectContaining({ name: NAME, usedAt: null })]);
    expect(data.affiliations).toEqual([expect.objectContaining({ orgnr: expect.any(String) })]);

    const trail = await asOperator(`/api/audit-events?action=person.exported&entityId=${subject.personId}`);
    expect(trail.body.total).toBe(1);
    expect(trail.body.items[0].actorName).toBe('Ola Operatør');
  });

  it('is for operators only, and answers 404 for an unknown person', async () => {
    const path = `/api/persons/${subject.personId}/export`;
    expect((await t.get(path)).status).toBe(401);
    expect((await t.get(path, { headers: { cookie: others.programme_staff! } })).status).toBe(403);
    expect((await asOperator('/api/persons/00000000-0000-4000-8000-00000000abcd/export')).status).toBe(404);
  });
});

describe('POST /api/persons/{id}/erase', () => {
  const erase = (personId: string, confirmation: unknown, cookie = operator) =>
    t.send('POST', `/api/persons/${personId}/erase`, { confirmation }, { cookie });

  it('refuses a confirmation that does not name the person, and changes nothing', async () => {
    const { status, body } = await erase(subject.personId, 'someone.else@example.test');
    expect(status).toBe(422);
    expect(body.errors).toEqual([
      expect.objectContaining({ path: ['body', 'confirmation'], message: expect.stringContaining('e-mail') }),
    ]);
    expect((await erase(subject.personId, '')).status).toBe(422);
    const person = await asOperator(`/api/persons/${subject.personId}`);
    expect(person.body).toMatchObject({
      name: NAME,
      email: EMAIL,
      erasedAt: null,
      account: { status: 'active' },
    });
    expect((await t.get('/api/auth/me', { headers: { cookie: subject.cookie } })).body.name).toBe(NAME);
  });

  it('is for operators only, answers 404 for an unknown person, and will not erase the operator', async () => {
    expect(
      (await t.send('POST', `/api/persons/${subject.personId}/erase`, { confirmation: EMAIL })).status,
    ).toBe(401);
    expect((await erase(subject.personId, EMAIL, others.programme_staff)).status).toBe(403);
    expect((await erase('00000000-0000-4000-8000-00000000abcd', EMAIL)).status).toBe(404);
    expect((await erase(operatorPersonId, 'Ola Operatør')).status).toBe(409);
  });

  it('erases the person: no sign-in, no name or address left, the trail kept under a neutral name', async () => {
    const { status, body } = await erase(subject.personId, EMAIL.toUpperCase());
    expect(status).toBe(200);
    // Every kind a feature declares is counted; those this person never used count 0. A feature's
    // own test erases a person who used it (the applications feature erases an applicant).
    expect(body.removed).toEqual({
      ...NOTHING_REMOVED,
      sessions: 1,
      apiTokens: 1,
      knownBrowsers: 1,
      singleSignOnIdentities: 1,
      passwordResets: 1,
      invitations: 1,
      roleGrants: 1,
      mailMessages: 1,
      signUps: 1,
      affiliations: 1,
    });
    // Redacted: the trail of making their account, and the event written above.
    expect(body.auditEvents).toEqual({ renamed: 1, redacted: 2 });
    expect(body.person).toMatchObject({ name: 'Erased person', email: null, phone: null });
    expect(body.person.erasedAt).toBe('2026-06-15T10:00:00.000Z');
    expect(body.person.account).toMatchObject({ status: 'disabled', grants: [], sessions: 0 });

    // No way back in: the old session is gone and the password no longer works.
    expect((await t.get('/api/auth/me', { headers: { cookie: subject.cookie } })).body.kind).toBe(
      'anonymous',
    );
    expect((await t.send('POST', '/api/auth/login', { email: EMAIL, password: TEST_PASSWORD })).status).toBe(
      401,
    );
    const [account] = await t.db.select().from(accounts).where(eq(accounts.id, subject.accountId));
    expect(account).toMatchObject({ status: 'disabled', passwordHash: null });
    expect(account!.email).toMatch(/@erased\.invalid$/);
    for (const table of [sessions, apiTokens, oidcIdentities, passwordResets]) {
      expect(await t.db.$count(table, eq(table.accountId, subject.accountId))).toBe(0);
    }
    expect(await t.db.$count(signUps)).toBe(0);
    expect(await t.db.$count(affiliations, eq(affiliations.personId, subject.personId))).toBe(0);

    // Nothing of them is left in the trail; their events stay, under a neutral name.
    const leftovers = await t.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(
        sql`concat_ws(' ', ${auditEvents.actorName}, ${auditEvents.before}::text, ${auditEvents.after}::text) ilike any (array['%nordmann%', '%912 34%'])`,
      );
    expect(leftovers).toEqual([]);
    const theirs = await asOperator(`/api/audit-events?actorAccountId=${subject.accountId}`);
    expect(
      theirs.body.items.map((e: { actorName: string; action: string }) => [e.actorName, e.action]),
    ).toEqual([['Erased person', 'membership.created']]);
    const created = await asOperator(
      `/api/audit-events?action=account.created&entityId=${subject.accountId}`,
    );
    expect(created.body.total).toBe(2);
    expect(created.body.items.map((e: { after: unknown }) => e.after)).toContainEqual({
      name: 'Erased person',
      email: 'Erased person',
      grants: [{ role: 'programme_staff' }],
      note: 'Erased person sa ja',
    });

    // The erasure is on record, with counts and nothing of what was erased.
    const erased = await asOperator(`/api/audit-events?action=person.erased&entityId=${subject.personId}`);
    expect(erased.body.total).toBe(1);
    expect(erased.body.items[0].actorName).toBe('Ola Operatør');
    expect(JSON.stringify(erased.body.items[0])).not.toMatch(/nordmann/i);

    // Invitations: never-accepted ones gone, the accepted one anonymised, theirs to others kept.
    const left = await t.db.select().from(invitations);
    expect(left.map((i) => i.tokenHash).sort()).toEqual([
      'secret-accepted-invitation',
      'secret-sent-invitation',
    ]);
    expect(left.find((i) => i.tokenHash === 'secret-accepted-invitation')).toMatchObject({
      name: 'Erased person',
      email: account!.email,
    });
    expect(await t.db.$count(mailMessages)).toBe(0);

    expect((await asOperator('/api/persons?q=nordmann')).body.total).toBe(0);
    expect((await erase(subject.personId, 'Erased person')).status).toBe(409);
  });

  it('erases a contact without an account, confirmed by full name', async () => {
    const [contact] = await t.db
      .insert(persons)
      .values({ name: 'Per Kontakt', phone: '400 00 000' })
      .returning();
    const { status, body } = await erase(contact!.id, '  per kontakt ');
    expect(status).toBe(200);
    expect(body.person).toMatchObject({ name: 'Erased person', phone: null, account: null });
    expect(body.removed.sessions).toBe(0);
  });
});
