import { z } from '@hono/zod-openapi';
import { checkOrgnr } from '../../shared/orgnr';
import {
  ActorTypeSchema,
  OrganisationMembershipSchema,
  SizeClassSchema,
} from '../memberships/memberships.contract';

/** A path or body orgnr: nine digits whose mod-11 check digit holds; the message says what is wrong. */
export const OrgnrSchema = z
  .string()
  .superRefine((value, ctx) => {
    const check = checkOrgnr(value);
    if (!check.ok)
      ctx.addIssue({ code: 'custom', message: check.message, params: { problem: check.problem } });
  })
  .transform((value) => value.replace(/[\s.]/g, ''))
  .openapi({ description: 'Organisation number (9 digits, mod-11 check digit)', example: '923609016' });

export const OrgnrParamSchema = z.object({
  orgnr: OrgnrSchema.openapi({ param: { name: 'orgnr', in: 'path' }, example: '923609016' }),
});

export const OrganisationSchema = z
  .object({
    orgnr: z.string(),
    name: z.string(),
    organisationForm: z.string().nullable(),
    naceCodes: z.array(z.object({ code: z.string(), section: z.string().nullable() })),
    employees: z.number().int().nullable(),
    sizeClass: SizeClassSchema,
    municipalityNumber: z.string().nullable(),
    countyCode: z.string().nullable(),
    actorType: ActorTypeSchema,
    website: z.string().nullable(),
    memberships: z.array(OrganisationMembershipSchema),
  })
  .openapi('Organisation');

export type OrganisationView = z.infer<typeof OrganisationSchema>;
