import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { DemoSeed } from '../../server/demo-seed';
import { COUNTY_CODES } from '../../shared/counties';
import { findSection, sectionOfNace } from '../../shared/sectors';
import { LEVEL_CODES } from '../programme/levels';
import { createCluster } from './clusters.seed';
import { linkNodeToHub } from './clusters.service';

/**
 * Real Norwegian clusters as demo data: public facts (names, levels, years, regions) in
 * `clusters.demo.json`, with descriptions in our own words and no people. The file is data, not
 * code: this schema checks it whole before the seed writes a row, so a wrong date or an unknown
 * county stops `klynge seed` with the cluster and field named.
 */

const isoDate = z.iso.date();

const EngagementSchema = z
  .object({
    level: z.enum(LEVEL_CODES),
    startsOn: isoDate,
    /** The level's duration from the start, minus a day. */
    plannedEndOn: isoDate,
    extendedToOn: isoDate.optional(),
    /** When the cluster stopped early or left the programme. */
    endedOn: isoDate.optional(),
    yearlyGrantNok: z.number().int().nonnegative(),
  })
  .strict()
  .refine((e) => e.plannedEndOn > e.startsOn, { message: 'plannedEndOn must be after startsOn' })
  .refine((e) => !e.extendedToOn || e.extendedToOn > e.plannedEndOn, {
    message: 'extendedToOn must be after plannedEndOn',
  })
  .refine((e) => !e.endedOn || e.endedOn >= e.startsOn, { message: 'endedOn must not be before startsOn' });

const sector = z
  .string()
  .refine(
    (code) => (/^[A-U]$/.test(code) ? findSection(code) : /^\d{2}$/.test(code) && sectionOfNace(code)),
    {
      message: 'must be an SN2007 section letter or a two-digit division',
    },
  );

const DemoClusterSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    name: z.string().min(1),
    shortName: z.string().min(1).nullable(),
    descriptionNb: z.string().min(1),
    descriptionEn: z.string().min(1),
    foundedYear: z.number().int().min(1990).max(2030),
    website: z.url().nullable(),
    counties: z.array(z.enum(COUNTY_CODES)).min(1),
    sectors: z.array(sector).min(1).max(4),
    focusAreas: z
      .array(z.object({ nb: z.string().min(1), en: z.string().min(1) }).strict())
      .min(1)
      .max(4),
    status: z.enum(['active', 'ended']),
    engagements: z.array(EngagementSchema).min(1),
    brands: z
      .array(z.object({ code: z.literal('nce'), startsOn: isoDate, endsOn: isoDate.optional() }).strict())
      .optional(),
    /** For a hub-node: the slug of its hub. */
    hubSlug: z.string().optional(),
  })
  .strict()
  .superRefine((cluster, context) => {
    cluster.engagements.forEach((engagement, index) => {
      const previous = cluster.engagements[index - 1];
      if (!previous) return;
      const previousEnd = previous.endedOn ?? previous.extendedToOn ?? previous.plannedEndOn;
      if (engagement.startsOn <= previousEnd) {
        context.addIssue({
          code: 'custom',
          path: ['engagements', index, 'startsOn'],
          message: `must be after the previous engagement ends (${previousEnd})`,
        });
      }
    });
  });

export type DemoCluster = z.infer<typeof DemoClusterSchema>;

const DemoClustersSchema = z.array(DemoClusterSchema).superRefine((clusters, context) => {
  const slugs = new Set<string>();
  clusters.forEach((cluster, index) => {
    if (slugs.has(cluster.slug)) {
      context.addIssue({ code: 'custom', path: [index, 'slug'], message: `${cluster.slug} appears twice` });
    }
    slugs.add(cluster.slug);
  });
  clusters.forEach((cluster, index) => {
    if (cluster.hubSlug && !slugs.has(cluster.hubSlug)) {
      context.addIssue({
        code: 'custom',
        path: [index, 'hubSlug'],
        message: `no demo cluster is ${cluster.hubSlug}`,
      });
    }
  });
});

/** Checks demo cluster data, naming each problem by cluster and field. */
export function parseDemoClusters(data: unknown): DemoCluster[] {
  const result = DemoClustersSchema.safeParse(data);
  if (result.success) return result.data;
  const list = Array.isArray(data) ? data : [];
  const problems = result.error.issues.map((issue) => {
    const [index, ...field] = issue.path;
    const slug = typeof index === 'number' ? (list[index] as { slug?: string } | undefined)?.slug : undefined;
    return `${slug ?? `#${String(index)}`} ${field.join('.')}: ${issue.message}`;
  });
  throw new Error(`The demo cluster data is not valid:\n  ${problems.join('\n  ')}`);
}

/** The demo clusters from `clusters.demo.json`, checked. */
export function loadDemoClusters(): DemoCluster[] {
  return parseDemoClusters(
    JSON.parse(readFileSync(new URL('./clusters.demo.json', import.meta.url), 'utf8')),
  );
}

declare module '../../server/demo-seed' {
  interface DemoFacts {
    /** Each demo cluster's id, by slug, with the facts it was made from. */
    clusters: Map<string, { id: string; demo: DemoCluster }>;
  }
}

/**
 * The real clusters of `clusters.demo.json`, each hosted by a public development actor of its own
 * counties when the demo has one, and the hub-nodes linked to their hubs.
 */
export const seedClustersDemo: DemoSeed = async (demo) => {
  const { random, tx } = demo;
  const programme = demo.fact('programme');
  const pool = demo.fact('organisations');
  const seeded = new Map<string, { id: string; demo: DemoCluster }>();
  for (const cluster of loadDemoClusters()) {
    const hosts = pool.filter(
      (o) => o.actorType === 'public_development' && o.countyCode && cluster.counties.includes(o.countyCode),
    );
    const { hubSlug: _hub, brands, ...facts } = cluster;
    const created = await createCluster(tx, programme, {
      ...facts,
      hostOrgnr: hosts.length > 0 ? random.pick(hosts).orgnr : null,
      brands: brands ?? [],
    });
    seeded.set(cluster.slug, { id: created.id, demo: cluster });
  }
  let hubLinks = 0;
  for (const { id, demo: cluster } of seeded.values()) {
    if (!cluster.hubSlug) continue;
    const node = cluster.engagements.find((e) => e.level === 'hub_node');
    const hub = seeded.get(cluster.hubSlug);
    if (!node || !hub)
      throw new Error(`Demo data: ${cluster.slug} names hub ${cluster.hubSlug} but cannot be linked.`);
    await linkNodeToHub(
      { db: tx },
      { hubClusterId: hub.id, nodeClusterId: id, startsOn: node.startsOn, endsOn: node.endedOn ?? null },
    );
    hubLinks += 1;
  }
  demo.leave('clusters', seeded);
  demo.count('clusters', seeded.size);
  demo.count('hubLinks', hubLinks);
};
