import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { definePersonalData } from '../../server/personal-data';
import { erasureSchemaOf, personExportSchemaOf } from './personal-data.contract';

const registrations = definePersonalData({
  tables: [],
  export: {
    shape: { registrations: z.array(z.object({ event: z.string() })) },
    read: async () => ({ registrations: [] }),
  },
  erase: { removed: { registrations: z.number().int() }, run: async () => ({ registrations: 0 }) },
});

describe('the documents built from the declarations', () => {
  it('hold each declaration’s members beside the person', () => {
    const exported = personExportSchemaOf([registrations]).parse({
      exportedAt: '2026-06-15T10:00:00.000Z',
      person: {
        id: 'p',
        name: 'Kari Nordmann',
        email: null,
        phone: null,
        erasedAt: null,
        createdAt: '2026-06-15T10:00:00.000Z',
      },
      account: null,
      registrations: [{ event: 'Klyngedagen' }],
    });
    expect(exported).toHaveProperty('registrations', [{ event: 'Klyngedagen' }]);
    expect(() => erasureSchemaOf([registrations]).parse({ person: {}, removed: {} })).toThrow(
      /registrations/,
    );
  });

  it('refuse two declarations that name the same member, rather than let one overwrite the other', () => {
    expect(() => personExportSchemaOf([registrations, registrations])).toThrow(
      'Two personal-data declarations name the member "registrations" of the export.',
    );
    expect(() => erasureSchemaOf([registrations, registrations])).toThrow(/"registrations"/);
    const person = definePersonalData({
      tables: [],
      export: { shape: { person: z.string() }, read: async () => ({ person: '' }) },
    });
    expect(() => personExportSchemaOf([person])).toThrow(/"person"/);
  });
});
