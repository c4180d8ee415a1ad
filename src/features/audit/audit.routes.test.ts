import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/clock';
import type { Actor } from '../../shared/access';
import { parseCsvText } from '../../shared/csv';
import { setupTestApp } from '../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import { createCluster } from '../clusters/clusters.seed';
import { createOrganisation } from '../organisations/organisations.seed';
import { createProgramme } from '../programme/programme.seed';
import { auditEvents } from './audit.table';
import { recordAudit } from './record-audit';

const t = setupTestApp();
let manager: string;
let staff: string;
let partnerContact: string;
let assessor: string;
let clusterStaff: string;
let actId: string;
const tricky: Actor = {
  kind: 'account',
  accountId: '00000000-0000-4000-8000-000000000001',
  personId: '00000000-0000-4000-8000-000000000002',
  name: '=Berg, "Kari"',
  email: 'kari@example.test',
  grants: [],
};

type Event = { action: string; entityType: string; clusterId: string | null; after: any };

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  const act = await createCluster(t.db, programme, {
    slug: 'arctic-cluster-team',
    name: 'Arctic Cluster Team',
  });
  await createCluster(t.db, programme, { slug: 'energi-i-nord' });
  actId = act.id;
  const first = await createOrganisation(t.db);
  const second = await createOrganisation(t.db);
  manager = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: act.id })).email,
    TEST_PASSWORD,
  );
  staff = await t.signIn((await createTestAccount(t.db, 'programme_staff')).email, TEST_PASSWORD);
  partnerContact = await t.signIn(
    (await createTestAccount(t.db, 'partner_contact', { organisationId: first.id })).email,
    TEST_PASSWORD,
  );
  assessor = await t.signIn((await createTestAccount(t.db, 'assessor')).email, TEST_PASSWORD);
  clusterStaff = await t.signIn(
    (await createTestAccount(t.db, 'cluster_staff', { clusterId: act.id })).email,
    TEST_PASSWORD,
  );
  // Making the accounts above left a trail of its own; these tests read one they wrote themselves.
  await t.db.delete(auditEvents);
  // Recorded in this order; the trail lists the last recorded first.
  await recordAudit(
    t.db,
    { actor: tricky, clock: fixedClock('2026-06-01T08:00:00Z') },
    {
      action: 'cluster.updated',
      entityType: 'cluster',
      entityId: act.id,
      clusterId: act.id,
      after: { x: 1 },
    },
  );
  await t.send(
    'POST',
    '/api/clusters/arctic-cluster-team/members',
    { orgnr: first.orgnr },
    { cookie: manager },
  );
  await t.send('POST', '/api/clusters/energi-i-nord/members', { orgnr: second.orgnr }, { cookie: staff });
  // 00:30 on 15 June in Oslo (summer time), still 14 June in UTC.
  await recordAudit(
    t.db,
    { actor: tricky, clock: fixedClock('2026-06-14T22:30:00Z') },
    {
      action: 'organisation.actor_type_overridden',
      entityType: 'organisation',
      entityId: first.orgnr,
      before: { actorType: 'sme' },
      after: { actorType: 'large_company', note: 'said "yes", then left' },
    },
  );
});

async function list(query: string, cookie = staff) {
  return t.get(`/api/audit-events${query}`, { headers: { cookie } });
}

const actions = (body: { items: Event[] }) => body.items.map((e) => e.action);

describe('GET /api/audit-events', () => {
  it('shows programme staff every change, the last recorded first', async () => {
    const { status, body } = await list('');
    expect(status).toBe(200);
    expect(body.total).toBe(4);
    expect(actions(body)).toEqual([
      'organisation.actor_type_overridden',
      'membership.created',
      'membership.created',
      'cluster.updated',
    ]);
    expect(body.items[1].after.cluster).toBe('energi-i-nord');
    expect(body.items[3].cluster).toEqual({ slug: 'arctic-cluster-team', name: 'Arctic Cluster Team' });
  });

  it("shows a cluster manager only their own cluster's changes", async () => {
    const { body } = await list('', manager);
    expect(body.total).toBe(2);
    expect(body.items.every((e: Event) => e.clusterId === actId)).toBe(true);
    expect(actions(body)).toEqual(['membership.created', 'cluster.updated']);
  });

  it('refuses anonymous callers and roles without the audit permission', async () => {
    expect((await t.get('/api/audit-events')).status).toBe(401);
    for (const cookie of [partnerContact, assessor, clusterStaff]) {
      expect((await list('', cookie)).status).toBe(403);
    }
  });

  it('filters by action, entity type and entity id', async () => {
    expect((await list('?action=membership.created')).body.total).toBe(2);
    const organisation = await list('?entityType=organisation');
    expect(actions(organisation.body)).toEqual(['organisation.actor_type_overridden']);
    const byId = await list(`?entityType=cluster&entityId=${actId}`);
    expect(actions(byId.body)).toEqual(['cluster.updated']);
  });

  it("filters by part of the actor's name, in any case, with wildcards taken literally", async () => {
    const { body } = await list('?actor=BERG');
    expect(body.total).toBe(2);
    expect(body.items.every((e: { actorName: string }) => e.actorName === '=Berg, "Kari"')).toBe(true);
    expect((await list('?actor=%25')).body.total).toBe(0);
    const byAccount = await list(`?actorAccountId=${tricky.kind === 'account' && tricky.accountId}`);
    expect(byAccount.body.total).toBe(2);
  });

  it('filters by cluster slug, and a manager filtering another cluster sees nothing', async () => {
    const energi = await list('?cluster=energi-i-nord');
    expect(energi.body.total).toBe(1);
    expect(energi.body.items[0].after.cluster).toBe('energi-i-nord');
    expect((await list('?cluster=energi-i-nord', manager)).body.total).toBe(0);
  });

  it('filters by days in Europe/Oslo, both ends included', async () => {
    expect(actions((await list('?from=2026-06-15')).body)).toEqual([
      'organisation.actor_type_overridden',
      'membership.created',
      'membership.created',
    ]);
    expect(actions((await list('?to=2026-06-14')).body)).toEqual(['cluster.updated']);
    expect(actions((await list('?from=2026-06-01&to=2026-06-01')).body)).toEqual(['cluster.updated']);
    expect((await list('?from=2026-06-02&to=2026-06-14')).body.total).toBe(0);
  });

  it('pages through the trail', async () => {
    const { body } = await list('?pageSize=1&page=2');
    expect(body).toMatchObject({ total: 4, page: 2, pageSize: 1 });
    expect(actions(body)).toEqual(['membership.created']);
  });

  it('names each bad filter in a problem+json answer', async () => {
    const cases: [string, string][] = [
      ['?from=2026-13-01', 'from'],
      ['?from=2026-06-10&to=2026-06-09', 'to'],
      ['?actorAccountId=not-a-uuid', 'actorAccountId'],
      ['?cluster=no-such-cluster', 'cluster'],
      ['?pageSize=1000', 'pageSize'],
    ];
    for (const [query, field] of cases) {
      const { status, body, headers } = await list(query);
      expect(status).toBe(422);
      expect(headers.get('content-type')).toContain('application/problem+json');
      expect(body.errors.map((e: { path: string[] }) => e.path)).toEqual([['query', field]]);
    }
  });
});

async function csv(query: string, cookie = staff) {
  const response = await t.app.request(`/api/audit-events.csv${query}`, { headers: { cookie } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const table = response.ok ? parseCsvText(new TextDecoder().decode(bytes)) : undefined;
  return { response, bytes, table: table! };
}

describe('GET /api/audit-actions', () => {
  it('lists each action in the part of the trail the caller reads, once, in alphabetical order', async () => {
    const all = await t.get('/api/audit-actions', { headers: { cookie: staff } });
    expect(all.body).toEqual({
      items: ['cluster.updated', 'membership.created', 'organisation.actor_type_overridden'],
    });
    // The override concerns no cluster, so a cluster manager's part of the trail has no such action.
    const own = await t.get('/api/audit-actions', { headers: { cookie: manager } });
    expect(own.body).toEqual({ items: ['cluster.updated', 'membership.created'] });
    expect((await t.get('/api/audit-actions', { headers: { cookie: assessor } })).status).toBe(403);
  });
});

describe('GET /api/audit-events.csv', () => {
  it('downloads the trail as UTF-8 CSV with a dated file name and the right quoting', async () => {
    const { response, bytes, table } = await csv('');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="klynge-audit-2026-06-15.csv"',
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(table.header).toEqual([
      'occurred_at_utc',
      'occurred_at_oslo',
      'actor',
      'actor_account_id',
      'action',
      'entity_type',
      'entity_id',
      'entity_name',
      'cluster',
      'before',
      'after',
      'request_id',
    ]);
    expect(table.rows).toHaveLength(4);
    const [override] = table.rows.map((row) => row.fields);
    expect(override!.slice(0, 5)).toEqual([
      '2026-06-14T22:30:00.000Z',
      '2026-06-15 00:30:00',
      // A leading "=" would make a spreadsheet run the name as a formula.
      `'=Berg, "Kari"`,
      tricky.kind === 'account' ? tricky.accountId : '',
      'organisation.actor_type_overridden',
    ]);
    expect(JSON.parse(override![10]!)).toEqual({ actorType: 'large_company', note: 'said "yes", then left' });
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(`"'=Berg, ""Kari"""`);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(table.rows[3]!.fields[8]).toBe('arctic-cluster-team');
  });

  it('applies the same filters and the same scope as the list', async () => {
    expect((await csv('?action=membership.created')).table.rows).toHaveLength(2);
    const mine = await csv('', manager);
    expect(mine.table.rows.map((row) => row.fields[4])).toEqual(['membership.created', 'cluster.updated']);
    expect((await csv('?from=2026-06-10&to=2026-06-09')).response.status).toBe(422);
  });

  it('refuses anonymous callers and roles without the audit permission', async () => {
    expect((await t.app.request('/api/audit-events.csv')).status).toBe(401);
    expect((await csv('', partnerContact)).response.status).toBe(403);
  });

  it('reads a long trail batch by batch without losing or repeating a row', async () => {
    const rows = Array.from({ length: 1_234 }, (_, i) => ({
      occurredAt: new Date(Date.parse('2026-05-01T00:00:00Z') + i * 1000),
      actorName: 'Bulk',
      action: 'bulk.recorded',
      entityType: 'bulk',
      entityId: String(i),
    }));
    await t.db.insert(auditEvents).values(rows);
    const { table } = await csv('?action=bulk.recorded');
    const ids = table.rows.map((row) => Number(row.fields[6]));
    expect(ids).toHaveLength(1_234);
    expect(ids[0]).toBe(1_233);
    expect(ids.at(-1)).toBe(0);
    expect(new Set(ids).size).toBe(1_234);
  });
});
