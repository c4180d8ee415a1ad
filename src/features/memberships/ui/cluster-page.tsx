import type { Api } from '../../../web/kit/api';
import { definePage, type PageInput } from '../../../web/kit/page';
import { Slot, type SlotData } from '../../../web/kit/slots';
import type { ClusterProfile as ClusterProfileView } from '../../clusters/clusters.contract';
import { getCluster } from '../../clusters/ui/api';
import { ClusterProfile } from '../../clusters/ui/cluster-profile';
import { AddPartnerPanel } from './add-partner-panel';
import { listMembers, type MemberPage } from './api';
import { PartnerList } from './partner-list';

type ClusterPageData = { cluster: ClusterProfileView; members: MemberPage; slots: SlotData };

async function loadClusterPage(
  api: Api,
  { params: { slug }, url, slot }: PageInput<'slug'>,
): Promise<ClusterPageData> {
  const page = url.searchParams.get('page') ?? undefined;
  const [cluster, members, slots] = await Promise.all([
    api.call(getCluster, { params: { slug } }),
    api.call(listMembers, { params: { slug }, query: { page, pageSize: 25 } }),
    slot('cluster-profile', { slug }),
  ]);
  return { cluster, members, slots };
}

/**
 * The cluster's profile, what later features add to it (the `cluster-profile` slot), then the
 * tools to add partners, then the partner list.
 */
function ClusterPage({ data, url }: { data: ClusterPageData; url: URL }) {
  const { cluster, members } = data;
  return (
    <article className="cluster">
      <ClusterProfile cluster={cluster} />
      <Slot name="cluster-profile" props={{ slug: cluster.slug }} data={data.slots} />
      <AddPartnerPanel cluster={cluster} />
      <PartnerList cluster={cluster} members={members} url={url} />
    </article>
  );
}

export const page = definePage({
  source: import.meta.url,
  load: loadClusterPage,
  title: ({ cluster }) => cluster.name,
  description: ({ cluster }, locale) => cluster.description[locale] || cluster.description.nb,
  Component: ClusterPage,
});
