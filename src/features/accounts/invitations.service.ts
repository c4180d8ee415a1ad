import { and, count, desc, eq, gt, isNull, or, type SQL, sql } from 'drizzle-orm';
import { osloDate } from '../../server/clock';
import type { Database, Db } from '../../server/db/client';
import { AppError, notFound } from '../../server/http/app-error';
import type { Page } from '../../server/http/pagination';
import {
  type Actor,
  clustersWithPermission,
  hasProgrammePermission,
  type RoleGrant,
} from '../../shared/access';
import { recordAudit } from '../audit/audit.service';
import { queueMail } from '../mail/mail.service';
import { invitationMail } from './account-mail';
import { findAccountByEmail } from './accounts.queries';
import { createAccount } from './accounts.service';
import { accounts, invitations, persons, roleGrants } from './accounts.table';
import { assertMayGrant, describeGrants, resolveGrants } from './grants';
import type {
  AcceptInvitationBody,
  CreateInvitationBody,
  InvitationPreview,
  InvitationView,
  ListInvitationsQuery,
} from './invitations.contract';
import { hashSecret, newSecret } from './secret-tokens';

export const INVITATION_DAYS = 7;
const DAY_MS = 86_400_000;

export type AccountWriteContext = { db: Database; actor: Actor; now: Date; requestId?: string };

type InvitationRow = typeof invitations.$inferSelect;

function stateOf(row: InvitationRow, now: Date): InvitationView['state'] {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt <= now ? 'expired' : 'open';
}

async function toView(
  db: Db,
  row: InvitationRow & { invitedBy: string | null },
  now: Date,
): Promise<InvitationView> {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    grants: await describeGrants(db, row.grants),
    state: stateOf(row, now),
    invitedBy: row.invitedBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
  };
}

/** The invitation as it was audited: never the token's hash. */
function auditView(row: InvitationRow) {
  return { email: row.email, name: row.name, grants: row.grants, expiresAt: row.expiresAt.toISOString() };
}

/**
 * Invites a person by e-mail. The invitation, its message in the outbox and the audit event are
 * one transaction; the link holds a secret that is stored only as a hash.
 */
export async function createInvitation(
  context: AccountWriteContext,
  body: CreateInvitationBody,
  siteOrigin: string,
): Promise<InvitationView> {
  const { db, actor, now } = context;
  if (actor.kind !== 'account') throw new AppError('unauthenticated', 'Sign in to do this.');
  const grants = await resolveGrants(db, body.grants, 'grants');
  await assertMayGrant(db, actor, grants, osloDate(now));
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS);
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(invitations)
      .values({
        tokenHash: hashSecret(token),
        email: body.email,
        name: body.name,
        grants,
        invitedByAccountId: actor.accountId,
        createdAt: now,
        expiresAt,
      })
      .returning();
    await queueMail(
      tx,
      invitationMail({
        to: body.email,
        name: body.name,
        inviterName: actor.name,
        grants: (await describeGrants(tx, grants)).map((g) => ({
          role: g.role,
          scopeName: g.cluster?.name ?? g.organisation?.name ?? null,
        })),
        link: `${siteOrigin}/invitations/${token}`,
        expiresAt,
      }),
      now,
    );
    await recordAudit(tx, context, {
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: inserted!.id,
      clusterId: grants.find((g) => g.clusterId)?.clusterId ?? null,
      after: auditView(inserted!),
    });
    return inserted!;
  });
  return toView(db, { ...row, invitedBy: actor.name }, now);
}

/** Invitations the actor may see: all for an operator; for a cluster manager, theirs and their clusters'. */
function scopeOf(actor: Actor): SQL | undefined {
  if (hasProgrammePermission(actor, 'accounts.invite')) return undefined;
  const own = clustersWithPermission(actor, 'accounts.invite');
  const accountId = actor.kind === 'account' ? actor.accountId : null;
  const clusterIds = own === 'all' ? [] : own;
  return or(
    accountId ? eq(invitations.invitedByAccountId, accountId) : sql`false`,
    clusterIds.length
      ? sql`exists (select 1 from jsonb_array_elements(${invitations.grants}) g
          where g->>'clusterId' = any(${sql.param(clusterIds)}::text[]))`
      : sql`false`,
  );
}

function stateCondition(state: ListInvitationsQuery['state'], now: Date): SQL | undefined {
  switch (state) {
    case 'accepted':
      return sql`${invitations.acceptedAt} is not null`;
    case 'revoked':
      return and(isNull(invitations.acceptedAt), sql`${invitations.revokedAt} is not null`);
    case 'expired':
      return and(
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        sql`${invitations.expiresAt} <= ${now}`,
      );
    case 'open':
      return and(
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      );
    default:
      return undefined;
  }
}

export async function listInvitations(
  { db, actor, now }: { db: Db; actor: Actor; now: Date },
  query: ListInvitationsQuery,
): Promise<Page<InvitationView>> {
  const where = and(scopeOf(actor), stateCondition(query.state, now));
  const [rows, [total]] = await Promise.all([
    db
      .select({ invitation: invitations, invitedBy: persons.name })
      .from(invitations)
      .leftJoin(accounts, eq(accounts.id, invitations.invitedByAccountId))
      .leftJoin(persons, eq(persons.id, accounts.personId))
      .where(where)
      .orderBy(desc(invitations.createdAt), desc(invitations.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(invitations).where(where),
  ]);
  return {
    items: await Promise.all(rows.map((r) => toView(db, { ...r.invitation, invitedBy: r.invitedBy }, now))),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Withdraws an open invitation; its link stops working. One the actor may not see is not found. */
export async function revokeInvitation(context: AccountWriteContext, id: string): Promise<InvitationView> {
  const { db, actor, now } = context;
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ invitation: invitations })
      .from(invitations)
      .where(and(eq(invitations.id, id), scopeOf(actor)))
      .for('update');
    if (!found) throw notFound('The invitation');
    const state = stateOf(found.invitation, now);
    if (state !== 'open')
      throw new AppError('invalid_state', `The invitation is ${state} and cannot be withdrawn.`);
    // Seeing an invitation to one's cluster is not the right to withdraw it: a manager withdraws
    // their own invitations and those to roles they could have given themselves.
    const own = actor.kind === 'account' && found.invitation.invitedByAccountId === actor.accountId;
    if (!own) await assertMayGrant(tx, actor, found.invitation.grants, osloDate(now));
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(eq(invitations.id, id))
      .returning();
    await recordAudit(tx, context, {
      action: 'invitation.revoked',
      entityType: 'invitation',
      entityId: id,
      clusterId: found.invitation.grants.find((g) => g.clusterId)?.clusterId ?? null,
      before: { state },
      after: { state: 'revoked' },
    });
    return toView(tx, { ...revoked!, invitedBy: null }, now);
  });
}

async function findByToken(db: Db, token: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashSecret(token)));
  return row;
}

/** What the link shows before it is used. An unknown code is not found. */
export async function previewInvitation(db: Db, token: string, now: Date): Promise<InvitationPreview> {
  const row = await findByToken(db, token);
  if (!row) throw notFound('The invitation');
  return {
    email: row.email,
    name: row.name,
    grants: await describeGrants(db, row.grants),
    state: stateOf(row, now),
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
  context: AccountWriteContext,
  body: AcceptInvitationBody,
): Promise<{ accountId: string }> {
  const { db, actor, now } = context;
  const row = await findByToken(db, body.token);
  if (!row) throw notFound('The invitation');
  const state = stateOf(row, now);
  if (state !== 'open') throw new AppError('invalid_state', STATE_MESSAGES[state]);
  const existing = await findAccountByEmail(db, row.email);
  if (existing && (actor.kind !== 'account' || actor.accountId !== existing.account.id)) {
    throw new AppError(
      'invalid_state',
      `An account for ${row.email} already exists. Sign in to it, then open the invitation link again.`,
    );
  }
  if (!existing) requireNewAccountFields(body);
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.id, row.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning();
    if (!claimed) throw new AppError('invalid_state', STATE_MESSAGES.accepted);
    const account = existing
      ? existing.account
      : await createAccount(
          tx,
          { name: body.name!, email: row.email, password: body.password!, grants: [] },
          context,
        );
    const accountId = account.id;
    const added = await addMissingGrants(tx, accountId, row.grants);
    await tx.update(invitations).set({ accountId }).where(eq(invitations.id, row.id));
    // The person who used the link did this, whether or not they were signed in before.
    const self: Actor = {
      kind: 'account',
      accountId,
      personId: account.personId,
      name: existing?.name ?? body.name!,
      email: row.email,
      grants: [],
    };
    await recordAudit(
      tx,
      { ...context, actor: self },
      {
        action: 'invitation.accepted',
        entityType: 'invitation',
        entityId: row.id,
        clusterId: row.grants.find((g) => g.clusterId)?.clusterId ?? null,
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

async function addMissingGrants(tx: Db, accountId: string, grants: RoleGrant[]): Promise<RoleGrant[]> {
  const held = await tx
    .select({
      role: roleGrants.role,
      clusterId: roleGrants.clusterId,
      organisationId: roleGrants.organisationId,
    })
    .from(roleGrants)
    .where(eq(roleGrants.accountId, accountId));
  const key = (g: RoleGrant) => `${g.role}|${g.clusterId ?? ''}|${g.organisationId ?? ''}`;
  const heldKeys = new Set(held.map(key));
  const missing = grants.filter((g) => !heldKeys.has(key(g)));
  if (missing.length > 0) await tx.insert(roleGrants).values(missing.map((g) => ({ ...g, accountId })));
  return missing;
}
