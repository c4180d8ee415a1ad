import { and, asc, eq, inArray } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import { auditEvents } from '../audit/audit.table';
import { createCluster } from '../clusters/clusters.seed';
import {
  clusterBrands,
  clusterCounties,
  clusterSectors,
  clusters,
  engagements,
} from '../clusters/clusters.table';
import { buildProgramme, createProgramme, DEMO_OPERATORS } from './programme.seed';
import { brands, levels, programmes } from './programme.table';

const t = setupTestApp();
const adminName = 'Olga Oppsett';
let admin: string;
let staff: string;

beforeAll(async () => {
  const made = await createTestAccount(t.db, 'operator_admin', {}, { name: adminName });
  admin = await t.signIn(made.email, TEST_PASSWORD);
  staff = await t.signIn((await createTestAccount(t.db, 'programme_staff')).email, TEST_PASSWORD);
});

// The programme is one per database: every test starts from none and makes the one it needs.
beforeEach(async () => {
  for (const table of [clusterBrands, engagements, clusterCounties, clusterSectors, clusters]) {
    await t.db.delete(table);
  }
  for (const table of [brands, levels, programmes, auditEvents]) await t.db.delete(table);
});

const put = (body: unknown, cookie = admin) => t.send('PUT', '/api/programme', body, { cookie });
const asAdmin = (path: string) => t.get(path, { headers: { cookie: admin } });

function trail(entityTypes = ['programme', 'level']) {
  return t.db
    .select()
    .from(auditEvents)
    .where(inArray(auditEvents.entityType, entityTypes))
    .orderBy(asc(auditEvents.seq));
}

const NEW_PROGRAMME = {
  name: { nb: 'Klyngeprogram Vest', en: 'Cluster Programme West' },
  operatorOrganisations: [
    {
      orgnr: '986 399 445',
      name: 'Innovasjon Norge',
      pressContact: { name: 'Petra Presse', email: 'petra@example.test', phone: '+47 00 11 22 33' },
    },
  ],
};

describe('PUT /api/programme on an empty database', () => {
  it('sets the programme up: 404 before, 201 with the defaults, and one audit event by the operator admin', async () => {
    expect((await t.get('/api/programme')).status).toBe(404);

    const { status, body } = await put(NEW_PROGRAMME);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      slug: 'cluster-programme-west',
      name: NEW_PROGRAMME.name,
      description: { nb: '', en: '' },
      operators: ['Innovasjon Norge'],
      operatorOrganisations: [
        {
          orgnr: '986399445',
          name: 'Innovasjon Norge',
          pressContact: { name: 'Petra Presse', email: 'petra@example.test', phone: '+47 00 11 22 33' },
        },
      ],
      operatingAidCapYears: 10,
      levels: [],
      brands: [],
    });
    expect((await t.get('/api/programme')).body.name.en).toBe('Cluster Programme West');

    const events = await trail();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'programme.created',
      entityType: 'programme',
      actorName: adminName,
      after: expect.objectContaining({ slug: 'cluster-programme-west', operatingAidCapYears: 10 }),
    });
  });

  it('refuses a brand during a level the programme does not have yet, and makes no programme', async () => {
    const { status, body } = await put({
      ...NEW_PROGRAMME,
      brands: [{ code: 'nce', name: { nb: 'NCE', en: 'NCE' }, duringLevel: 'arena_pro', fromYear: 2019 }],
    });
    expect(status).toBe(422);
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['body', 'brands', 0, 'duringLevel'],
        message: 'the programme has no level arena_pro: add the level first',
      }),
    ]);
    expect((await t.get('/api/programme')).status).toBe(404);
    expect(await trail()).toEqual([]);
  });

  it('is for operator admins only: programme staff get 403, anonymous callers 401, and nothing is made', async () => {
    expect((await put(NEW_PROGRAMME, staff)).status).toBe(403);
    expect((await t.send('PUT', '/api/programme', NEW_PROGRAMME)).status).toBe(401);
    expect((await t.get('/api/programme')).status).toBe(404);
  });
});

describe('PUT /api/programme on a programme that exists', () => {
  it('replaces the fields it is given, keeps those it leaves out, and audits only what changed', async () => {
    await createProgramme(t.db);
    const operators = [
      DEMO_OPERATORS[1]!,
      { orgnr: '970141669', name: 'Norges forskningsråd', pressContact: null },
    ];
    const { status, body } = await put({
      name: buildProgramme().name,
      operatorOrganisations: operators,
      operatingAidCapYears: 12,
    });
    expect(status).toBe(200);
    expect(body.slug).toBe('norwegian-innovation-clusters');
    expect(body.operators).toEqual(['Siva', 'Norges forskningsråd']);
    expect(body.operatorOrganisations[1]).toEqual({
      orgnr: '970141669',
      name: 'Norges forskningsråd',
      pressContact: null,
    });
    expect(body.operatingAidCapYears).toBe(12);
    expect(body.description).toEqual(buildProgramme().description);
    expect(body.brands.map((brand: { code: string }) => brand.code)).toEqual(['nce']);

    const [event, ...more] = await trail();
    expect(more).toEqual([]);
    expect(event).toMatchObject({ action: 'programme.updated', actorName: adminName });
    expect(Object.keys(event!.after as object).sort()).toEqual([
      'operatingAidCapYears',
      'operatorOrganisations',
      'slug',
    ]);
    expect(event!.before).toMatchObject({ operatingAidCapYears: 10 });
  });

  it('writes and records nothing when the request holds what the programme has', async () => {
    await createProgramme(t.db);
    const { status } = await put(buildProgramme());
    expect(status).toBe(200);
    expect(await trail()).toEqual([]);
  });

  it('shows the press contacts to operator admins only', async () => {
    await createProgramme(t.db);
    const anonymous = await t.get('/api/programme');
    expect(anonymous.body.operatorOrganisations[0]).toEqual({ orgnr: '986399445', name: 'Innovasjon Norge' });
    const asStaff = await t.get('/api/programme', { headers: { cookie: staff } });
    expect(asStaff.body.operatorOrganisations[0]).not.toHaveProperty('pressContact');
    const asOperator = await asAdmin('/api/programme');
    expect(asOperator.body.operatorOrganisations[0].pressContact).toEqual(DEMO_OPERATORS[0]!.pressContact);
  });

  it('adds and removes a brand nobody holds, but keeps one a cluster held', async () => {
    const programme = await createProgramme(t.db);
    const nce = buildProgramme().brands[0]!;
    const pilot = { code: 'pilot', name: { nb: 'Pilot', en: 'Pilot' }, duringLevel: 'arena', fromYear: 2026 };
    const added = await put({ ...buildProgramme(), brands: [nce, pilot] });
    expect(added.status).toBe(200);
    expect(added.body.brands.map((brand: { code: string }) => brand.code)).toEqual(['nce', 'pilot']);
    expect((await put({ ...buildProgramme(), brands: [nce] })).body.brands).toHaveLength(1);

    await createCluster(t.db, programme, {
      engagements: [{ level: 'arena_pro', startsOn: '2019-07-01', plannedEndOn: '2024-06-30' }],
      brands: [{ code: 'nce', startsOn: '2019-07-01', endsOn: '2024-06-30' }],
    });
    const refused = await put({ ...buildProgramme(), brands: [] });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        path: ['body', 'brands'],
        message: 'must keep nce: 1 cluster holds or held it',
      }),
    ]);
    expect((await t.get('/api/programme')).body.brands).toHaveLength(1);
  });
});

describe('PUT /api/programme refuses bad input field by field, and changes nothing', () => {
  const refuse = async (body: unknown) => {
    await createProgramme(t.db);
    const { status, body: problem } = await put(body);
    expect(status).toBe(422);
    expect(problem.code).toBe('validation_failed');
    expect(await trail()).toEqual([]);
    expect((await t.get('/api/programme')).body.operators).toEqual([
      'Innovasjon Norge',
      'Siva',
      'Forskningsrådet',
    ]);
    return problem.errors as { path: unknown[]; message: string }[];
  };
  const withOperator = (operator: object) => ({
    ...buildProgramme(),
    operatorOrganisations: [{ ...DEMO_OPERATORS[0], ...operator }],
  });

  it('an organisation number with the wrong check digit, with the digit it needs', async () => {
    expect(await refuse(withOperator({ orgnr: '986399446' }))).toEqual([
      expect.objectContaining({
        path: ['body', 'operatorOrganisations', 0, 'orgnr'],
        message: 'The check digit is wrong: with these first eight digits the last digit must be 5.',
      }),
    ]);
  });

  it('an organisation number that is not nine digits', async () => {
    expect(await refuse(withOperator({ orgnr: '12345' }))).toEqual([
      expect.objectContaining({
        path: ['body', 'operatorOrganisations', 0, 'orgnr'],
        message: 'An organisation number has exactly nine digits.',
      }),
    ]);
  });

  it('the same operator twice, naming where it was first', async () => {
    const [innovasjon, siva] = DEMO_OPERATORS;
    const errors = await refuse({
      ...buildProgramme(),
      operatorOrganisations: [innovasjon, siva, { ...innovasjon, orgnr: '986 399 445' }],
    });
    expect(errors).toEqual([
      expect.objectContaining({
        path: ['body', 'operatorOrganisations', 2, 'orgnr'],
        message: 'the operator 986399445 is already listed as number 1',
      }),
    ]);
  });

  it('no operator at all', async () => {
    expect(await refuse({ ...buildProgramme(), operatorOrganisations: [] })).toEqual([
      expect.objectContaining({
        path: ['body', 'operatorOrganisations'],
        message: 'must name at least one operator',
      }),
    ]);
  });

  it('an operator without a name', async () => {
    expect(await refuse(withOperator({ name: '  ' }))).toEqual([
      expect.objectContaining({
        path: ['body', 'operatorOrganisations', 0, 'name'],
        message: 'must not be empty',
      }),
    ]);
  });

  it('a press contact without a name, and one whose address is not an address', async () => {
    const errors = await refuse(
      withOperator({ pressContact: { name: '', email: 'not-an-address', phone: 'call me' } }),
    );
    expect(errors.map((error) => error.path.join('.'))).toEqual([
      'body.operatorOrganisations.0.pressContact.name',
      'body.operatorOrganisations.0.pressContact.email',
      'body.operatorOrganisations.0.pressContact.phone',
    ]);
    expect(errors[1]!.message).toBe('must be an e-mail address');
  });

  it('a cap on operating aid below one year', async () => {
    expect(await refuse({ ...buildProgramme(), operatingAidCapYears: 0 })).toEqual([
      expect.objectContaining({ path: ['body', 'operatingAidCapYears'], message: 'must be at least 1 year' }),
    ]);
  });

  it('a name left empty in one language', async () => {
    expect(await refuse({ ...buildProgramme(), name: { nb: 'Klyngeprogrammet', en: '' } })).toEqual([
      expect.objectContaining({ path: ['body', 'name', 'en'], message: 'must not be empty' }),
    ]);
  });

  it('the same brand twice', async () => {
    const [nce] = buildProgramme().brands;
    expect(await refuse({ ...buildProgramme(), brands: [nce, nce] })).toEqual([
      expect.objectContaining({
        path: ['body', 'brands', 1, 'code'],
        message: 'the brand nce is already listed as number 1',
      }),
    ]);
  });
});

describe('the levels', () => {
  const ARENA_PLUS = {
    code: 'mature_project',
    name: { nb: 'Modne klynger', en: 'Mature clusters' },
    durationYears: 3,
    openFromYear: 2023,
    operatingAid: false,
  };

  it('are not there before the programme: listing and adding answer 404', async () => {
    expect((await asAdmin('/api/programme/levels')).status).toBe(404);
    expect((await t.send('POST', '/api/programme/levels', ARENA_PLUS, { cookie: admin })).status).toBe(404);
    expect(
      (await t.send('PATCH', '/api/programme/levels/arena', { durationYears: 4 }, { cookie: admin })).status,
    ).toBe(404);
  });

  it('are listed for operator admins in order of maturity, with whether each is operating aid', async () => {
    await createProgramme(t.db);
    const { status, body } = await asAdmin('/api/programme/levels');
    expect(status).toBe(200);
    expect(body.total).toBe(7);
    expect(
      body.items.map((level: { code: string; operatingAid: boolean }) => [level.code, level.operatingAid]),
    ).toEqual([
      ['pre_project', false],
      ['hub_node', true],
      ['arena', true],
      ['arena_pro', true],
      ['nce', true],
      ['mature_project', false],
      ['global', true],
    ]);
    expect((await t.get('/api/programme/levels', { headers: { cookie: staff } })).status).toBe(403);
    expect((await t.get('/api/programme/levels')).status).toBe(401);
  });

  it('are added one at a time, in their place among the others, with defaults and an audit event', async () => {
    await put(NEW_PROGRAMME);
    const global = await t.send(
      'POST',
      '/api/programme/levels',
      {
        code: 'global',
        name: { nb: 'GCE', en: 'GCE' },
        durationYears: 10,
        openFromYear: 2014,
        operatingAid: true,
      },
      { cookie: admin },
    );
    expect(global.status).toBe(201);
    expect(global.body).toEqual({
      code: 'global',
      name: { nb: 'GCE', en: 'GCE' },
      description: { nb: '', en: '' },
      durationYears: 10,
      extensionYears: 0,
      openFromYear: 2014,
      openToYear: null,
      funded: true,
      operatingAid: true,
      activeClusters: 0,
    });
    const arena = { code: 'arena', name: { nb: 'Arena', en: 'Arena' }, durationYears: 3, extensionYears: 2 };
    expect(
      (
        await t.send(
          'POST',
          '/api/programme/levels',
          { ...arena, openFromYear: 2002, operatingAid: true },
          { cookie: admin },
        )
      ).status,
    ).toBe(201);
    const programme = await t.get('/api/programme');
    expect(programme.body.levels.map((level: { code: string }) => level.code)).toEqual(['arena', 'global']);
    expect(
      (await trail(['level'])).map((event) => [event.action, (event.after as { code: string }).code]),
    ).toEqual([
      ['level.created', 'global'],
      ['level.created', 'arena'],
    ]);
  });

  it('refuse a level the programme has, a code Klynge does not know, and bad numbers, field by field', async () => {
    await createProgramme(t.db);
    const add = (body: object) => t.send('POST', '/api/programme/levels', body, { cookie: admin });
    const arena = {
      code: 'arena',
      name: { nb: 'Arena', en: 'Arena' },
      durationYears: 3,
      openFromYear: 2002,
      operatingAid: true,
    };
    const duplicate = await add(arena);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.detail).toBe('The programme already has the level arena; change it instead.');

    const unknown = await add({ ...arena, code: 'champions' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: ['body', 'code'] })]);

    const short = await add({ ...arena, code: 'mature_project', durationYears: 0 });
    expect(short.body.errors).toEqual([
      expect.objectContaining({ path: ['body', 'durationYears'], message: 'must be at least 1 year' }),
    ]);

    const backwards = await add({ ...arena, code: 'mature_project', openFromYear: 2023, openToYear: 2020 });
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors).toEqual([
      expect.objectContaining({
        path: ['body', 'openToYear'],
        message: 'must not be before the year the level opened (2023)',
      }),
    ]);
    expect(await trail()).toEqual([]);
  });

  it('are changed by code, recording only the fields that change', async () => {
    const programme = await createProgramme(t.db);
    const patch = (body: object) => t.send('PATCH', '/api/programme/levels/arena', body, { cookie: admin });
    const { status, body } = await patch({
      durationYears: 4,
      extensionYears: 2,
      name: { nb: 'Arena', en: 'Arena' },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: 'arena', durationYears: 4, extensionYears: 2 });
    const [row] = await t.db
      .select()
      .from(levels)
      .where(and(eq(levels.programmeId, programme.id), eq(levels.code, 'arena')));
    expect(row?.durationYears).toBe(4);

    const events = await trail(['level']);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'level.updated',
      actorName: adminName,
      before: { code: 'arena', durationYears: 3 },
      after: { code: 'arena', durationYears: 4 },
    });

    expect((await patch({ durationYears: 4 })).status).toBe(200);
    expect(await trail(['level'])).toHaveLength(1);
  });

  it('refuse a change to a level the programme lacks, or that does not fit, and change nothing', async () => {
    const programme = await createProgramme(t.db);
    const patch = (code: string, body: object) =>
      t.send('PATCH', `/api/programme/levels/${code}`, body, { cookie: admin });

    await t.db
      .delete(levels)
      .where(and(eq(levels.programmeId, programme.id), eq(levels.code, 'mature_project')));
    expect((await patch('mature_project', { durationYears: 2 })).status).toBe(404);

    const unknown = await patch('champions', { durationYears: 2 });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: ['param', 'code'] })]);

    // NCE was open 2006–2018: a later start would pass its end.
    const late = await patch('nce', { openFromYear: 2020 });
    expect(late.status).toBe(422);
    expect(late.body.errors).toEqual([
      expect.objectContaining({
        path: ['body', 'openFromYear'],
        message: 'must not be after the year the level closed (2018)',
      }),
    ]);
    const early = await patch('nce', { openToYear: 2005 });
    expect(early.body.errors).toEqual([
      expect.objectContaining({
        path: ['body', 'openToYear'],
        message: 'must not be before the year the level opened (2006)',
      }),
    ]);
    expect((await patch('nce', { durationYears: 0 })).body.errors).toEqual([
      expect.objectContaining({ path: ['body', 'durationYears'], message: 'must be at least 1 year' }),
    ]);
    expect((await patch('nce', {})).status).toBe(422);
    expect((await patch('nce', { code: 'global' })).status).toBe(422);
    expect(
      (await t.send('PATCH', '/api/programme/levels/nce', { durationYears: 2 }, { cookie: staff })).status,
    ).toBe(403);

    const nce = (await t.get('/api/programme')).body.levels.find(
      (level: { code: string }) => level.code === 'nce',
    );
    expect(nce).toMatchObject({ openFromYear: 2006, openToYear: 2018, durationYears: 10 });
    expect(await trail(['level'])).toEqual([]);
  });
});
