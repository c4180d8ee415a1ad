import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../../accounts/accounts.seed';
import { createCluster } from '../../clusters/clusters.seed';
import { createOrganisation } from '../../organisations/organisations.seed';
import { createProgramme } from '../../programme/programme.seed';

const t = setupTestApp({ web: true });
let operator: string;
let manager: string;
let staff: string;
let partner: string;
let programmeStaff: string;

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  const act = await createCluster(t.db, programme, {
    slug: 'arctic-cluster-team',
    name: 'Arctic Cluster Team',
  });
  const nord = await createCluster(t.db, programme, { slug: 'energi-i-nord', name: 'Energi i Nord' });
  const organisation = await createOrganisation(t.db, { name: 'Polar Partner AS' });
  const signIn = async (...args: Parameters<typeof createTestAccount>) =>
    t.signIn((await createTestAccount(...args)).email, TEST_PASSWORD);
  operator = await signIn(t.db, 'operator_admin', {}, { name: 'Ola Operatør' });
  programmeStaff = await signIn(t.db, 'programme_staff', {}, { name: 'Pia Programmet' });
  manager = await signIn(t.db, 'cluster_manager', { clusterId: act.id }, { name: 'Kim Klyngeleder' });
  staff = await signIn(t.db, 'cluster_staff', { clusterId: nord.id }, { name: 'Siri Stab' });
  partner = await signIn(
    t.db,
    'partner_contact',
    { organisationId: organisation.id },
    { name: 'Per Partner' },
  );
});

const page = (path: string, cookie?: string) => t.get(path, cookie ? { headers: { cookie } } : undefined);

/** The hrefs of the links inside the element with this test id. */
function linksIn(body: string, testId: string): string[] {
  const start = body.indexOf(`data-testid="${testId}"`);
  if (start < 0) return [];
  const section = body.slice(start, body.indexOf('</section>', start));
  return [...section.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
}

describe('the home page', () => {
  it('asks an anonymous visitor to sign in', async () => {
    const { status, body } = await page('/home');
    expect(status).toBe(401);
    expect(body).toContain('href="/login?next=%2Fhome"');
  });

  it('shows a cluster manager their cluster with what they may do there, and no programme tasks', async () => {
    const { status, body } = await page('/home', manager);
    expect(status).toBe(200);
    expect(body).toContain('Mine klynger');
    expect(body).toContain('Arctic Cluster Team');
    expect(body).not.toContain('Energi i Nord');
    expect(linksIn(body, 'my-clusters')).toEqual([
      '/clusters/arctic-cluster-team',
      '/clusters/arctic-cluster-team/edit',
      '/clusters/arctic-cluster-team#members-heading',
      '/invitations?role=cluster_staff&cluster=arctic-cluster-team',
      '/audit?cluster=arctic-cluster-team',
    ]);
    expect(body).not.toContain('data-testid="programme-tasks"');
  });

  it('offers cluster staff only what their role lets them do', async () => {
    const { body } = await page('/home?lang=en', staff);
    expect(body).toContain('My clusters');
    expect(body).toContain('Energi i Nord');
    expect(linksIn(body, 'my-clusters')).toEqual(['/clusters/energi-i-nord']);
  });

  it('shows a partner contact their organisation, and no clusters to manage', async () => {
    const { body } = await page('/home', partner);
    expect(body).toContain('Du har ingen rolle i en klynge.');
    expect(body).toContain('Polar Partner AS');
    expect(body).toContain('Se og oppdater kontaktinformasjonen');
  });

  it('lists the programme tasks each programme-wide role may do', async () => {
    const asOperator = await page('/home', operator);
    expect(linksIn(asOperator.body, 'programme-tasks')).toEqual([
      '/programme/setup',
      '/calls',
      '/organisations',
      '/invitations',
      '/outbox',
      '/audit',
      '/people',
    ]);
    const asStaff = await page('/home', programmeStaff);
    expect(linksIn(asStaff.body, 'programme-tasks')).toEqual(['/calls', '/organisations', '/audit']);
  });
});
