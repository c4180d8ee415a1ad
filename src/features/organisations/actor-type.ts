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

/** Headcount below which each class ends, smallest first; anything above is 'large'. */
export const SIZE_LIMITS: readonly { size: SizeClass; below: number }[] = [
  { size: 'micro', below: 10 },
  { size: 'small', below: 50 },
  { size: 'medium', below: LARGE_COMPANY_EMPLOYEES },
];

export function sizeClass(employees: number | null): SizeClass {
  if (employees === null) return 'unknown';
  return SIZE_LIMITS.find((limit) => employees < limit.below)?.size ?? 'large';
}
