import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { Pager } from '../../../web/kit/components/pager';
import { formatDate } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { ACTOR_TYPE_LABELS, MEMBERSHIP_ROLE_LABELS } from '../../../web/kit/messages';
import { useViewer } from '../../../web/kit/viewer-context';
import { canManagePartners } from '../memberships.policy';
import type { MemberPage } from './api';
import { MemberActions } from './member-actions';
import { membershipMessages } from './messages';

/** A page of a cluster's partners; those who manage them change a partner's role or end it here. */
export function PartnerList({
  cluster,
  members,
  url,
}: {
  cluster: { id: string; slug: string };
  members: MemberPage;
  url: URL;
}) {
  const { locale, t } = useLocale(membershipMessages);
  const viewer = useViewer();
  const mayManage = canManagePartners(viewer, cluster);
  return (
    <section aria-labelledby="members-heading">
      <Heading level={2} data-size="sm" id="members-heading">
        {t('members.title')} <span className="muted">({t('members.total', { total: members.total })})</span>
      </Heading>
      {members.total === 0 ? (
        <Paragraph>{t('members.none')}</Paragraph>
      ) : (
        <Table aria-labelledby="members-heading" data-testid="member-table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('members.column.organisation')}</Table.HeaderCell>
              <Table.HeaderCell>{t('members.column.role')}</Table.HeaderCell>
              <Table.HeaderCell>{t('members.column.actorType')}</Table.HeaderCell>
              <Table.HeaderCell>{t('members.column.joined')}</Table.HeaderCell>
              {mayManage && <Table.HeaderCell>{t('members.column.change')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {members.items.map((member) => (
              <Table.Row key={`${member.organisation.orgnr}-${member.joinedOn}`}>
                <Table.Cell>
                  <Link href={`/organisations/${member.organisation.orgnr}`}>{member.organisation.name}</Link>
                </Table.Cell>
                <Table.Cell>{t(MEMBERSHIP_ROLE_LABELS[member.role])}</Table.Cell>
                <Table.Cell>{t(ACTOR_TYPE_LABELS[member.organisation.actorType])}</Table.Cell>
                <Table.Cell>{formatDate(member.joinedOn, locale)}</Table.Cell>
                {mayManage && (
                  <Table.Cell>
                    <MemberActions slug={cluster.slug} member={member} />
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <Pager url={url} page={members.page} pageSize={members.pageSize} total={members.total} />
    </section>
  );
}
