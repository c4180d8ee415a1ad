import type { Db } from '../../server/db/client';
import { AppError, conflictOnUniqueViolation, notFound } from '../../server/http/app-error';
import type { ServiceContext } from '../../server/service-context';
import { recordAudit } from '../audit/record-audit';
import { organisationNamesByOrgnr } from '../organisations/organisations.service';
import { requireReadAffiliationsOf, requireSignedIn } from './accounts.policy';
import { personExists } from './accounts.queries';
import type { Affiliation } from './affiliations.contract';
import {
  countAffiliationsOfPerson,
  deleteAffiliation,
  insertAffiliation,
  listAffiliationsOfPerson,
} from './affiliations.queries';

/** More organisations than anyone belongs to; the list stops here rather than grow without bound. */
export const MAX_AFFILIATIONS = 50;

type AffiliationRow = { orgnr: string; createdAt: Date };

/** The rows with each organisation's name from the register copy, where it is there. */
async function describe(db: Db, rows: AffiliationRow[]): Promise<Affiliation[]> {
  const names = await organisationNamesByOrgnr(
    { db },
    rows.map((row) => row.orgnr),
  );
  return rows.map((row) => ({
    orgnr: row.orgnr,
    name: names.get(row.orgnr) ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** The caller's own organisations. */
export async function listMyAffiliations({ db, actor }: Pick<ServiceContext, 'db' | 'actor'>) {
  const { personId } = requireSignedIn(actor);
  return describe(db, await listAffiliationsOfPerson(db, personId));
}

/** A person's organisations: their own, or anyone's for programme staff. An unknown person is not found. */
export async function listAffiliationsOf(
  { db, actor }: Pick<ServiceContext, 'db' | 'actor'>,
  personId: string,
): Promise<Affiliation[]> {
  requireReadAffiliationsOf(actor, { id: personId });
  if (!(await personExists(db, personId))) throw notFound('The person');
  return describe(db, await listAffiliationsOfPerson(db, personId));
}

/** Adds an organisation to the caller's own list, by its number; it need not be in the register copy. */
export async function addAffiliation(context: ServiceContext, orgnr: string): Promise<Affiliation> {
  const { personId } = requireSignedIn(context.actor);
  const now = context.clock.now();
  try {
    const row = await context.db.transaction(async (tx) => {
      if ((await countAffiliationsOfPerson(tx, personId)) >= MAX_AFFILIATIONS) {
        throw new AppError('validation_failed', `A person lists at most ${MAX_AFFILIATIONS} organisations.`, {
          fieldErrors: [{ path: ['body', 'orgnr'], message: `at most ${MAX_AFFILIATIONS} organisations` }],
        });
      }
      const inserted = await insertAffiliation(tx, { personId, orgnr, createdAt: now });
      await recordAudit(tx, context, {
        action: 'affiliation.added',
        entityType: 'person',
        entityId: personId,
        entityName: context.actor.kind === 'account' ? context.actor.name : null,
        after: { orgnr },
      });
      return inserted;
    });
    const [view] = await describe(context.db, [row]);
    return view!;
  } catch (error) {
    throw conflictOnUniqueViolation(error, `${orgnr} is already one of your organisations.`);
  }
}

/** Takes an organisation off the caller's own list; one not on it is not found. */
export async function removeAffiliation(context: ServiceContext, orgnr: string): Promise<Affiliation> {
  const { personId } = requireSignedIn(context.actor);
  const row = await context.db.transaction(async (tx) => {
    const removed = await deleteAffiliation(tx, personId, orgnr);
    if (!removed) throw notFound(`${orgnr} among your organisations`);
    await recordAudit(tx, context, {
      action: 'affiliation.removed',
      entityType: 'person',
      entityId: personId,
      entityName: context.actor.kind === 'account' ? context.actor.name : null,
      before: { orgnr },
    });
    return removed;
  });
  const [view] = await describe(context.db, [row]);
  return view!;
}
