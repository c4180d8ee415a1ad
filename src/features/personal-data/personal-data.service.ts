import { osloDate } from '../../server/clock';
import type { Db } from '../../server/db/client';
import { AppError, notFound } from '../../server/http/app-error';
import type { Page } from '../../server/http/pagination';
import { identifyingValues, type Person, type PersonalData } from '../../server/personal-data';
import type { ServiceContext } from '../../server/service-context';
import { ERASED_PERSON_LABEL } from '../audit/audit.service';
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
  countLiveSessions,
  countOidcIdentities,
  countUsableApiTokens,
  findPersonWithAccount,
  listGrantsOf,
  listPersonsPage,
} from './persons.read-model';

// The feature merges what every feature declares about a person (`<f>.personal-data.ts`, handed
// over by the composition root as `declarations`) and orchestrates it: who may, the checks, one
// transaction, and the audit event that records the export or erasure.

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
      grants: await listGrantsOf(db, account.id),
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

/** The person as every declaration is given them: with every address they are known by. */
function personOf({ person, account }: Found): Person {
  const addresses = [person.email, account?.email].flatMap((email) => (email ? [email] : []));
  return {
    personId: person.id,
    accountId: account?.id ?? null,
    addresses: [...new Set(addresses)],
    name: person.name,
    phone: person.phone,
  };
}

/**
 * Everything Klynge holds about a person, as one JSON document, for a data-protection request.
 * Who they are and each declaration's members are read in one transaction that also records the
 * export; the streamed members (the audit events) follow batch by batch as the download is read.
 * Secrets (password and token hashes, mail bodies with sign-in links) are never part of it.
 */
export async function exportPerson(
  ctx: ServiceContext,
  declarations: readonly PersonalData[],
  personId: string,
): Promise<{ filename: string; chunks: AsyncIterable<string> }> {
  const { db, actor, clock } = ctx;
  requirePersonsManager(actor);
  const now = clock.now();
  const head = await db.transaction(async (tx) => {
    const found = await findOrFail(tx, personId);
    const { person, account } = found;
    const subject = personOf(found);
    const document: Record<string, unknown> = {
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
    };
    for (const declaration of declarations) {
      if (declaration.export) Object.assign(document, await declaration.export.read(tx, subject));
    }
    await recordAudit(tx, ctx, { action: 'person.exported', entityType: 'person', entityId: person.id });
    return { json: JSON.stringify(document), subject };
  });
  const streamed = declarations.flatMap(({ streamed }) => (streamed ? [streamed] : []));
  async function* chunks() {
    // The document is the head object with the streamed members added, each an array written a
    // batch at a time.
    yield head.json.slice(0, -1);
    for (const { member, list } of streamed) {
      yield `,${JSON.stringify(member)}:[`;
      let first = true;
      for await (const batch of list(ctx, head.subject)) {
        if (batch.length === 0) continue;
        const text = batch.map((item) => JSON.stringify(item)).join(',');
        yield first ? text : `,${text}`;
        first = false;
      }
      yield ']';
    }
    yield '}';
  }
  return { filename: `klynge-person-${personId}-${osloDate(now)}.json`, chunks: chunks() };
}

/** Whether the typed confirmation names this person: one of their addresses or their full name, in any case. */
function confirms({ addresses, name }: Person, confirmation: string): boolean {
  const typed = confirmation.trim().toLowerCase();
  return [...addresses, name].some((value) => value.trim().toLowerCase() === typed);
}

/**
 * Erases a person on request, in one transaction: each declaration erases its part and counts
 * what went; then the redactions (the audit trail) replace every value that identified the
 * person in the data that stays. What each feature removes and keeps is in its declaration and
 * in decision 013. The erasure is itself audited, with counts but nothing of what was erased.
 */
export async function erasePerson(
  ctx: ServiceContext,
  declarations: readonly PersonalData[],
  personId: string,
  body: ErasePersonBody,
): Promise<Erasure> {
  const { db, actor, clock } = ctx;
  requireErasePerson(actor, { id: personId });
  return db.transaction(async (tx) => {
    const found = await findOrFail(tx, personId, true);
    if (found.person.erasedAt) throw new AppError('invalid_state', 'This person has already been erased.');
    const person = personOf(found);
    if (!confirms(person, body.confirmation)) {
      const message = "must be the person's e-mail address or full name";
      throw new AppError('validation_failed', `The confirmation does not match: it ${message}.`, {
        fieldErrors: [{ path: ['body', 'confirmation'], message }],
      });
    }
    const inTransaction = { ...ctx, db: tx };
    const labels = {
      name: ERASED_PERSON_LABEL,
      email: `erased-${person.accountId ?? person.personId}@erased.invalid`,
    };
    const removed: Record<string, number> = {};
    for (const declaration of declarations) {
      if (declaration.erase)
        Object.assign(removed, await declaration.erase.run(tx, inTransaction, person, labels));
    }
    // Only once every other part is gone: a value left anywhere else would still name them.
    const values = identifyingValues(person);
    const redactions: Record<string, unknown> = {};
    for (const declaration of declarations) {
      if (declaration.redaction) {
        Object.assign(redactions, await declaration.redaction.redact(tx, inTransaction, person, values));
      }
    }
    await recordAudit(tx, ctx, {
      action: 'person.erased',
      entityType: 'person',
      entityId: person.personId,
      after: { removed, ...redactions },
    });
    const now = clock.now();
    return { person: await toView(tx, await findOrFail(tx, personId), now), removed, ...redactions };
  });
}
