import { and, count, eq, gt, isNull } from 'drizzle-orm';
import { AppError } from '../../server/http/app-error';
import { recordAudit } from '../audit/audit.service';
import { queueMail } from '../mail/mail.service';
import { passwordResetMail } from './account-mail';
import { findAccountByEmail } from './accounts.queries';
import { accounts, passwordResets, persons, sessions } from './accounts.table';
import type { AccountWriteContext } from './invitations.service';
import { checkPasswordStrength, hashPassword } from './passwords';
import { hashSecret, newSecret } from './secret-tokens';
import { clearAccount, throttleKeys } from './throttle';

export const RESET_MINUTES = 60;
/** Links sent to one account per hour at most, so the form cannot be used to flood a mailbox. */
const RESETS_PER_HOUR = 3;

/**
 * Sends a reset link when the address belongs to an active account that may sign in. The answer
 * is the same whether or not it does, so the form tells nobody which addresses have accounts.
 */
export async function requestPasswordReset(
  context: AccountWriteContext & { allowDemoAccounts: boolean },
  email: string,
  siteOrigin: string,
): Promise<void> {
  const { db, now } = context;
  const found = await findAccountByEmail(db, email);
  const mayUse = found?.account.status === 'active' && (context.allowDemoAccounts || !found.account.isDemo);
  if (!found || !mayUse) return;
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const [recent] = await db
    .select({ n: count() })
    .from(passwordResets)
    .where(and(eq(passwordResets.accountId, found.account.id), gt(passwordResets.createdAt, hourAgo)));
  if ((recent?.n ?? 0) >= RESETS_PER_HOUR) return;
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + RESET_MINUTES * 60_000);
  await db.transaction(async (tx) => {
    await tx
      .insert(passwordResets)
      .values({ tokenHash: hashSecret(token), accountId: found.account.id, createdAt: now, expiresAt });
    await queueMail(
      tx,
      passwordResetMail({
        to: found.account.email,
        name: found.name,
        link: `${siteOrigin}/reset-password/${token}`,
        expiresAt,
      }),
      now,
    );
    await recordAudit(tx, context, {
      action: 'account.password_reset_requested',
      entityType: 'account',
      entityId: found.account.id,
      after: { expiresAt: expiresAt.toISOString() },
    });
  });
}

const INVALID_LINK = 'This link is not valid any more. Ask for a new one on the sign-in page.';

/**
 * Sets a new password with a reset link. The link is used up, and every session of the account
 * ends: whoever knew the old password is signed out everywhere.
 */
export async function completePasswordReset(
  context: AccountWriteContext,
  input: { token: string; password: string },
): Promise<{ accountId: string }> {
  const { db, now } = context;
  const tokenHash = hashSecret(input.token);
  const [found] = await db
    .select({ reset: passwordResets, email: accounts.email, name: persons.name, personId: accounts.personId })
    .from(passwordResets)
    .innerJoin(accounts, eq(accounts.id, passwordResets.accountId))
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
        eq(accounts.status, 'active'),
      ),
    );
  if (!found) throw new AppError('invalid_state', INVALID_LINK);
  const weak = checkPasswordStrength(input.password, found.email);
  if (weak) {
    throw new AppError('validation_failed', weak.message, {
      fieldErrors: [{ path: ['body', 'password'], message: weak.message, code: weak.code }],
    });
  }
  const passwordHash = await hashPassword(input.password);
  const accountId = found.reset.accountId;
  await db.transaction(async (tx) => {
    const [used] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt)))
      .returning();
    if (!used) throw new AppError('invalid_state', INVALID_LINK);
    await tx.update(accounts).set({ passwordHash, updatedAt: now }).where(eq(accounts.id, accountId));
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.accountId, accountId))
      .returning({ id: sessions.id });
    const actor = {
      kind: 'account' as const,
      accountId,
      personId: found.personId,
      name: found.name,
      email: found.email,
      grants: [],
    };
    await recordAudit(
      tx,
      { ...context, actor },
      {
        action: 'account.password_reset',
        entityType: 'account',
        entityId: accountId,
        after: { sessionsEnded: ended.length },
      },
    );
  });
  await clearAccount(db, throttleKeys(found.email, undefined));
  return { accountId };
}
