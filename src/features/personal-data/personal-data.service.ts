import { osloDate } from '../../server/clock';
import type { Db } from '../../server/db/client';
import { AppError, notFound } from '../../server/http/app-error';
import type { Page } from '../../server/http/pagination';
import type { ServiceContext } from '../../server/service-context';
import { clearAccount, throttleKeys } from '../accounts/throttle';
import { ERASED_PERSON_LABEL, eraseFromAuditTrail, listAuditEventsByAccount } from '../audit/audit.service';
import { recordAudit } from '../audit/record-audit';
import type {
  ErasePersonBody,
  Erasure,
  ListPersonsQuery,
  PersonSummary,
  PersonView,
} from './personal-data.contract';
import { requireErasePerson, requirePersonsManager } from './personal-data.policy';
import {
  anonymisePerson,
  closeAccount,
  countLiveSessions,
  countOidcIdentities,
  countUsableApiTokens,
  deleteAccountAccess,
  deleteMailTo,
  eraseInvitationsTo,
  findPersonWithAccount,
  listApiTokensOf,
  listGrantsWithTimes,
  listInvitationsBy,
  listInvitationsTo,
  listMailTo,
  listOidcIdentitiesOf,
  listPersonsPage,
  listSessionsOf,
} from './personal-data.queries';

type Found = NonNullable<Awaited<ReturnType<typeof findPersonWithAccount>>>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export async function listPersons(
  { db, actor }: Pick<ServiceContext, 'db' | 'actor'>,
  query: ListPersonsQuery,
): Promise<Page<PersonSummary>> {
  requirePersonsManager(actor);
  const { rows, total } = await listPersonsPage(db, query.q, query);
  return {
    items: rows.map((row) => ({ ...row, erasedAt: iso(row.erasedAt) })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function findOrFail(db: Db, personId: string, lock = false): Promise<Found> {
  const found = await findPersonWithAccount(db, personId, lock);
  if (!found) throw notFound('The person');
  return found;
}

async function toView(db: Db, { person, account }: Found, now: Date): Promise<PersonView> {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    phone: person.phone,
    erasedAt: iso(person.erasedAt),
    createdAt: person.createdAt.toISOString(),
    account: account && {
      id: account.id,
      email: account.email,
      status: account.status,
      lastLoginAt: iso(account.lastLoginAt),
      createdAt: account.createdAt.toISOString(),
      grants: (await listGrantsWithTimes(db, account.id)).map(({ createdAt: _, ...grant }) => grant),
      sessions: await countLiveSessions(db, account.id, now),
      apiTokens: await countUsableApiTokens(db, account.id),
      singleSignOnIdentities: await countOidcIdentities(db, account.id),
    },
  };
}

export async function getPerson(
  { db, clock, actor }: Pick<ServiceContext, 'db' | 'clock' | 'actor'>,
  personId: string,
) {
  requirePersonsManager(actor);
  return toView(db, await findOrFail(db, personId), clock.now());
}

/** Every address the person is known by: on the person and on the account. */
function addressesOf({ person, account }: Found): string[] {
  return [...new Set([person.email, account?.email].flatMap((email) => (email ? [email] : [])))];
}

/**
 * Everything Klynge holds about a person, as one JSON document, for a data-protection request.
 * The small parts are read in one transaction that also records the export; the person's audit
 * events follow batch by batch as the download is read. Secrets (password and token hashes,
 * mail bodies with sign-in links) are never part of it.
 */
export async function exportPerson(
  ctx: ServiceContext,
  personId: string,
): Promise<{ filename: string; chunks: AsyncIterable<string> }> {
  const { db, actor, clock } = ctx;
  requirePersonsManager(actor);
  const now = clock.now();
  const head = await db.transaction(async (tx) => {
    const found = await findOrFail(tx, personId);
    const { person, account } = found;
    const emails = addressesOf(found);
    const accountId = account?.id ?? null;
    const part = {
      exportedAt: now.toISOString(),
      person: {
        id: person.id,
        name: person.name,
        email: person.email,
        phone: person.phone,
        erasedAt: iso(person.erasedAt),
        createdAt: person.createdAt.toISOString(),
      },
      account: account && {
        id: account.id,
        email: account.email,
        status: account.status,
        hasPassword: account.passwordHash !== null,
        lastLoginAt: iso(account.lastLoginAt),
        createdAt: account.createdAt.toISOString(),
      },
      roleGrants: accountId ? await listGrantsWithTimes(tx, accountId) : [],
      sessions: accountId ? await listSessionsOf(tx, accountId) : [],
      apiTokens: accountId ? await listApiTokensOf(tx, accountId) : [],
      invitationsReceived: await listInvitationsTo(tx, accountId, emails),
      invitationsSent: accountId
        ? (await listInvitationsBy(tx, accountId)).map(({ email: _e, name: _n, ...rest }) => rest)
        : [],
      singleSignOnIdentities: accountId ? await listOidcIdentitiesOf(tx, accountId) : [],
      mailMessages: await listMailTo(tx, emails),
    };
    await recordAudit(tx, ctx, { action: 'person.exported', entityType: 'person', entityId: person.id });
    return { json: JSON.stringify(part), accountId };
  });
  async function* chunks() {
    // The document is the head object with one more member: the audit events, streamed.
    yield `${head.json.slice(0, -1)},"auditEvents":[`;
    let first = true;
    if (head.accountId) {
      for await (const batch of listAuditEventsByAccount(ctx, head.accountId)) {
        const text = batch.map((event) => JSON.stringify(event)).join(',');
        yield first ? text : `,${text}`;
        first = false;
      }
    }
    yield ']}';
  }
  return { filename: `klynge-person-${personId}-${osloDate(now)}.json`, chunks: chunks() };
}

/** Whether the typed confirmation names this person: one of their addresses or their full name, in any case. */
function confirms(found: Found, confirmation: string): boolean {
  const typed = confirmation.trim().toLowerCase();
  return [...addressesOf(found), found.person.name].some((value) => value.trim().toLowerCase() === typed);
}

/**
 * Erases a person on request, in one transaction. Removed: their name, addresses and phone; the
 * account's password and every way to use it (sessions, API tokens, single sign-on, reset links,
 * roles); invitations to them never accepted; mail to them. Kept: the person and account rows
 * (so counts and references still add up) and the audit trail, whose events by them carry a
 * neutral name and whose values no longer hold their name or address. The erasure is itself
 * audited, with counts but nothing of what was erased.
 */
export async function erasePerson(
  ctx: ServiceContext,
  personId: string,
  body: ErasePersonBody,
): Promise<Erasure> {
  const { db, actor, clock } = ctx;
  requireErasePerson(actor, { id: personId });
  const now = clock.now();
  return db.transaction(async (tx) => {
    const found = await findOrFail(tx, personId, true);
    if (found.person.erasedAt) throw new AppError('invalid_state', 'This person has already been erased.');
    if (!confirms(found, body.confirmation)) {
      const message = "must be the person's e-mail address or full name";
      throw new AppError('validation_failed', `The confirmation does not match: it ${message}.`, {
        fieldErrors: [{ path: ['body', 'confirmation'], message }],
      });
    }
    const { person, account } = found;
    const emails = addressesOf(found);
    const placeholder = `erased-${account?.id ?? person.id}@erased.invalid`;
    const access = account
      ? await deleteAccountAccess(tx, account.id)
      : { sessions: 0, apiTokens: 0, singleSignOnIdentities: 0, passwordResets: 0, roleGrants: 0 };
    const removed = {
      ...access,
      invitations: await eraseInvitationsTo(tx, account?.id ?? null, emails, {
        name: ERASED_PERSON_LABEL,
        email: placeholder,
      }),
      mailMessages: await deleteMailTo(tx, emails),
    };
    for (const email of emails) await clearAccount(tx, throttleKeys(email, undefined));
    if (account) await closeAccount(tx, account.id, placeholder, now);
    await anonymisePerson(tx, person.id, ERASED_PERSON_LABEL, now);
    const auditEvents = await eraseFromAuditTrail(
      { db: tx },
      {
        accountId: account?.id ?? null,
        values: [person.name, ...emails, ...(person.phone ? [person.phone] : [])],
      },
    );
    await recordAudit(tx, ctx, {
      action: 'person.erased',
      entityType: 'person',
      entityId: person.id,
      after: { removed, auditEvents },
    });
    return { person: await toView(tx, await findOrFail(tx, personId), now), removed, auditEvents };
  });
}
