import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Link,
  Paragraph,
  Select,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { permissionsOf } from '../../../shared/access';
import type { Api } from '../../../web/kit/api';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { ScrollableTable } from '../../../web/kit/components/scrollable-table';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { formatDateTime } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { refreshPage } from '../../../web/kit/navigation';
import { definePage, type PageInput } from '../../../web/kit/page';
import { useViewer } from '../../../web/kit/viewer-context';
import type { SingleSignOnFailure } from '../accounts.contract';
import type { GrantView } from '../invitations.contract';
import { AffiliationsSection } from './affiliations-section';
import {
  type AffiliationList,
  type ApiTokenList,
  authMethods,
  createApiToken,
  endAllSessions,
  endSession,
  listApiTokens,
  listMyAffiliations,
  listSessions,
  myRoles,
  revokeApiToken,
  type SessionList,
} from './api';
import { ACCOUNT_ROLE_LABELS, FAILURE_MESSAGES, isFailure } from './labels';
import { accountMessages } from './messages';
import { signUpMessages } from './sign-up-messages';

type AccountPageData = {
  sessions: SessionList;
  tokens: ApiTokenList;
  roles: GrantView[];
  affiliations: AffiliationList;
  /** The single sign-on provider, when one is configured, and how the last linking went. */
  singleSignOn: { name: string; linked: boolean; error: SingleSignOnFailure | null } | null;
};

async function loadAccountPage(api: Api, { url }: PageInput): Promise<AccountPageData> {
  const [sessions, tokens, roles, methods, affiliations] = await Promise.all([
    api.call(listSessions),
    api.call(listApiTokens),
    api.call(myRoles),
    api.call(authMethods),
    api.call(listMyAffiliations),
  ]);
  const error = url.searchParams.get('sso_error');
  return {
    sessions,
    tokens,
    roles: roles.items,
    affiliations,
    singleSignOn: methods.singleSignOn && {
      name: methods.singleSignOn.name,
      linked: url.searchParams.get('sso_linked') === 'true',
      error: isFailure(error) ? error : null,
    },
  };
}

/** The signed-in person's own page: roles, organisations, where they are signed in, and their API tokens. */
function AccountPage({ data }: { data: AccountPageData }) {
  const { t } = useLocale(accountMessages);
  const { t: tSelf } = useLocale(signUpMessages);
  const viewer = useViewer();
  if (viewer.kind !== 'account') return null;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('myAccount.title')}
      </Heading>
      <Paragraph>
        {viewer.name} · {viewer.email}
      </Paragraph>
      <ul className="plain-list stack" aria-label={t('myAccount.roles')} data-testid="my-roles">
        {data.roles.map((grant) => (
          <li key={`${grant.role}-${grant.cluster?.id ?? grant.organisation?.id ?? ''}`}>
            <Tag>{t(ACCOUNT_ROLE_LABELS[grant.role])}</Tag>
            {grant.cluster && (
              <>
                {' '}
                <Link href={`/clusters/${grant.cluster.slug}`}>{grant.cluster.name}</Link>
              </>
            )}
            {grant.organisation && (
              <>
                {' '}
                <Link href={`/organisations/${grant.organisation.orgnr}`}>{grant.organisation.name}</Link>
              </>
            )}
          </li>
        ))}
      </ul>
      <Paragraph>
        {tSelf('network.registerPrompt')}{' '}
        <Link href="/clusters/register" data-testid="register-network-link">
          {tSelf('network.registerLink')}
        </Link>
      </Paragraph>
      <AffiliationsSection affiliations={data.affiliations} />
      {data.singleSignOn && <SingleSignOnSection {...data.singleSignOn} />}
      <SessionsSection sessions={data.sessions} />
      <TokensSection tokens={data.tokens} />
    </div>
  );
}

/** Links the provider's identity to this account, for providers that cannot be matched by e-mail. */
function SingleSignOnSection({ name, linked, error }: NonNullable<AccountPageData['singleSignOn']>) {
  const { t } = useLocale(accountMessages);
  const start = `/api/auth/oidc/start?${new URLSearchParams({ link: 'true', returnTo: '/account' })}`;
  return (
    <section className="stack" aria-labelledby="sso-link-heading">
      <Heading level={2} data-size="sm" id="sso-link-heading">
        {t('sso.link.title', { name })}
      </Heading>
      {linked && (
        <Alert data-color="success" role="status">
          {t('sso.link.done', { name })}
        </Alert>
      )}
      {error && (
        <Alert data-color="danger" role="alert">
          <Heading level={3} data-size="xs">
            {t('sso.link.failed')}
          </Heading>
          <Paragraph>{t(FAILURE_MESSAGES[error])}</Paragraph>
        </Alert>
      )}
      <Paragraph>{t('sso.link.body', { name })}</Paragraph>
      <div>
        <Link href={start} data-external-nav="true" data-testid="sso-link">
          {t('sso.link.button', { name })}
        </Link>
      </div>
    </section>
  );
}

function SessionsSection({ sessions }: { sessions: SessionList }) {
  const { locale, t } = useLocale(accountMessages);
  const [error, setError] = useState<unknown>();
  const end = async (id: string) => {
    setError(undefined);
    try {
      await browserApi.call(endSession, { params: { id } });
      refreshPage();
    } catch (caught) {
      setError(caught);
    }
  };
  const endAll = async () => {
    try {
      await browserApi.call(endAllSessions);
      window.location.assign('/login');
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section aria-labelledby="sessions-heading" className="stack">
      <Heading level={2} data-size="sm" id="sessions-heading">
        {t('myAccount.sessions')}
      </Heading>
      {error !== undefined && <ProblemAlert title={t('myAccount.failed')} error={error} />}
      <ScrollableTable labelledBy="sessions-heading">
        <Table aria-labelledby="sessions-heading" data-testid="session-table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('myAccount.browser')}</Table.HeaderCell>
              <Table.HeaderCell>{t('myAccount.signedIn')}</Table.HeaderCell>
              <Table.HeaderCell>{t('myAccount.lastSeen')}</Table.HeaderCell>
              <Table.HeaderCell>
                <span className="visually-hidden">{t('myAccount.actions')}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {sessions.items.map((session) => (
              <Table.Row key={session.id}>
                <Table.Cell>{session.userAgent ?? t('myAccount.unknownBrowser')}</Table.Cell>
                <Table.Cell>{formatDateTime(session.createdAt, locale)}</Table.Cell>
                <Table.Cell>{formatDateTime(session.lastSeenAt, locale)}</Table.Cell>
                <Table.Cell>
                  {session.current ? (
                    <Tag data-color="success">{t('myAccount.thisSession')}</Tag>
                  ) : (
                    <Button variant="secondary" data-size="sm" onClick={() => end(session.id)}>
                      {t('myAccount.endSession')}
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollableTable>
      <div>
        <Button variant="secondary" onClick={endAll} data-testid="log-out-everywhere">
          {t('myAccount.endAll')}
        </Button>
      </div>
    </section>
  );
}

const EXPIRY_DAYS = ['30', '90', '365', ''] as const;

function TokensSection({ tokens }: { tokens: ApiTokenList }) {
  const { locale, t } = useLocale(accountMessages);
  const viewer = useViewer();
  const [revokeError, setRevokeError] = useState<unknown>();
  const create = useFormAction(
    async (fields, form) => {
      const days = String(fields.get('expiresInDays') ?? '');
      const created = await browserApi.call(createApiToken, {
        body: {
          name: String(fields.get('name') ?? ''),
          permissions: fields.getAll('permissions').map(String) as ReturnType<typeof permissionsOf>,
          ...(days ? { expiresInDays: Number(days) } : {}),
        },
      });
      form.reset();
      refreshPage();
      return created;
      // The secret is shown once: it stays until the next token is made.
    },
    { keep: true },
  );
  const revoke = async (id: string) => {
    setRevokeError(undefined);
    try {
      await browserApi.call(revokeApiToken, { params: { id } });
      refreshPage();
    } catch (caught) {
      setRevokeError(caught);
    }
  };
  return (
    <section aria-labelledby="tokens-heading" className="stack">
      <Heading level={2} data-size="sm" id="tokens-heading">
        {t('tokens.title')}
      </Heading>
      <Paragraph data-size="sm">{t('tokens.intro')}</Paragraph>
      {revokeError !== undefined && <ProblemAlert title={t('myAccount.failed')} error={revokeError} />}
      {tokens.items.length === 0 ? (
        <Paragraph>{t('tokens.none')}</Paragraph>
      ) : (
        <ScrollableTable labelledBy="tokens-heading">
          <Table aria-labelledby="tokens-heading" data-testid="token-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('tokens.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tokens.permissions')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tokens.lastUsed')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tokens.expires')}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="visually-hidden">{t('myAccount.actions')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {tokens.items.map((token) => (
                <Table.Row key={token.id}>
                  <Table.Cell>
                    {token.name} <code>{token.prefix}…</code>
                  </Table.Cell>
                  <Table.Cell>
                    {token.permissions.length === 0 ? t('tokens.readOnly') : token.permissions.join(', ')}
                  </Table.Cell>
                  <Table.Cell>
                    {token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t('tokens.neverUsed')}
                  </Table.Cell>
                  <Table.Cell>
                    {token.expiresAt ? formatDateTime(token.expiresAt, locale) : t('tokens.noExpiry')}
                  </Table.Cell>
                  <Table.Cell>
                    {token.revokedAt ? (
                      <Tag data-color="neutral">{t('tokens.revoked')}</Tag>
                    ) : (
                      <Button variant="secondary" data-size="sm" onClick={() => revoke(token.id)}>
                        {t('tokens.revoke')}
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollableTable>
      )}
      <form
        onSubmit={create.onSubmit}
        onInput={create.onInput}
        className="panel stack"
        aria-labelledby="new-token-heading"
      >
        <Heading level={3} data-size="xs" id="new-token-heading">
          {t('tokens.create')}
        </Heading>
        {create.result && (
          <Alert data-color="success" role="status" data-testid="new-token">
            <Paragraph>{t('tokens.created')}</Paragraph>
            <code className="secret">{create.result.token}</code>
          </Alert>
        )}
        {create.error !== undefined && <ProblemAlert title={t('myAccount.failed')} error={create.error} />}
        <Field>
          <Label htmlFor="token-name">{t('tokens.name')}</Label>
          <Input id="token-name" name="name" required maxLength={100} />
        </Field>
        <Fieldset>
          <Fieldset.Legend>{t('tokens.permissions')}</Fieldset.Legend>
          <Fieldset.Description>{t('tokens.permissionsHelp')}</Fieldset.Description>
          {permissionsOf(viewer).map((permission) => (
            <Checkbox key={permission} name="permissions" value={permission} label={permission} />
          ))}
        </Fieldset>
        <Field>
          <Label htmlFor="token-expiry">{t('tokens.expires')}</Label>
          <Select id="token-expiry" name="expiresInDays" defaultValue="90">
            {EXPIRY_DAYS.map((days) => (
              <Select.Option key={days} value={days}>
                {days ? t('tokens.days', { days }) : t('tokens.noExpiry')}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <div>
          <Button type="submit" disabled={create.busy}>
            {t('tokens.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: accountMessages,
  load: loadAccountPage,
  title: (_data, t) => t('myAccount.title'),
  Component: AccountPage,
});
