import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../../accounts/accounts.seed';
import { createCluster } from '../../clusters/clusters.seed';
import { createOrganisation } from '../../organisations/organisations.seed';
import { createProgramme } from '../../programme/programme.seed';
import { auditEvents } from '../audit.table';

const t = setupTestApp({ web: true });
let staff: string;
let manager: string;
let partner: string;

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  const act = await createCluster(t.db, programme, {
    slug: 'arctic-cluster-team',
    name: 'Arctic Cluster Team',
  });
  await createCluster(t.db, programme, { slug: 'energi-i-nord', name: 'Energi i Nord' });
  const first = await createOrganisation(t.db, { name: 'Finnfjord AS' });
  const second = await createOrganisation(t.db, { name: 'Nordkraft AS' });
  staff = await t.signIn(
    (await createTestAccount(t.db, 'programme_staff', {}, { name: 'Pia Programansatt' })).email,
    TEST_PASSWORD,
  );
  manager = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: act.id }, { name: 'Kim Klyngeleder' }))
      .email,
    TEST_PASSWORD,
  );
  partner = await t.signIn(
    (await createTestAccount(t.db, 'partner_contact', { organisationId: first.id })).email,
    TEST_PASSWORD,
  );
  // Making the accounts above left a trail of its own; these tests read one they wrote themselves.
  await t.db.delete(auditEvents);
  await t.send(
    'POST',
    '/api/clusters/arctic-cluster-team/members',
    { orgnr: first.orgnr },
    { cookie: manager },
  );
  await t.send('POST', '/api/clusters/energi-i-nord/members', { orgnr: second.orgnr }, { cookie: staff });
});

describe('the audit log page', () => {
  it('renders the whole trail for programme staff as HTML, with times in Oslo and a readable diff', async () => {
    const { status, body } = await t.get('/audit', { headers: { cookie: staff } });
    expect(status).toBe(200);
    expect(body).toContain('<title>Revisjonslogg – Klynge</title>');
    expect(body).toContain('2 hendelser');
    expect(body).toContain('Kim Klyngeleder');
    expect(body).toContain('Pia Programansatt');
    // 10:00 UTC on 15 June is 12:00 in Oslo (summer time).
    expect(body).toContain('12:00:00');
    expect(body).toMatch(/<code>cluster<\/code> <span>\(tom\)<\/span> → <strong>energi-i-nord<\/strong>/);
    expect(body).toContain('href="/api/audit-events.csv"');
    expect(body).toContain('id="audit-cluster"');
    expect(body).toContain('href="/audit"');
  });

  it("carries the filters into the list and the CSV link, and shows a bad filter's reason", async () => {
    const { body } = await t.get('/audit?cluster=energi-i-nord&from=2026-06-01', {
      headers: { cookie: staff },
    });
    expect(body).toContain('1 hendelser');
    expect(body).not.toContain('Kim Klyngeleder');
    expect(body).toContain('href="/api/audit-events.csv?cluster=energi-i-nord&amp;from=2026-06-01"');
    const bad = await t.get('/audit?from=2026-06-10&to=2026-06-01', { headers: { cookie: staff } });
    expect(bad.status).toBe(200);
    expect(bad.body).toContain('role="alert"');
    expect(bad.body).toContain('to: must be on or after the from date');
  });

  it("shows a cluster manager their cluster's trail, without the choice of cluster", async () => {
    const { status, body } = await t.get('/audit', { headers: { cookie: manager } });
    expect(status).toBe(200);
    expect(body).toContain('1 hendelser');
    expect(body).not.toContain('Pia Programansatt');
    expect(body).not.toContain('id="audit-cluster"');
    expect(body).toContain('href="/audit"');
  });

  it('asks an anonymous visitor to sign in, and tells a partner they have no access', async () => {
    const anonymous = await t.get('/audit?action=x');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toContain('href="/login?next=%2Faudit%3Faction%3Dx"');
    expect(anonymous.body).not.toContain('href="/audit"');
    const denied = await t.get('/audit', { headers: { cookie: partner } });
    expect(denied.status).toBe(403);
    expect(denied.body).toContain('Du har ikke tilgang');
  });
});
