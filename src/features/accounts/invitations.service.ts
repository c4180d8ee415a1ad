import { osloDate } from '../../server/clock';
import type { Db } from '../../server/db/client';
import { AppError, notFound } from '../../server/http/app-error';
import type { Page } from '../../server/http/pagination';
import type { ServiceContext } from '../../server/service-context';
import type { RoleGrant } from '../../shared/access';
import type { Locale } from '../../shared/localized';
import { recordAudit } from '../audit/record-audit';
import type { MailState } from '../mail/mail.contract';
import { findMailStates, type MailOptions, queueMail } from '../mail/mail.service';
import type { PartnershipEnding } from '../memberships/memberships.service';
import { partnershipStanding } from '../memberships/memberships.service';
import { invitationMail } from './account-mail';
import {
  invitationScope,
  requireMayAcceptInvitation,
  requireMayInvite,
  requireMayListInvitations,
  requireMayRevokeInvitation,
} from './accounts.policy';
import { findAccountByEmail, insertGrants, updateGrantsOfPartnershipEnding } from './accounts.queries';
import { createAccountInTransaction, grantsNotHeld, linkHolder } from './accounts.service';
import {
  auditedGrants,
  bindToPartnerships,
  describeGrants,
  grantsToGive,
  requireMayGrantRoles,
  resolveGrants,
} from './grants.service';
import type {
  AcceptInvitationBody,
  CreateInvitationBody,
  GrantView,
  InvitationPreview,
  InvitationView,
  ListInvitationsQuery,
} from './invitations.contract';
import {
  claimInvitation,
  findInvitationByTokenHash,
  findInvitationForUpdate,
  type InvitationRow,
  type InvitationState,
  insertInvitation,
  listInvitationPage,
  updateInvitationAccount,
  updateInvitationMail,
  updateInvitationRevoked,
} from './invitations.queries';
import { hashSecret, newSecret } from './secret-tokens';

export const INVITATION_DAYS = 7;
const DAY_MS = 86_400_000;

function stateOf(row: InvitationRow, now: Date): InvitationState {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt <= now ? 'expired' : 'open';
}

type ListedInvitation = InvitationRow & { invitedBy: string | null };

async function toView(
  db: Db,
  row: ListedInvitation,
  now: Date,
  mail: ReadonlyMap<string, MailState>,
): Promise<InvitationView> {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    grants: await describeGrants(db, row.grants),
    state: stateOf(row, now),
    language: row.language,
    mail: (row.mailMessageId && mail.get(row.mailMessageId)) || null,
    invitedBy: row.invitedBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
  };
}

/** The invitations as the list shows them, each with where its mail stands. */
async function toViews(db: Db, rows: ListedInvitation[], now: Date): Promise<InvitationView[]> {
  const mail = await findMailStates(
    { db },
    rows.flatMap((row) => (row.mailMessageId ? [row.mailMessageId] : [])),
  );
  return Promise.all(rows.map((row) => toView(db, row, now, mail)));
}

/**
 * The invitation as it was audited: never the token's hash, and each role with the name of the
 * cluster or organisation it is for, so the trail reads as names.
 */
function auditView(row: InvitationRow, grants: GrantView[]) {
  return {
    email: row.email,
    name: row.name,
    grants: auditedGrants(grants),
    language: row.language,
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** The cluster an invitation's audit events are filed under: that of its first cluster role, if any. */
function auditClusterOf(grants: RoleGrant[]): string | null {
  return grants.find((g) => g.clusterId)?.clusterId ?? null;
}

/**
 * Invites a person by e-mail. The invitation, its message in the outbox and the audit event are
 * one transaction; the link holds a secret that is stored only as a hash.
 */
export async function createInvitation(
  context: ServiceContext & MailOptions,
  body: CreateInvitationBody & { language: Locale },
  siteOrigin: string,
): Promise<InvitationView> {
  const { db } = context;
  const actor = requireMayInvite(context.actor);
  const now = context.clock.now();
  const resolved = await resolveGrants(db, body.grants, 'grants');
  await requireMayGrantRoles(db, actor, resolved, osloDate(now));
  const grants = await bindToPartnerships(db, actor, resolved, osloDate(now));
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS);
  const row = await db.transaction(async (tx) => {
    const inserted = await insertInvitation(tx, {
      tokenHash: hashSecret(token),
      email: body.email,
      name: body.name,
      grants,
      invitedByAccountId: actor.accountId,
      createdAt: now,
      expiresAt,
      language: body.language,
    });
    const described = await describeGrants(tx, grants);
    const mail = await queueMail(
      tx,
      context,
      invitationMail({
        to: body.email,
        name: body.name,
        inviterName: actor.name,
        grants: described.map((g) => ({
          role: g.role,
          scopeName: g.cluster?.name ?? g.organisation?.name ?? null,
        })),
        link: `${siteOrigin}/invitations/${token}`,
        expiresAt,
        language: body.language,
      }),
    );
    const withMail = await updateInvitationMail(tx, inserted.id, mail.id);
    await recordAudit(tx, context, {
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: inserted.id,
      clusterId: auditClusterOf(grants),
      after: auditView(inserted, described),
    });
    return { row: withMail, mail };
  });
  context.wakeMail();
  const mailState: MailState = { id: row.mail.id, status: row.mail.status, sentAt: null, lastError: null };
  return toView(db, { ...row.row, invitedBy: actor.name }, now, new Map([[row.mail.id, mailState]]));
}

/** Invitations the actor may see: all for an operator; for a cluster manager, theirs and their clusters'. */
export async function listInvitations(
  { db, actor, clock }: Pick<ServiceContext, 'db' | 'actor' | 'clock'>,
  query: ListInvitationsQuery,
): Promise<Page<InvitationView>> {
  requireMayListInvitations(actor);
  const now = clock.now();
  const { rows, total } = await listInvitationPage(
    db,
    invitationScope(actor),
    { state: query.state, now },
    query,
  );
  return {
    items: await toViews(
      db,
      rows.map((r) => ({ ...r.invitation, invitedBy: r.invitedBy })),
      now,
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Withdraws an open invitation; its link stops working. One the actor may not see is not found. */
export async function revokeInvitation(context: ServiceContext, id: string): Promise<InvitationView> {
  const { db, actor } = context;
  const now = context.clock.now();
  return db.transaction(async (tx) => {
    const found = await findInvitationForUpdate(tx, id, invitationScope(actor));
    if (!found) throw notFound('The invitation');
    const state = stateOf(found, now);
    if (state !== 'open')
      throw new AppError('invalid_state', `The invitation is ${state} and cannot be withdrawn.`);
    requireMayRevokeInvitation(actor, {
      invitedByAccountId: found.invitedByAccountId,
      grants: await grantsToGive(tx, actor, found.grants, osloDate(now)),
    });
    const revoked = await updateInvitationRevoked(tx, id, now);
    await recordAudit(tx, context, {
      action: 'invitation.revoked',
      entityType: 'invitation',
      entityId: id,
      entityName: found.name,
      clusterId: auditClusterOf(found.grants),
      before: { state },
      after: { state: 'revoked' },
    });
    const [view] = await toViews(tx, [{ ...revoked, invitedBy: null }], now);
    return view!;
  });
}

async function findByToken(db: Db, token: string): Promise<InvitationRow | undefined> {
  return findInvitationByTokenHash(db, hashSecret(token));
}

/** What the link shows before it is used. An unknown code is not found. */
export async function previewInvitation(
  { db, clock }: Pick<ServiceContext, 'db' | 'clock'>,
  token: string,
): Promise<InvitationPreview> {
  const row = await findByToken(db, token);
  if (!row) throw notFound('The invitation');
  return {
    email: row.email,
    name: row.name,
    grants: await describeGrants(db, row.grants),
    state: stateOf(row, clock.now()),
    expiresAt: row.expiresAt.toISOString(),
    existingAccount: (await findAccountByEmail(db, row.email)) !== undefined,
  };
}

const STATE_MESSAGES = {
  accepted: 'This invitation has already been used. Sign in instead.',
  expired: 'This invitation has expired. Ask the person who invited you for a new one.',
  revoked: 'This invitation was withdrawn.',
} as const;

/**
 * Uses an invitation. A new person gets an account with the invited roles; a person who already
 * has an account (signed in as it) gets the roles added. Marking the invitation used is the
 * first statement, so two uses of one link cannot both succeed.
 */
export async function acceptInvitation(
  context: ServiceContext,
  body: AcceptInvitationBody,
): Promise<{ accountId: string }> {
  const { db } = context;
  const now = context.clock.now();
  const row = await findByToken(db, body.token);
  if (!row) throw notFound('The invitation');
  const state = stateOf(row, now);
  if (state !== 'open') throw new AppError('invalid_state', STATE_MESSAGES[state]);
  const existing = await findAccountByEmail(db, row.email);
  requireMayAcceptInvitation(context.actor, {
    email: row.email,
    existingAccountId: existing?.account.id ?? null,
  });
  if (!existing) requireNewAccountFields(body);
  return db.transaction(async (tx) => {
    if (!(await claimInvitation(tx, row.id, now)))
      throw new AppError('invalid_state', STATE_MESSAGES.accepted);
    const account = existing
      ? existing.account
      : await createAccountInTransaction(tx, context, {
          name: body.name!,
          email: row.email,
          password: body.password!,
          grants: [],
        });
    const accountId = account.id;
    const added = await addMissingGrants(tx, accountId, row.grants, osloDate(now));
    await updateInvitationAccount(tx, row.id, accountId);
    const self = linkHolder({
      accountId,
      personId: account.personId,
      name: existing?.name ?? body.name!,
      email: row.email,
    });
    await recordAudit(
      tx,
      { ...context, actor: self },
      {
        action: 'invitation.accepted',
        entityType: 'invitation',
        entityId: row.id,
        entityName: row.name,
        clusterId: auditClusterOf(row.grants),
        after: { accountId, newAccount: !existing, grantsAdded: added },
      },
    );
    return { accountId };
  });
}

function requireNewAccountFields(body: AcceptInvitationBody): void {
  const missing = (['name', 'password'] as const).filter((key) => !body[key]);
  if (missing.length > 0) {
    throw new AppError('validation_failed', 'Give your name and a password to create the account.', {
      fieldErrors: missing.map((key) => ({ path: ['body', key], message: 'is required' })),
    });
  }
}

/**
 * Adds the roles the account does not hold yet; answers those it added. A role a partnership gave
 * comes only while the partnership lasts, and ends when it is set to end.
 */
async function addMissingGrants(
  tx: Db,
  accountId: string,
  grants: RoleGrant[],
  today: string,
): Promise<RoleGrant[]> {
  const lasting: (RoleGrant & { endsOn?: string | null })[] = [];
  for (const grant of grants) {
    if (!grant.membershipId) {
      lasting.push(grant);
      continue;
    }
    const standing = await partnershipStanding({ db: tx }, grant.membershipId, today);
    if (standing.active) lasting.push({ ...grant, endsOn: standing.leftOn });
  }
  const missing = await grantsNotHeld(tx, accountId, lasting, today);
  await insertGrants(tx, accountId, missing);
  return missing.map(({ endsOn: _endsOn, ...grant }) => grant);
}

/**
 * Ends the roles a partnership gave on the day the partnership ends, in the transaction that sets
 * that day, with an audit event for each (memberships calls it through `server/features.ts`).
 */
export const endRolesOfPartnership: PartnershipEnding = async (tx, context, partnership) => {
  const ended = await updateGrantsOfPartnershipEnding(tx, partnership.membershipId, partnership.leftOn);
  for (const grant of ended) {
    await recordAudit(tx, context, {
      action: 'role_grant.ended',
      entityType: 'account',
      entityId: grant.accountId,
      clusterId: partnership.clusterId,
      after: {
        role: grant.role,
        organisationId: grant.organisationId,
        endsOn: partnership.leftOn,
        reason: 'partnership_ended',
      },
    });
  }
};
