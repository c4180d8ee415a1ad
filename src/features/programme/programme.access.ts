import { CALLERS, defineAccessRows, EVERYONE, type MatrixFixture } from '../../testing/access-matrix';
import type { TestResponse } from '../../testing/harness';
import { deleteUnusedLevel, findFirstProgramme } from './programme.queries';
import { buildProgramme } from './programme.seed';
import { NIC_LEVELS } from './programme.templates';

/** The level the setup removes, so that adding it can succeed once. */
const FREED = NIC_LEVELS.find((level) => level.code === 'mature_project')!;

const holdsPressContacts = (response: TestResponse) =>
  (response.body.operatorOrganisations as { pressContact?: unknown }[]).some(
    (operator) => operator.pressContact,
  );

/** Removes the level again, so that each caller who may add it adds it anew. */
async function freeLevel(m: MatrixFixture): Promise<void> {
  const programme = await findFirstProgramme(m.t.db);
  await deleteUnusedLevel(m.t.db, programme!.id, FREED.code);
}

export const programmeAccess = defineAccessRows({
  setup: freeLevel,
  rows: (m) => ({
    'get /api/programme': {
      success: 200,
      in: { on: 'the programme (public)', allow: EVERYONE, request: () => ({}) },
      also: [
        {
          on: "the operators' press contacts (personal data)",
          allow: ['operator_admin'],
          withheld: CALLERS.filter((who) => who !== 'operator_admin'),
          holds: holdsPressContacts,
          permission: 'programme.manage',
          request: () => ({}),
        },
      ],
    },

    // ── Setting the programme up: operator admins only, programme-wide ─────────────────────────
    // The writes send what the programme already holds: the gate and the policy answer the same,
    // and no case changes what the next one sees.
    'put /api/programme': {
      success: 200,
      in: {
        on: 'the programme (programme-wide)',
        allow: ['operator_admin'],
        request: () => ({ body: buildProgramme() }),
      },
    },
    'get /api/programme/levels': {
      success: 200,
      in: { on: "the programme's levels (programme-wide)", allow: ['operator_admin'], request: () => ({}) },
    },
    'post /api/programme/levels': {
      success: 201,
      in: {
        on: 'a level the programme lacks (programme-wide)',
        allow: ['operator_admin'],
        request: async () => {
          await freeLevel(m);
          return { body: FREED };
        },
      },
    },
    'patch /api/programme/levels/{code}': {
      success: 200,
      in: {
        on: 'the Arena level (programme-wide)',
        allow: ['operator_admin'],
        request: () => ({ params: { code: 'arena' }, body: { durationYears: 3 } }),
      },
    },
  }),
});
