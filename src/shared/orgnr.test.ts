import { describe, expect, it } from 'vitest';
import { checkOrgnr, formatOrgnr, isValidOrgnr, orgnrCheckDigit } from './orgnr';

describe('organisation numbers', () => {
  it('accepts real numbers from Enhetsregisteret', () => {
    for (const orgnr of ['923609016', '976030788', '971497017', '988879134'])
      expect(isValidOrgnr(orgnr)).toBe(true);
  });

  it('computes the mod-11 check digit with weights 3 2 7 6 5 4 3 2', () => {
    // 9·3 + 2·2 + 3·7 + 6·6 + 0·5 + 9·4 + 0·3 + 1·2 = 126; 126 mod 11 = 5; 11 − 5 = 6
    expect(orgnrCheckDigit('92360901')).toBe(6);
  });

  it('gives check digit 0 when the remainder is 0', () => {
    // 1·3 + 0 + … + 4·2 = 11
    expect(orgnrCheckDigit('10000004')).toBe(0);
    expect(isValidOrgnr('100000040')).toBe(true);
  });

  it('treats remainder 1 as a stem that can never be a number', () => {
    // 2·3 + 0 + … + 3·2 = 12; 12 mod 11 = 1
    expect(orgnrCheckDigit('20000003')).toBeUndefined();
    const check = checkOrgnr('200000030');
    expect(check).toMatchObject({ ok: false, problem: 'bad_check_digit' });
    expect(check.ok ? '' : check.message).toMatch(/would be 10/);
  });

  it('says which check digit was expected', () => {
    expect(checkOrgnr('923609017')).toEqual({
      ok: false,
      problem: 'bad_check_digit',
      message: 'The check digit is wrong: with these first eight digits the last digit must be 6.',
    });
  });

  it('rejects anything that is not nine digits', () => {
    for (const input of ['', '12345678', '1234567890', '92360901a', '-23609016']) {
      expect(checkOrgnr(input)).toMatchObject({ ok: false, problem: 'not_nine_digits' });
    }
  });

  it('accepts the spaced form people write, and formats that way', () => {
    expect(checkOrgnr('923 609 016')).toEqual({ ok: true, orgnr: '923609016' });
    expect(formatOrgnr('923609016')).toBe('923 609 016');
  });
});
