import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import { auditEvents } from '../audit/audit.table';
import { createCluster } from '../clusters/clusters.seed';
import { createProgramme } from '../programme/programme.seed';
import { createOrganisation } from './organisations.seed';

const t = setupTestApp();
let own: { id: string; orgnr: string };
let other: { orgnr: string };
let contact: string;
let manager: string;
let staff: string;

const patch = (orgnr: string, body: unknown, cookie?: string) =>
  t.send('PATCH', `/api/organisations/${orgnr}/contact`, body, cookie ? { cookie } : {});
const trail = () =>
  t.db.select().from(auditEvents).where(eq(auditEvents.action, 'organisation.contact_updated'));

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  const cluster = await createCluster(t.db, programme, { slug: 'arctic-cluster-team' });
  own = await createOrganisation(t.db, { name: 'Finnfjord AS' });
  other = await createOrganisation(t.db, { name: 'Nordkraft AS' });
  contact = await t.signIn(
    (await createTestAccount(t.db, 'partner_contact', { organisationId: own.id })).email,
    TEST_PASSWORD,
  );
  manager = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: cluster.id })).email,
    TEST_PASSWORD,
  );
  staff = await t.signIn((await createTestAccount(t.db, 'programme_staff')).email, TEST_PASSWORD);
});

describe('PATCH /api/organisations/{orgnr}/contact', () => {
  it("lets a partner contact change their own organisation's contact details, and audits it", async () => {
    const { status, body } = await patch(
      own.orgnr,
      { email: 'post@finnfjord.example', phone: '+47 77 00 00 00' },
      contact,
    );
    expect(status).toBe(200);
    expect(body.contact).toEqual({ email: 'post@finnfjord.example', phone: '+47 77 00 00 00' });
    const [event] = await trail();
    expect(event).toMatchObject({
      entityType: 'organisation',
      entityId: own.orgnr,
      before: { email: null, phone: null },
      after: { email: 'post@finnfjord.example', phone: '+47 77 00 00 00' },
    });

    const cleared = await patch(own.orgnr, { phone: null }, contact);
    expect(cleared.body.contact).toEqual({ email: 'post@finnfjord.example', phone: null });
    expect((await trail()).at(-1)).toMatchObject({
      before: { phone: '+47 77 00 00 00' },
      after: { phone: null },
    });
  });

  it('shows the contact details to signed-in readers only', async () => {
    expect((await t.get(`/api/organisations/${own.orgnr}`)).body.contact).toBeNull();
    const signedIn = await t.get(`/api/organisations/${own.orgnr}`, { headers: { cookie: manager } });
    expect(signedIn.body.contact).toEqual({ email: 'post@finnfjord.example', phone: null });
  });

  it('lets programme staff change any organisation; refuses others, and changes nothing', async () => {
    expect((await patch(other.orgnr, { email: 'post@nordkraft.example' }, staff)).status).toBe(200);
    expect((await patch(other.orgnr, { email: 'x@example.test' }, contact)).status).toBe(403);
    expect((await patch(own.orgnr, { email: 'x@example.test' }, manager)).status).toBe(403);
    expect((await patch(own.orgnr, { email: 'x@example.test' })).status).toBe(401);
    expect((await patch('923609016', { email: 'x@example.test' }, staff)).status).toBe(404);
    const seen = await t.get(`/api/organisations/${other.orgnr}`, { headers: { cookie: staff } });
    expect(seen.body.contact.email).toBe('post@nordkraft.example');
  });

  it('answers bad input field by field, and changes nothing', async () => {
    const before = (await trail()).length;
    const { status, body } = await patch(own.orgnr, { email: 'not-an-address', phone: 'ring meg' }, contact);
    expect(status).toBe(422);
    expect(body.errors.map((e: { path: string[] }) => e.path.join('.')).sort()).toEqual([
      'body.email',
      'body.phone',
    ]);
    expect((await patch(own.orgnr, { website: 'https://x.example' }, contact)).status).toBe(422);
    expect((await patch('923609017', { email: 'x@example.test' }, contact)).status).toBe(422);
    expect(await trail()).toHaveLength(before);
  });
});
