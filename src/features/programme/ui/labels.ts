import type { KeyOf } from '../../../web/kit/i18n';
import type { LevelCode } from '../levels';
import type { programmeMessages } from './messages';

/** The level codes in their order of maturity, each with its usual name, for a level not yet added. */
export const LEVEL_CODE_LABELS: Record<LevelCode, KeyOf<typeof programmeMessages>> = {
  pre_project: 'code.pre_project',
  hub_node: 'code.hub_node',
  arena: 'code.arena',
  arena_pro: 'code.arena_pro',
  nce: 'code.nce',
  mature_project: 'code.mature_project',
  global: 'code.global',
};
