/** Actor types (aktørtyper) used in partner statistics. Companies are split by size. */
export const ACTOR_TYPES = [
  'sme',
  'large_company',
  'research',
  'education',
  'public_development',
  'financier',
  'interest_organisation',
] as const;

export type ActorType = (typeof ACTOR_TYPES)[number];

/** The EU's line between SMEs and large enterprises, by headcount. */
export const LARGE_COMPANY_EMPLOYEES = 250;

export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large', 'unknown'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export function sizeClass(employees: number | null): SizeClass {
  if (employees === null) return 'unknown';
  if (employees < 10) return 'micro';
  if (employees < 50) return 'small';
  if (employees < LARGE_COMPANY_EMPLOYEES) return 'medium';
  return 'large';
}
