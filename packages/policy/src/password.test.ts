import { describe, expect, it } from 'vitest';
import { checkPassword, passwordClasses } from './password';

describe('account.password rule: ≥ 8 characters, ≥ 3 of 4 classes', () => {
  it.each([
    ['Demo#2026', true],
    ['abcdEF12', true],
    ['abcd1234!', true],
    ['ABCD1234!', true],
    ['abcdefgh', false],
    ['abcd1234', false],
    ['Ab1!', false],
    ['Abc1!xy', false],
    ['ABCDEFGH12', false],
  ])('%s → ok=%s', (pw, ok) => {
    expect(checkPassword(pw).ok).toBe(ok);
  });

  it('names each problem', () => {
    expect(checkPassword('ab1').problems).toEqual(['too_short', 'too_few_classes']);
    expect(checkPassword('abcdefgh').problems).toEqual(['too_few_classes']);
    expect(checkPassword('Abc1!xy').problems).toEqual(['too_short']);
    expect(checkPassword('A1!' + 'a'.repeat(200)).problems).toEqual(['too_long']);
  });

  it('refuses a password that contains the username, in any case', () => {
    expect(checkPassword('Zhangwei#2026', { username: 'zhangwei' }).problems).toEqual(['contains_username']);
    expect(checkPassword('xZHANGWEIx#1', { username: 'ZhangWei' }).problems).toEqual(['contains_username']);
    expect(checkPassword('Li#Mima2026', { username: 'li' }).ok).toBe(true); // too short a name to mean anything
    expect(checkPassword('Better#2026', { username: 'zhangwei' }).ok).toBe(true);
  });

  it('counts classes', () => {
    expect(passwordClasses('')).toBe(0);
    expect(passwordClasses('a')).toBe(1);
    expect(passwordClasses('aA')).toBe(2);
    expect(passwordClasses('aA1')).toBe(3);
    expect(passwordClasses('aA1 ')).toBe(4);
    expect(passwordClasses('密码aA1')).toBe(4);
  });
});
