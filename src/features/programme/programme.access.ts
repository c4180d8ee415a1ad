import { defineAccessRows, EVERYONE } from '../../testing/access-matrix';

export const programmeAccess = defineAccessRows({
  rows: () => ({
    'get /api/programme': {
      success: 200,
      in: { on: 'the programme (public)', allow: EVERYONE, request: () => ({}) },
    },
  }),
});
