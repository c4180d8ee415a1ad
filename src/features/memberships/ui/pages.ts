import { lazyPage } from '../../../web/kit/page';

/*
 * A cluster's profile page is declared here rather than in clusters/ui: it shows the cluster's
 * profile (a clusters component) together with its partners and the tools to manage them, which
 * are memberships'. A feature's UI may use an earlier feature's, and clusters comes before
 * memberships, so the page that joins the two belongs to the later one.
 */
export const pages = [
  lazyPage({ id: 'cluster', path: '/clusters/{slug}', module: () => import('./cluster-page') }),
];
