import { z } from '@hono/zod-openapi';
import { LevelCodeSchema, LocalizedTextSchema } from '../programme/programme.contract';

const Years = z.number().openapi({ description: 'Years, as days / 365.25 to one decimal', example: 7.5 });

export const CountedEngagementSchema = z
  .object({
    engagementId: z.uuid(),
    level: z.object({ code: LevelCodeSchema, name: LocalizedTextSchema }),
    from: z.string().openapi({ description: 'The first day, YYYY-MM-DD', example: '2017-07-01' }),
    to: z.string().openapi({
      description: 'The current end: the day it ended early, else its extended end, else its planned end',
      example: '2021-06-30',
    }),
    years: Years,
  })
  .openapi('StateAidEngagement');

export const ClusterStateAidSchema = z
  .object({
    clusterId: z.uuid(),
    cluster: z.object({ slug: z.string(), name: z.string() }),
    capYears: z.number().int().openapi({ description: "The programme's cap on years of operating aid" }),
    usedYears: Years.openapi({
      description:
        "Years covered by the cluster's engagements at operating-aid levels, overlaps counted once",
    }),
    withProposalYears: Years.openapi({
      description: 'The same as usedYears here: no proposal is asked about',
    }),
    overCap: z.boolean().openapi({ description: 'Whether the years pass the cap' }),
    engagements: z.array(CountedEngagementSchema).openapi({
      description: 'The engagements at operating-aid levels that count, oldest first',
    }),
  })
  .openapi('ClusterStateAid');
