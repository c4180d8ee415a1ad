import { describe, expect, it } from 'vitest';
import { loadDemoClusters, parseDemoClusters } from './clusters.demo';

describe('the demo cluster data', () => {
  it('holds real clusters at every level, each valid by the schema', () => {
    const clusters = loadDemoClusters();
    expect(clusters.length).toBeGreaterThanOrEqual(40);
    const levels = new Set(clusters.flatMap((c) => c.engagements.map((e) => e.level)));
    expect([...levels].sort()).toEqual(
      ['arena', 'arena_pro', 'global', 'hub_node', 'mature_project', 'nce', 'pre_project'].sort(),
    );
    expect(clusters.find((c) => c.slug === 'arctic-cluster-team')?.name).toBe('Arctic Cluster Team');
  });

  it('names the cluster and the field of each problem', () => {
    const [first] = loadDemoClusters();
    const broken = [
      { ...first, counties: ['99'] },
      { ...first, slug: 'second', engagements: [{ ...first!.engagements[0], plannedEndOn: '1999-01-01' }] },
    ];
    expect(() => parseDemoClusters(broken)).toThrow(
      new RegExp(
        `${first!.slug} counties.0: [\\s\\S]*second engagements.0: plannedEndOn must be after startsOn`,
      ),
    );
    // Links between clusters are checked once every cluster is valid on its own.
    expect(() => parseDemoClusters([first, { ...first, slug: 'third', hubSlug: 'nowhere' }])).toThrow(
      /third hubSlug: no demo cluster is nowhere/,
    );
  });
});
