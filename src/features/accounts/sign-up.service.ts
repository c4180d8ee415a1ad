import { AppError, notFound } from '../../server/http/app-error';
import type { ServiceContext } from '../../server/service-context';
import type { Locale } from '../../shared/localized';
import { recordAudit } from '../audit/record-audit';
import { countMailSentSince, type MailOptions, queueMail } from '../mail/mail.service';
import { existingAccountMail, signUpMail } from './account-mail';
import { canSignIn } from './accounts.policy';
import { findAccountByEmail } from './accounts.queries';
import { createAccountInTransaction, linkHolder, type SignInOptions } from './accounts.service';
import { hashSecret, newSecret } from './secret-tokens';
import type { SignUpPreview } from './sign-up.contract';
import {
  claimSignUp,
  deleteUnusedSignUpsExpiredBefore,
  findSignUpByTokenHash,
  insertSignUp,
  type SignUpRow,
  updateSignUpAccount,
} from './sign-up.queries';

export const SIGN_UP_HOURS = 24;
const HOUR_MS = 3_600_000;
/** Mails about signing up sent to one address per hour at most, so the form cannot flood a mailbox. */
const SIGN_UP_MAILS_PER_HOUR = 3;
const SIGN_UP_MAIL_KINDS = ['sign_up', 'sign_up_existing'] as const;
/**
 * A link never used is deleted this long after it expired: it holds a name and an address that
 * nobody confirmed, and no person in Klynge to erase them from. The wait lets the link page say
 * "expired" rather than "not found" to someone who comes back a day late.
 */
const KEEP_EXPIRED_MS = 7 * 24 * HOUR_MS;

/**
 * Starts a sign-up. An address without an account gets a link to choose a password; one with an
 * account gets a note saying so, with the ways back in. Either way the answer is the same, so the
 * form tells nobody which addresses have accounts.
 */
export async function requestSignUp(
  context: ServiceContext & SignInOptions & MailOptions,
  input: { name: string; email: string; language: Locale },
  siteOrigin: string,
): Promise<void> {
  const { db } = context;
  const now = context.clock.now();
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  if (
    (await countMailSentSince(context, input.email, SIGN_UP_MAIL_KINDS, hourAgo)) >= SIGN_UP_MAILS_PER_HOUR
  ) {
    return;
  }
  const existing = await findAccountByEmail(db, input.email);
  if (existing) {
    // A disabled account, or a demo account where demo accounts cannot sign in, has no way back in to offer.
    if (!canSignIn(existing.account, context)) return;
    await db.transaction(async (tx) => {
      await queueMail(
        tx,
        context,
        existingAccountMail({
          to: existing.account.email,
          name: existing.name,
          signInLink: `${siteOrigin}/login`,
          resetLink: `${siteOrigin}/reset-password`,
          language: input.language,
        }),
      );
      await recordAudit(tx, context, {
        action: 'account.sign_up_to_existing',
        entityType: 'account',
        entityId: existing.account.id,
        entityName: existing.name,
      });
    });
    context.wakeMail();
    return;
  }
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + SIGN_UP_HOURS * HOUR_MS);
  await db.transaction(async (tx) => {
    await deleteUnusedSignUpsExpiredBefore(tx, new Date(now.getTime() - KEEP_EXPIRED_MS));
    const row = await insertSignUp(tx, {
      tokenHash: hashSecret(token),
      email: input.email,
      name: input.name,
      language: input.language,
      createdAt: now,
      expiresAt,
    });
    await queueMail(
      tx,
      context,
      signUpMail({
        to: input.email,
        name: input.name,
        link: `${siteOrigin}/sign-up/${token}`,
        expiresAt,
        language: input.language,
      }),
    );
    // The address stays out of the trail: it is nobody's in Klynge until the link is used.
    await recordAudit(tx, context, {
      action: 'sign_up.requested',
      entityType: 'sign_up',
      entityId: row.id,
      after: { expiresAt: expiresAt.toISOString() },
    });
  });
  context.wakeMail();
}

type SignUpState = SignUpPreview['state'];

function stateOf(row: SignUpRow, now: Date): SignUpState {
  if (row.usedAt) return 'used';
  return row.expiresAt <= now ? 'expired' : 'open';
}

async function findByToken(db: ServiceContext['db'], token: string): Promise<SignUpRow | undefined> {
  return findSignUpByTokenHash(db, hashSecret(token));
}

/** What the link shows before it is used. An unknown code is not found. */
export async function previewSignUp(
  { db, clock }: Pick<ServiceContext, 'db' | 'clock'>,
  token: string,
): Promise<SignUpPreview> {
  const row = await findByToken(db, token);
  if (!row) throw notFound('The sign-up link');
  return {
    email: row.email,
    name: row.name,
    language: row.language,
    state: stateOf(row, clock.now()),
    expiresAt: row.expiresAt.toISOString(),
    existingAccount: (await findAccountByEmail(db, row.email)) !== undefined,
  };
}

const STATE_MESSAGES: Record<Exclude<SignUpState, 'open'>, string> = {
  used: 'This link has already been used. Sign in instead.',
  expired: 'This link has expired. Sign up again to get a new one.',
};

/**
 * Uses a sign-up link: a person and an account with no roles, in one transaction with the link
 * marked used (the first statement, so two uses of one link cannot both succeed) and the audit
 * events. The caller signs the new account in.
 */
export async function completeSignUp(
  context: ServiceContext,
  input: { token: string; password: string },
): Promise<{ accountId: string }> {
  const { db } = context;
  const now = context.clock.now();
  const row = await findByToken(db, input.token);
  if (!row) throw notFound('The sign-up link');
  const state = stateOf(row, now);
  if (state !== 'open') throw new AppError('invalid_state', STATE_MESSAGES[state]);
  if (await findAccountByEmail(db, row.email)) {
    throw new AppError(
      'invalid_state',
      `An account with the address ${row.email} exists already. Sign in to it, or set a new password.`,
    );
  }
  return db.transaction(async (tx) => {
    if (!(await claimSignUp(tx, row.id, now))) throw new AppError('invalid_state', STATE_MESSAGES.used);
    const account = await createAccountInTransaction(tx, context, {
      name: row.name,
      email: row.email,
      password: input.password,
      grants: [],
    });
    await updateSignUpAccount(tx, row.id, account.id);
    const self = linkHolder({
      accountId: account.id,
      personId: account.personId,
      name: row.name,
      email: row.email,
    });
    await recordAudit(
      tx,
      { ...context, actor: self },
      {
        action: 'sign_up.completed',
        entityType: 'sign_up',
        entityId: row.id,
        entityName: row.name,
        after: { accountId: account.id },
      },
    );
    return { accountId: account.id };
  });
}
