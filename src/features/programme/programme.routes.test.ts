import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/harness';
import { createCluster } from '../clusters/clusters.seed';
import { createMembership } from '../memberships/memberships.seed';
import { createOrganisation } from '../organisations/organisations.seed';
import { createProgramme } from './programme.seed';

const t = setupTestApp();

describe('GET /api/programme', () => {
  it('answers 404 before any programme exists (a production start is empty)', async () => {
    const response = await t.get('/api/programme');
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('not_found');
  });

  it('returns the levels in order with how many clusters are at each today', async () => {
    const programme = await createProgramme(t.db);
    const organisation = await createOrganisation(t.db);
    const arena = await createCluster(t.db, programme, {
      engagements: [{ level: 'arena', startsOn: '2024-01-01', plannedEndOn: '2026-12-31' }],
    });
    await createCluster(t.db, programme, {
      engagements: [{ level: 'arena', startsOn: '2025-01-01', plannedEndOn: '2027-12-31' }],
    });
    await createCluster(t.db, programme, {
      engagements: [
        { level: 'nce', startsOn: '2009-07-01', plannedEndOn: '2019-06-30' },
        { level: 'arena_pro', startsOn: '2019-07-01', plannedEndOn: '2029-06-30' },
      ],
      brands: [{ code: 'nce', startsOn: '2019-07-01' }],
    });
    await createCluster(t.db, programme, {
      engagements: [{ level: 'arena', startsOn: '2010-01-01', plannedEndOn: '2012-12-31' }],
      status: 'ended',
    });
    await createMembership(t.db, { clusterId: arena.id, organisationId: organisation.id });

    const { status, body } = await t.get('/api/programme');
    expect(status).toBe(200);
    expect(body.name.en).toBe('Norwegian Innovation Clusters');
    expect(body.operators).toEqual(['Innovasjon Norge', 'Siva', 'Forskningsrådet']);
    expect(body.levels.map((l: { code: string }) => l.code)).toEqual([
      'pre_project',
      'hub_node',
      'arena',
      'arena_pro',
      'nce',
      'mature_project',
      'global',
    ]);
    const counts = Object.fromEntries(
      body.levels.map((l: { code: string; activeClusters: number }) => [l.code, l.activeClusters]),
    );
    expect(counts).toMatchObject({ arena: 2, arena_pro: 1, nce: 0, global: 0 });
    expect(body.levels.find((l: { code: string }) => l.code === 'nce')).toMatchObject({
      openFromYear: 2006,
      openToYear: 2018,
    });
    expect(body.brands).toEqual([
      expect.objectContaining({ code: 'nce', duringLevel: 'arena_pro', fromYear: 2019, activeClusters: 1 }),
    ]);
    expect(body.counts).toEqual({ activeClusters: 3, partnerOrganisations: 1, memberships: 1 });
  });
});
