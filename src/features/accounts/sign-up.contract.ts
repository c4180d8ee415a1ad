import { z } from '@hono/zod-openapi';
import { LOCALES } from '../../shared/localized';
import { SecretLinkTokenSchema } from './accounts.contract';

export const SignUpRequestSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    email: z.string().trim().email('must be an e-mail address').max(320),
    language: z.enum(LOCALES).optional().openapi({
      description:
        'The language of the mail; when absent, the one the caller reads Klynge in (the lang cookie, then Accept-Language)',
    }),
  })
  .openapi('SignUpRequest');
export type SignUpRequest = z.infer<typeof SignUpRequestSchema>;

export const SignUpTokenParamSchema = z.object({
  token: SecretLinkTokenSchema.openapi({ param: { name: 'token', in: 'path' } }),
});

export const SIGN_UP_STATES = ['open', 'used', 'expired'] as const;

/** What the holder of a sign-up link sees before choosing a password. */
export const SignUpPreviewSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    language: z.enum(LOCALES),
    state: z.enum(SIGN_UP_STATES),
    expiresAt: z.string(),
    existingAccount: z
      .boolean()
      .openapi({ description: 'The address has an account by now (made another way): sign in instead' }),
  })
  .openapi('SignUpPreview');
export type SignUpPreview = z.infer<typeof SignUpPreviewSchema>;

export const SignUpCompleteSchema = z
  .object({
    token: SecretLinkTokenSchema,
    password: z.string().min(1, 'is required').max(1_000),
  })
  .openapi('SignUpComplete');
export type SignUpComplete = z.infer<typeof SignUpCompleteSchema>;
