import { lazyPage } from '../../../web/kit/page';
import { canReadBudget } from '../budget.policy';

/** The ledger, the cut scenarios and the frames for programme staff; a cluster's commitments. */
export const pages = [
  lazyPage({
    id: 'budget',
    path: '/budget',
    module: () => import('./ledger-page'),
    nav: { label: { nb: 'Budsjett', en: 'Budget' }, visibleTo: canReadBudget, rank: 40 },
  }),
  lazyPage({ id: 'budget_scenarios', path: '/budget/scenarios', module: () => import('./scenario-page') }),
  lazyPage({
    id: 'budget_year',
    path: '/budget/{year}',
    match: { year: /^\d{4}$/ },
    module: () => import('./year-page'),
  }),
  lazyPage({ id: 'budget_frames', path: '/budget/frames', module: () => import('./frames-page') }),
  lazyPage({
    id: 'cluster_commitments',
    path: '/clusters/{slug}/commitments',
    module: () => import('./cluster-commitments-page'),
  }),
];
