import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, TEST_TODAY } from '../../testing/harness';
import { createCluster } from '../clusters/clusters.seed';
import { createMembership } from '../memberships/memberships.seed';
import { createProgramme } from '../programme/programme.seed';
import { createOrganisation } from './organisations.seed';

const t = setupTestApp();
let orgnr: string;

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  const mineral = await createCluster(t.db, programme, {
    slug: 'mineralklynge-nord',
    name: 'Mineralklynge Nord',
  });
  const energy = await createCluster(t.db, programme, { slug: 'energi-i-nord', name: 'Energi i Nord' });
  const organisation = await createOrganisation(t.db, {
    name: 'Nordfjell Bergverk AS',
    organisationForm: 'AS',
    naceCodes: ['08.110', '07.290'],
    employees: 310,
    actorType: 'large_company',
    municipalityNumber: '1806',
  });
  orgnr = organisation.orgnr;
  await createMembership(
    t.db,
    { clusterId: mineral.id, organisationId: organisation.id },
    {
      role: 'core_partner',
      joinedOn: '2012-07-01',
      leftOn: '2017-06-30',
    },
  );
  await createMembership(
    t.db,
    { clusterId: energy.id, organisationId: organisation.id },
    { joinedOn: '2023-02-01' },
  );
});

describe('GET /api/organisations/{orgnr}', () => {
  it('returns the organisation with its register facts and the clusters it belongs to', async () => {
    const { status, body } = await t.get(`/api/organisations/${orgnr}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      orgnr,
      name: 'Nordfjell Bergverk AS',
      organisationForm: 'AS',
      naceCodes: [
        { code: '08.110', section: 'B', division: '08', description: null },
        { code: '07.290', section: 'B', division: '07', description: null },
      ],
      employees: 310,
      sizeClass: 'large',
      municipalityNumber: '1806',
      countyCode: '18',
      actorType: 'large_company',
      actorTypeOverridden: false,
      website: null,
      contact: null,
      register: expect.objectContaining({
        source: 'register',
        bankrupt: false,
        deletedOn: null,
        lastImportAt: null,
      }),
      memberships: [
        {
          cluster: { slug: 'energi-i-nord', name: 'Energi i Nord' },
          role: 'partner',
          joinedOn: '2023-02-01',
          leftOn: null,
          current: true,
        },
        {
          cluster: { slug: 'mineralklynge-nord', name: 'Mineralklynge Nord' },
          role: 'core_partner',
          joinedOn: '2012-07-01',
          leftOn: '2017-06-30',
          current: false,
        },
      ],
    });
  });

  it('accepts the number written with spaces', async () => {
    const spaced = `${orgnr.slice(0, 3)}%20${orgnr.slice(3, 6)}%20${orgnr.slice(6)}`;
    const { status, body } = await t.get(`/api/organisations/${spaced}`);
    expect(status).toBe(200);
    expect(body.orgnr).toBe(orgnr);
  });

  it('answers 422 and says the check digit is wrong for 923609017', async () => {
    const response = await t.get('/api/organisations/923609017');
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        path: ['param', 'orgnr'],
        message: 'The check digit is wrong: with these first eight digits the last digit must be 6.',
      }),
    ]);
  });

  it('answers 422 for a number that is not nine digits', async () => {
    const response = await t.get('/api/organisations/12345');
    expect(response.status).toBe(422);
    expect(response.body.errors[0].message).toBe('An organisation number has exactly nine digits.');
  });

  it('answers 404 for a valid number that is not in the register', async () => {
    const response = await t.get('/api/organisations/923609016');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({
      code: 'not_found',
      detail: 'The organisation 923609016 was not found.',
    });
  });
});

describe('what the organisation page costs the database', () => {
  it('answers in one statement, with its partnerships, industry names and last import', async () => {
    // A client of its own has a read cache of its own, empty: the read reaches the database.
    const client = t.at(TEST_TODAY);
    const { result, queries } = await t.withQueries(() => client.get(`/api/organisations/${orgnr}`));
    expect(result.status).toBe(200);
    expect(result.body.memberships).toHaveLength(2);
    expect(queries.length).toBeLessThanOrEqual(2);
    expect(queries).toHaveLength(1);
  });
});
