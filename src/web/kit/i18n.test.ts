import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/access';
import { formatDate, formatNok } from './format';
import { defineMessages, type KeyOf, translator } from './i18n';
import { MEMBERSHIP_ROLE_LABELS } from './messages';

const greetings = defineMessages({
  nb: { 'greeting.hello': 'Hei, {name}', 'greeting.bye': 'Ha det' },
  en: { 'greeting.hello': 'Hello, {name}', 'greeting.bye': 'Goodbye' },
});

describe('message sets', () => {
  it('do not compile with a missing English text or a key Bokmål lacks', () => {
    const missing = defineMessages({
      nb: { 'a.one': 'En', 'a.two': 'To' },
      // @ts-expect-error: English lacks 'a.two'
      en: { 'a.one': 'One' },
    });
    const unknown = defineMessages({
      nb: { 'a.one': 'En' },
      en: {
        'a.one': 'One',
        // @ts-expect-error: Bokmål has no 'a.two'
        'a.two': 'Two',
      },
    });
    expect(Object.keys(missing.nb)).toEqual(['a.one', 'a.two']);
    expect(Object.keys(unknown.nb)).toEqual(['a.one']);
  });

  it('translate only known keys; an unknown one would show as itself', () => {
    const t = translator('en', greetings);
    expect(t('greeting.hello', { name: 'Kari' })).toBe('Hello, Kari');
    // @ts-expect-error: no such key
    expect(t('greeting.morning')).toBe('greeting.morning');
  });

  it('take the texts of a second set, such as the kit’s, under their own keys', () => {
    const farewells = defineMessages({
      nb: { 'farewell.late': 'God natt' },
      en: { 'farewell.late': 'Good night' },
    });
    const t = translator('nb', greetings, farewells);
    expect(t('greeting.bye')).toBe('Ha det');
    expect(t('farewell.late')).toBe('God natt');
  });

  it('name a text for every value of a union through a typed map, so a value without one fails', () => {
    const roleNames: Record<Role, KeyOf<typeof greetings>> = {
      operator_admin: 'greeting.hello',
      programme_staff: 'greeting.hello',
      assessor: 'greeting.hello',
      cluster_manager: 'greeting.bye',
      cluster_staff: 'greeting.bye',
      // @ts-expect-error: not a key of the set
      partner_contact: 'greeting.morning',
    };
    expect(Object.keys(roleNames)).toEqual([...ROLES]);
    const labelOf = (role: 'core_partner' | 'founder') =>
      // @ts-expect-error: a partner role the kit has no text for
      MEMBERSHIP_ROLE_LABELS[role];
    expect(labelOf('core_partner')).toBe('role.core_partner');
    expect(labelOf('founder')).toBeUndefined();
  });
});

describe('formatting', () => {
  it('format dates and money the way each language writes them', () => {
    expect(formatDate('2021-01-01', 'en')).toBe('1 Jan 2021');
    expect(formatDate('2021-01-01', 'nb')).toBe('1. jan. 2021');
    expect(formatNok(5_000_000, 'nb').replace(/\s/g, ' ')).toBe('5 000 000 kr');
  });
});
