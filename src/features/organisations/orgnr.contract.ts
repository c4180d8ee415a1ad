// Kept apart from the other organisation contracts so any feature can take an orgnr without
// importing them (memberships' contract does; organisations' contract imports memberships').
import { z } from '@hono/zod-openapi';
import { checkOrgnr } from '../../shared/orgnr';

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
