import { AppError } from '../../server/http/app-error';
import type { ServiceContext } from '../../server/service-context';
import type { Locale } from '../../shared/localized';
import { recordAudit } from '../audit/record-audit';
import { type MailOptions, queueMail } from '../mail/mail.service';
import { passwordResetMail } from './account-mail';
import { canSignIn } from './accounts.policy';
import { findAccountByEmail, updatePasswordHash } from './accounts.queries';
import { linkHolder, type SignInOptions } from './accounts.service';
import {
  countResetsSince,
  findUsableReset,
  insertPasswordReset,
  markResetUsed,
} from './password-reset.queries';
import { hashNewPassword } from './passwords';
import { hashSecret, newSecret } from './secret-tokens';
import { deleteSessionsOfAccount } from './sessions.queries';
import { clearAccount } from './throttle';

export const RESET_MINUTES = 60;
/** Links sent to one account per hour at most, so the form cannot be used to flood a mailbox. */
const RESETS_PER_HOUR = 3;

/**
 * Sends a reset link when the address belongs to an account that may sign in. The answer is the
 * same whether or not it does, so the form tells nobody which addresses have accounts.
 */
export async function requestPasswordReset(
  context: ServiceContext & SignInOptions & MailOptions,
  email: string,
  siteOrigin: string,
  language: Locale,
): Promise<void> {
  const { db } = context;
  const now = context.clock.now();
  const found = await findAccountByEmail(db, email);
  if (!found || !canSignIn(found.account, context)) return;
  const hourAgo = new Date(now.getTime() - 3_600_000);
  if ((await countResetsSince(db, found.account.id, hourAgo)) >= RESETS_PER_HOUR) return;
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + RESET_MINUTES * 60_000);
  await db.transaction(async (tx) => {
    await insertPasswordReset(tx, {
      tokenHash: hashSecret(token),
      accountId: found.account.id,
      createdAt: now,
      expiresAt,
    });
    await queueMail(
      tx,
      context,
      passwordResetMail({
        to: found.account.email,
        name: found.name,
        link: `${siteOrigin}/reset-password/${token}`,
        expiresAt,
        language,
      }),
    );
    await recordAudit(tx, context, {
      action: 'account.password_reset_requested',
      entityType: 'account',
      entityId: found.account.id,
      entityName: found.name,
      after: { expiresAt: expiresAt.toISOString() },
    });
  });
  context.wakeMail();
}

const INVALID_LINK = 'This link is not valid any more. Ask for a new one on the sign-in page.';

/**
 * Sets a new password with a reset link. The link is used up, and every session of the account
 * ends: whoever knew the old password is signed out everywhere.
 */
export async function completePasswordReset(
  context: ServiceContext,
  input: { token: string; password: string },
): Promise<{ accountId: string }> {
  const { db } = context;
  const now = context.clock.now();
  const tokenHash = hashSecret(input.token);
  const found = await findUsableReset(db, tokenHash, now);
  if (!found) throw new AppError('invalid_state', INVALID_LINK);
  const passwordHash = await hashNewPassword(input.password, found.email);
  const accountId = found.reset.accountId;
  await db.transaction(async (tx) => {
    if (!(await markResetUsed(tx, tokenHash, now))) throw new AppError('invalid_state', INVALID_LINK);
    await updatePasswordHash(tx, accountId, passwordHash, now);
    const sessionsEnded = await deleteSessionsOfAccount(tx, accountId);
    const self = linkHolder({ accountId, personId: found.personId, name: found.name, email: found.email });
    await recordAudit(
      tx,
      { ...context, actor: self },
      {
        action: 'account.password_reset',
        entityType: 'account',
        entityId: accountId,
        entityName: found.name,
        after: { sessionsEnded },
      },
    );
  });
  await clearAccount(db, found.email);
  return { accountId };
}
