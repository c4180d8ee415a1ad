import { getCookie } from 'hono/cookie';
import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import { siteOrigin } from '../../server/http/site';
import { negotiateLocale } from '../../shared/localized';
import { AcknowledgedSchema, ActorSchema } from './accounts.contract';
import { signInAs } from './accounts.routes';
import {
  SignUpCompleteSchema,
  SignUpPreviewSchema,
  SignUpRequestSchema,
  SignUpTokenParamSchema,
} from './sign-up.contract';
import { completeSignUp, previewSignUp, requestSignUp } from './sign-up.service';

export const requestSignUpRoute = defineRoute({
  operationId: 'requestSignUp',
  method: 'post',
  path: '/api/auth/sign-up',
  gate: 'public',
  tags: ['Accounts'],
  summary: 'Sign up: a link to choose a password is mailed to the address',
  description:
    'The answer is the same whether or not the address has an account (one that has gets a mail saying so instead), so it reveals nothing about who has one. At most three mails an hour go to one address. The link works once, for 24 hours.',
  request: { body: { content: { 'application/json': { schema: SignUpRequestSchema } }, required: true } },
  responses: {
    202: {
      description: 'A mail is on its way',
      content: { 'application/json': { schema: AcknowledgedSchema } },
    },
    ...problemResponses(422, 500),
  },
});

export const previewSignUpRoute = defineRoute({
  operationId: 'previewSignUp',
  method: 'get',
  path: '/api/auth/sign-up-links/{token}',
  gate: 'public',
  tags: ['Accounts'],
  summary: 'What a sign-up link is for, before a password is chosen',
  request: { params: SignUpTokenParamSchema },
  responses: {
    200: { description: 'The sign-up', content: { 'application/json': { schema: SignUpPreviewSchema } } },
    ...problemResponses(404, 422, 500),
  },
});

export const completeSignUpRoute = defineRoute({
  operationId: 'completeSignUp',
  method: 'post',
  path: '/api/auth/sign-up/complete',
  gate: 'public',
  tags: ['Accounts'],
  summary: "Choose a password with a sign-up link's code: makes the account, with no roles, and signs in",
  request: { body: { content: { 'application/json': { schema: SignUpCompleteSchema } }, required: true } },
  responses: {
    200: {
      description: 'The account is made and signed in',
      content: { 'application/json': { schema: ActorSchema } },
    },
    ...problemResponses(404, 409, 422, 500),
  },
});

export const signUpRoutes = createRouter()
  .openapi(requestSignUpRoute, async (c) => {
    const { language, ...input } = c.req.valid('json');
    const reads = negotiateLocale({
      cookie: getCookie(c, 'lang'),
      acceptLanguage: c.req.header('accept-language'),
    });
    await requestSignUp(c.var, { ...input, language: language ?? reads }, siteOrigin(c));
    return c.json({ message: 'A mail is on its way to the address. Follow the link in it.' }, 202);
  })
  .openapi(previewSignUpRoute, async (c) =>
    c.json(await previewSignUp(c.var, c.req.valid('param').token), 200),
  )
  .openapi(completeSignUpRoute, async (c) => {
    const { accountId } = await completeSignUp(c.var, c.req.valid('json'));
    return c.json(await signInAs(c, accountId), 200);
  });
