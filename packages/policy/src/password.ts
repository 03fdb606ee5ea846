/**
 * Account password rule (等保 2.0 身份鉴别): at least 8 characters using at least 3 of the 4 character classes, and not
 * containing the account's username. The server also refuses passwords a guesser tries early (a maintained list of
 * common passwords and a strength estimate: platform/auth/password-strength.ts); the web shows that answer.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CLASSES = 3;

export type PasswordProblem = 'too_short' | 'too_few_classes' | 'too_long' | 'contains_username' | 'common';

export interface PasswordCheck {
  rule: 'account.password';
  ok: boolean;
  minLength: number;
  minClasses: number;
  classes: number;
  problems: PasswordProblem[];
}

export function passwordClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
}

/** The structural part of the rule, the same in the browser and on the server. */
export function checkPassword(password: string, account: { username?: string } = {}): PasswordCheck {
  const classes = passwordClasses(password);
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  if (classes < PASSWORD_MIN_CLASSES) problems.push('too_few_classes');
  const username = account.username?.trim().toLowerCase();
  if (username && username.length >= 3 && password.toLowerCase().includes(username)) problems.push('contains_username');
  return {
    rule: 'account.password',
    ok: problems.length === 0,
    minLength: PASSWORD_MIN_LENGTH,
    minClasses: PASSWORD_MIN_CLASSES,
    classes,
    problems,
  };
}

export const passwordRuleText = {
  'zh-CN': `密码至少 ${PASSWORD_MIN_LENGTH} 位，包含小写字母、大写字母、数字、符号中的至少 ${PASSWORD_MIN_CLASSES} 类，不能包含用户名，不能是常见密码`,
  en: `At least ${PASSWORD_MIN_LENGTH} characters using ${PASSWORD_MIN_CLASSES} of: lower case, upper case, digits, symbols; not containing the username; not a common password`,
} as const;

export const passwordProblemText: Record<PasswordProblem, { 'zh-CN': string; en: string }> = {
  too_short: { 'zh-CN': `少于 ${PASSWORD_MIN_LENGTH} 位`, en: `shorter than ${PASSWORD_MIN_LENGTH} characters` },
  too_long: { 'zh-CN': `超过 ${PASSWORD_MAX_LENGTH} 位`, en: `longer than ${PASSWORD_MAX_LENGTH} characters` },
  too_few_classes: { 'zh-CN': `字符种类少于 ${PASSWORD_MIN_CLASSES} 类`, en: `fewer than ${PASSWORD_MIN_CLASSES} kinds of characters` },
  contains_username: { 'zh-CN': '包含用户名', en: 'contains the username' },
  common: { 'zh-CN': '是常见密码或容易被猜中', en: 'is a common or easily guessed password' },
};
