/** Account password rule (等保 2.0 身份鉴别): at least 8 characters using at least 3 of the 4 character classes. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MIN_CLASSES = 3;

export type PasswordProblem = 'too_short' | 'too_few_classes' | 'too_long';

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

export function checkPassword(password: string): PasswordCheck {
  const classes = passwordClasses(password);
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (password.length > 128) problems.push('too_long');
  if (classes < PASSWORD_MIN_CLASSES) problems.push('too_few_classes');
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
  'zh-CN': `密码至少 ${PASSWORD_MIN_LENGTH} 位，且包含小写字母、大写字母、数字、符号中的至少 ${PASSWORD_MIN_CLASSES} 类`,
  en: `At least ${PASSWORD_MIN_LENGTH} characters using ${PASSWORD_MIN_CLASSES} of: lower case, upper case, digits, symbols`,
} as const;
