import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import { createCluster } from '../clusters/clusters.seed';
import { createOrganisation } from '../organisations/organisations.seed';
import { createProgramme } from '../programme/programme.seed';

const t = setupTestApp();
let operator: string;
let manager: string;
let act: { id: string };
let partner: { orgnr: string };

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  act = await createCluster(t.db, programme, { slug: 'arctic-cluster-team', name: 'Arctic Cluster Team' });
  partner = await createOrganisation(t.db, { name: 'Navngitt Partner AS' });
  operator = await t.signIn((await createTestAccount(t.db, 'operator_admin')).email, TEST_PASSWORD);
  manager = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: act.id }, { name: 'Kim Klyngeleder' }))
      .email,
    TEST_PASSWORD,
  );
});

type Event = {
  action: string;
  entityId: string;
  entityName: string | null;
  actorName: string;
  after: unknown;
};

async function events(action: string): Promise<Event[]> {
  const { body } = await t.get(`/api/audit-events?action=${action}`, { headers: { cookie: operator } });
  return body.items;
}

describe('names in the audit trail', () => {
  it('names the organisation a partnership is about, and who made it, as they were called then', async () => {
    const added = await t.send(
      'POST',
      '/api/clusters/arctic-cluster-team/members',
      { orgnr: partner.orgnr },
      { cookie: manager },
    );
    expect(added.status).toBe(201);
    const [event] = await events('membership.created');
    expect(event).toMatchObject({ entityName: 'Navngitt Partner AS', actorName: 'Kim Klyngeleder' });
  });

  it('names the cluster whose profile changed, even when the name itself did not change', async () => {
    const changed = await t.send(
      'PATCH',
      '/api/clusters/arctic-cluster-team',
      { foundedYear: 2009 },
      { cookie: manager },
    );
    expect(changed.status).toBe(200);
    const [event] = await events('cluster.updated');
    expect(event!.entityName).toBe('Arctic Cluster Team');
  });

  it('names the invited person, and the cluster of each role by name rather than by id', async () => {
    const invited = await t.send(
      'POST',
      '/api/invitations',
      {
        email: 'named@example.test',
        name: 'Nora Navn',
        grants: [{ role: 'cluster_staff', cluster: 'arctic-cluster-team' }],
      },
      { cookie: manager },
    );
    expect(invited.status).toBe(201);
    const [created] = await events('invitation.created');
    expect(created!.entityName).toBe('Nora Navn');
    expect(created!.after).toMatchObject({
      grants: [{ role: 'cluster_staff', cluster: 'Arctic Cluster Team', organisation: null }],
    });
    expect(JSON.stringify(created!.after)).not.toContain(act.id);

    await t.send('POST', `/api/invitations/${invited.body.id}/revoke`, undefined, { cookie: manager });
    const [revoked] = await events('invitation.revoked');
    expect(revoked!.entityName).toBe('Nora Navn');
  });

  it('exports the entity’s name beside its id', async () => {
    const response = await t.app.request('/api/audit-events.csv?action=membership.created', {
      headers: { cookie: operator },
    });
    const text = await response.text();
    expect(text.split('\r\n')[0]).toContain('entity_id,entity_name,cluster');
    expect(text).toContain(',Navngitt Partner AS,');
  });
});
