/**
 * Norwegian organisation numbers (organisasjonsnummer) from Enhetsregisteret: nine digits, the last
 * a modulus-11 check digit over the first eight with weights 3 2 7 6 5 4 3 2. A remainder giving
 * check digit 10 means the number can never be issued, so it is invalid rather than "X".
 */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

export type OrgnrProblem = 'not_nine_digits' | 'bad_check_digit';

export type OrgnrCheck = { ok: true; orgnr: string } | { ok: false; problem: OrgnrProblem; message: string };

/** The check digit for an eight-digit stem, or undefined when no valid number has that stem. */
export function orgnrCheckDigit(stem: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(stem[i]) * WEIGHTS[i]!;
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return undefined;
  return 11 - remainder;
}

/** Accepts the common written forms ("923 609 016", "923609016") and says exactly what is wrong. */
export function checkOrgnr(input: string): OrgnrCheck {
  const compact = input.replace(/[\s.]/g, '');
  if (!/^\d{9}$/.test(compact)) {
    return {
      ok: false,
      problem: 'not_nine_digits',
      message: 'An organisation number has exactly nine digits.',
    };
  }
  const expected = orgnrCheckDigit(compact.slice(0, 8));
  if (expected === undefined) {
    return {
      ok: false,
      problem: 'bad_check_digit',
      message: 'No organisation number can start with these eight digits: their check digit would be 10.',
    };
  }
  if (expected !== Number(compact[8])) {
    return {
      ok: false,
      problem: 'bad_check_digit',
      message: `The check digit is wrong: with these first eight digits the last digit must be ${expected}.`,
    };
  }
  return { ok: true, orgnr: compact };
}

export function isValidOrgnr(input: string): boolean {
  return checkOrgnr(input).ok;
}

/** Formats for people: "923 609 016". */
export function formatOrgnr(orgnr: string): string {
  return `${orgnr.slice(0, 3)} ${orgnr.slice(3, 6)} ${orgnr.slice(6)}`;
}
