import { describe, expect, it } from 'vitest';
import { accountMessages } from '../../features/accounts/ui/messages';
import { signUpMessages } from '../../features/accounts/ui/sign-up-messages';
import { auditMessages } from '../../features/audit/ui/messages';
import { clusterMessages } from '../../features/clusters/ui/messages';
import { formingNetworkMessages } from '../../features/forming-networks/ui/messages';
import { mailMessages } from '../../features/mail/ui/messages';
import { membershipMessages } from '../../features/memberships/ui/messages';
import { organisationMessages } from '../../features/organisations/ui/messages';
import { personalDataMessages } from '../../features/personal-data/ui/messages';
import { translator } from '../kit/i18n';
import { kitMessages } from '../kit/messages';

const SETS = {
  kit: kitMessages,
  audit: auditMessages,
  organisations: organisationMessages,
  clusters: clusterMessages,
  memberships: membershipMessages,
  mail: mailMessages,
  accounts: accountMessages,
  'accounts (signing up)': signUpMessages,
  'forming-networks': formingNetworkMessages,
  'personal-data': personalDataMessages,
};

describe('translations', () => {
  it('exist in both languages for every key', () => {
    for (const [name, messages] of Object.entries(SETS)) {
      const nbKeys = Object.keys(messages.nb).sort();
      expect(Object.keys(messages.en).sort(), name).toEqual(nbKeys);
      for (const [key, text] of Object.entries(messages.en)) expect(text, `${name}: ${key}`).not.toBe('');
    }
  });

  it('name each key once, so a feature’s text never hides one of the kit’s', () => {
    const owners = new Map<string, string>();
    for (const [name, messages] of Object.entries(SETS)) {
      for (const key of Object.keys(messages.nb)) {
        expect(owners.get(key), `${key} in ${name}`).toBeUndefined();
        owners.set(key, name);
      }
    }
  });

  it('fill in parameters and leave unknown ones visible', () => {
    const t = translator('en', clusterMessages);
    expect(t('registry.resultsFor', { total: 3, q: 'arctic' })).toBe('3 clusters for “arctic”');
    expect(t('registry.resultsFor', { total: 3 })).toBe('3 clusters for “{q}”');
  });

  it('fall back to Bokmål when an English text is missing', () => {
    const saved = clusterMessages.en['registry.title'];
    clusterMessages.en['registry.title'] = '';
    try {
      expect(translator('en', clusterMessages)('registry.title')).toBe('Klynger');
    } finally {
      clusterMessages.en['registry.title'] = saved;
    }
  });
});
