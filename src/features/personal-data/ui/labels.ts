import type { Role } from '../../../shared/access';
import type { KeyOf } from '../../../web/kit/i18n';
import type { PersonView } from '../personal-data.contract';
import type { personalDataMessages } from './messages';

type PersonalDataKey = KeyOf<typeof personalDataMessages>;

export const ACCOUNT_STATUS_LABELS: Record<NonNullable<PersonView['account']>['status'], PersonalDataKey> = {
  active: 'people.account.active',
  disabled: 'people.account.disabled',
};

/** Roles as the people pages name them, which is not quite how the account pages do. */
export const PERSON_ROLE_LABELS: Record<Role, PersonalDataKey> = {
  operator_admin: 'person.role.operator_admin',
  programme_staff: 'person.role.programme_staff',
  assessor: 'person.role.assessor',
  cluster_manager: 'person.role.cluster_manager',
  cluster_staff: 'person.role.cluster_staff',
  partner_contact: 'person.role.partner_contact',
};
