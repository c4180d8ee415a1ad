import { z } from '@hono/zod-openapi';
import { definePersonalData } from '../../server/personal-data';
import { PERMISSIONS } from '../../shared/access';
import { LOCALES } from '../../shared/localized';
import { RoleGrantSchema } from './accounts.contract';
import {
  anonymisePerson,
  closeAccount,
  deleteGrantsOfAccount,
  listGrantsWithTimes,
} from './accounts.queries';
import {
  accounts,
  affiliations,
  apiTokens,
  invitations,
  loginDevices,
  loginThrottles,
  oidcFlows,
  oidcIdentities,
  passwordResets,
  persons,
  roleGrants,
  sessions,
  signUps,
} from './accounts.table';
import { deleteAffiliationsOfPerson, listAffiliationsOfPerson } from './affiliations.queries';
import { deleteTokensOfAccount, listTokenDetailsOfAccount } from './api-tokens.queries';
import { eraseInvitationsTo, listInvitationsBy, listInvitationsTo } from './invitations.queries';
import { deleteResetsOfAccount } from './password-reset.queries';
import { deleteSessionsOfAccount, listSessionTimesOfAccount } from './sessions.queries';
import { deleteSignUpsOf, listSignUpsOf } from './sign-up.queries';
import { deleteIdentitiesOfAccount, listIdentitiesOfAccount } from './single-sign-on.queries';
import { clearAccount } from './throttle';
import { deleteLoginDevicesOfAccount, listLoginDevicesOfAccount } from './throttle.queries';

const InvitationExportSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  grants: z.array(RoleGrantSchema),
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/**
 * The person and account rows themselves are exported by the personal-data feature, which reads
 * them to know whom it is exporting; what hangs off the account is exported here. Secrets never
 * are: password, session, token, reset, invitation and sign-up link hashes stay behind.
 */
export const accountsPersonalData = definePersonalData({
  tables: [
    persons,
    accounts,
    roleGrants,
    sessions,
    apiTokens,
    oidcIdentities,
    passwordResets,
    invitations,
    loginThrottles,
    loginDevices,
    signUps,
    affiliations,
  ],
  kept: [
    {
      column: oidcFlows.linkAccountId,
      reason:
        'a sign-on in progress holds only the account id, lasts ten minutes and finishes only for the ' +
        'account signed in, whose sessions erasure ends',
    },
  ],
  export: {
    shape: {
      roleGrants: z.array(RoleGrantSchema.extend({ createdAt: z.string() })),
      sessions: z.array(
        z.object({
          createdAt: z.string(),
          lastSeenAt: z.string(),
          expiresAt: z.string(),
          userAgent: z.string().nullable(),
        }),
      ),
      apiTokens: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          prefix: z.string(),
          permissions: z.array(z.enum(PERMISSIONS)),
          createdAt: z.string(),
          expiresAt: z.string().nullable(),
          lastUsedAt: z.string().nullable(),
          revokedAt: z.string().nullable(),
        }),
      ),
      knownBrowsers: z.array(
        z
          .object({ createdAt: z.string(), lastUsedAt: z.string() })
          .openapi({ description: 'Browsers that signed in with the password, without their cookies' }),
      ),
      invitationsReceived: z.array(InvitationExportSchema),
      invitationsSent: z.array(
        InvitationExportSchema.omit({ email: true, name: true }).openapi({
          description: 'Whom they invited is the invitee’s personal data, not theirs, and is left out',
        }),
      ),
      singleSignOnIdentities: z.array(
        z.object({
          issuer: z.string(),
          subject: z.string(),
          createdAt: z.string(),
          lastLoginAt: z.string().nullable(),
        }),
      ),
      signUps: z.array(
        z
          .object({
            email: z.string(),
            name: z.string(),
            language: z.enum(LOCALES),
            createdAt: z.string(),
            expiresAt: z.string(),
            usedAt: z.string().nullable(),
          })
          .openapi({ description: 'Sign-ups by e-mail to their addresses, without the links' }),
      ),
      affiliations: z.array(
        z
          .object({ orgnr: z.string(), createdAt: z.string() })
          .openapi({ description: 'The organisations they said they belong to' }),
      ),
    },
    async read(tx, { personId, accountId, addresses }) {
      return {
        roleGrants: accountId ? await listGrantsWithTimes(tx, accountId) : [],
        sessions: accountId ? await listSessionTimesOfAccount(tx, accountId) : [],
        apiTokens: accountId ? await listTokenDetailsOfAccount(tx, accountId) : [],
        knownBrowsers: accountId
          ? (await listLoginDevicesOfAccount(tx, accountId)).map((row) => ({
              createdAt: row.createdAt.toISOString(),
              lastUsedAt: row.lastUsedAt.toISOString(),
            }))
          : [],
        invitationsReceived: await listInvitationsTo(tx, accountId, addresses),
        invitationsSent: accountId
          ? (await listInvitationsBy(tx, accountId)).map(({ email: _e, name: _n, ...rest }) => rest)
          : [],
        singleSignOnIdentities: accountId ? await listIdentitiesOfAccount(tx, accountId) : [],
        signUps: await listSignUpsOf(tx, accountId, addresses),
        affiliations: await listAffiliationsOfPerson(tx, personId),
      };
    },
  },
  erase: {
    removed: {
      sessions: z.number().int(),
      apiTokens: z.number().int(),
      knownBrowsers: z.number().int(),
      singleSignOnIdentities: z.number().int(),
      passwordResets: z.number().int(),
      invitations: z.number().int().openapi({ description: 'Invitations to the person never accepted' }),
      roleGrants: z.number().int(),
      signUps: z.number().int(),
      affiliations: z.number().int(),
    },
    // The rows of person and account stay, so references and counts still add up; everything
    // that lets the account act, and every copy of the person's name or address, goes.
    async run(tx, { clock }, person, labels) {
      const now = clock.now();
      const { accountId } = person;
      const removed = {
        sessions: accountId ? await deleteSessionsOfAccount(tx, accountId) : 0,
        apiTokens: accountId ? await deleteTokensOfAccount(tx, accountId) : 0,
        knownBrowsers: accountId ? await deleteLoginDevicesOfAccount(tx, accountId) : 0,
        singleSignOnIdentities: accountId ? await deleteIdentitiesOfAccount(tx, accountId) : 0,
        passwordResets: accountId ? await deleteResetsOfAccount(tx, accountId) : 0,
        roleGrants: accountId ? await deleteGrantsOfAccount(tx, accountId) : 0,
        invitations: await eraseInvitationsTo(tx, accountId, person.addresses, labels),
        signUps: await deleteSignUpsOf(tx, accountId, person.addresses),
        affiliations: await deleteAffiliationsOfPerson(tx, person.personId),
      };
      // Throttle rows are keyed by the address typed at sign-in, the only place it remains.
      for (const address of person.addresses) await clearAccount(tx, address);
      if (accountId) await closeAccount(tx, accountId, labels.email, now);
      await anonymisePerson(tx, person.personId, labels.name, now);
      return removed;
    },
  },
});
