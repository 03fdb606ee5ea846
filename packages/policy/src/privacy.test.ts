import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberBirthDate, idNumberProblem, makeIdNumber, maskAddress, maskIdNumber, maskPhone, normalizeIdNumber } from './index';

describe('居民身份证号 (GB 11643)', () => {
  it('accepts the standard’s example and numbers ending in X, lower-case x normalized', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(idNumberProblem(normalizeIdNumber('11010519491231002x'))).toBeNull();
    expect(idNumberBirthDate('11010519491231002X')).toBe('1949-12-31');
  });

  it('refuses a wrong length, letters, a leading 0, an impossible birth date and a wrong check digit', () => {
    expect(idNumberProblem('1101051949123100')).toBe('format');
    expect(idNumberProblem('11010519491231002XX')).toBe('format');
    expect(idNumberProblem('1101051949123A002X')).toBe('format');
    expect(idNumberProblem('01010519491231002X')).toBe('format');
    expect(idNumberProblem('110105********002X')).toBe('format');
    expect(idNumberProblem(makeIdNumber('140105', '2016-02-30', 12))).toBe('birthDate');
    expect(idNumberProblem('110105194912310021')).toBe('checkDigit');
    expect(idNumberProblem('110105194912310020')).toBe('checkDigit');
  });

  it('every made number is valid and carries its birth date; any other last character is refused', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }), (d, order) => {
        const birth = d.toISOString().slice(0, 10);
        const id = makeIdNumber('140105', birth, order);
        expect(idNumberProblem(id)).toBeNull();
        expect(idNumberBirthDate(id)).toBe(birth);
        for (const c of '0123456789X') if (c !== id[17]) expect(idNumberProblem(id.slice(0, 17) + c)).toBe('checkDigit');
      }),
    );
  });
});

describe('masking', () => {
  it('an ID number keeps its region and last 4', () => {
    expect(maskIdNumber('140105201605121234')).toBe('140105********1234');
    expect(maskIdNumber('12345')).toBe('****');
  });

  it('an address keeps its first 6 characters, a short one at most half', () => {
    expect(maskAddress('小店区平阳路街道长治路128号3号楼2单元501')).toBe('小店区平阳路****');
    expect(maskAddress('长治路8号')).toBe('长治****');
    expect(maskAddress('𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷')).toBe('𠮷𠮷𠮷𠮷****');
  });

  it('a phone as before', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });
});
