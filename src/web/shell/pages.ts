import { accountPages } from '../../features/accounts/ui/pages';
import { auditPages } from '../../features/audit/ui/pages';
import { clusterPages } from '../../features/clusters/ui/pages';
import { mailPages } from '../../features/mail/ui/pages';
import { membershipPages } from '../../features/memberships/ui/pages';
import { organisationPages } from '../../features/organisations/ui/pages';
import { personalDataPages } from '../../features/personal-data/ui/pages';
import type { PageEntry } from '../kit/page';

/** Every page, in the order of the features; each feature's `ui/pages.ts` declares its own. */
export const PAGES: readonly PageEntry[] = [
  ...auditPages,
  ...organisationPages,
  ...clusterPages,
  ...membershipPages,
  ...mailPages,
  ...accountPages,
  ...personalDataPages,
];
