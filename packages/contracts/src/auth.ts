import { z } from 'zod';
import { Role } from './access';
import { Id, Timestamp } from './common';


export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});

const Named = z.object({ id: Id, name: z.string() });

export const Me = z.object({
  user: z.object({ id: Id, username: z.string(), name: z.string(), phone: z.string().nullable() }),
  district: z.object({ id: Id, name: z.string(), timezone: z.string() }),
  roles: z.array(Role),
  mustChangePassword: z.boolean(),
  schools: z.array(Named.extend({ type: z.string() })),
  /** Classes reached through a class-level role; subjectIds: the subjects the user teaches there. */
  classes: z.array(Named.extend({ schoolId: Id, schoolName: z.string(), className: z.string(), grade: z.number().int(), roles: z.array(Role), subjectIds: z.array(Id) })),
  children: z.array(
    Named.extend({ classId: Id, className: z.string(), schoolId: Id, schoolName: z.string(), grade: z.number().int() }),
  ),
  institutions: z.array(Named),
  session: z.object({ idleMinutes: z.number().int(), expiresAt: Timestamp }),
  /** The second factor: enrolmentRequired = this session may only enrol one (its role needs one and none is enrolled). */
  secondFactor: z.object({ enrolled: z.boolean(), required: z.boolean(), enrolmentRequired: z.boolean() }),
});
export type Me = z.infer<typeof Me>;

export const LoginResult = z.object({ mustChangePassword: z.boolean(), me: Me });

export const DemoAccount = z.object({ username: z.string(), role: Role, name: z.string(), password: z.string() });
export const DemoAccounts = z.object({ accounts: z.array(DemoAccount) });

/** How the sign-in goes on after the password: nothing more, the code of the second factor, or enrolling one first. */
export const SecondFactorStep = z.enum(['none', 'code', 'enrol']);
export type SecondFactorStep = z.infer<typeof SecondFactorStep>;

export const LoginAnswer = z.object({ mustChangePassword: z.boolean(), secondFactor: SecondFactorStep });

/** A TOTP code (6 digits) or a recovery code (xxxx-xxxx-xxxx, dashes and case optional). */
export const SecondFactorCode = z.string().trim().min(6).max(20);
export const SecondFactorCodeBody = z.object({ code: SecondFactorCode });

/** The signed-in person's second factor. */
export const SecondFactorStatus = z.object({
  enrolled: z.boolean(),
  enrolledAt: Timestamp.nullable(),
  /** The person's role needs one (a parent or teacher may opt in). */
  required: z.boolean(),
  /** A demo account that may sign in without one (only while the server runs in demo mode). */
  exempt: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  /** Until when a sensitive action goes through without re-entering the code. */
  stepUpUntil: Timestamp.nullable(),
  stepUpMinutes: z.number().int(),
});
export type SecondFactorStatus = z.infer<typeof SecondFactorStatus>;

/** A new secret to scan: shown once, confirmed by a first code. */
export const SecondFactorEnrolment = z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string(), issuer: z.string(), label: z.string() });
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });

/** 系统管理员's account list. */
export const AccountQuery = z.object({
  q: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const AccountRow = z.object({
  id: Id,
  username: z.string(),
  name: z.string(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  roles: z.array(Role),
  secondFactor: z.boolean(),
  lastLoginAt: Timestamp.nullable(),
});
export const AccountList = z.object({ items: z.array(AccountRow), total: z.number().int() });
export const AccountPatch = z.object({ status: z.enum(['active', 'disabled']) });
export const AccountCredential = z.object({ name: z.string(), username: z.string(), initialPassword: z.string() });

/** 安全管理员's grants: district-level role assignments. */
export const GrantInput = z.object({ userId: Id, role: Role, zoneId: Id.nullish() });
export const GrantQuery = z.object({ q: z.string().trim().max(64).optional() });
export const GrantHolder = z.object({
  id: Id,
  username: z.string(),
  name: z.string(),
  assignments: z.array(z.object({ id: Id, role: Role, zoneId: Id.nullable(), schoolId: Id.nullable(), institutionId: Id.nullable() })),
});
export const GrantList = z.object({ items: z.array(GrantHolder) });

/** The running settings the 系统管理员 reads and the security policy the 安全管理员 reads. */
export const SystemSettings = z.object({
  demo: z.boolean(),
  lockout: z.object({ attempts: z.number().int(), minutes: z.number().int() }),
  session: z.object({ idleMinutes: z.number().int(), absoluteHours: z.number().int() }),
  loginRateMax: z.number().int(),
  secondFactor: z.object({ roles: z.array(Role), stepUpMinutes: z.number().int(), secretsSealed: z.boolean(), stepUpActions: z.array(z.string()) }),
  dataDir: z.string().nullable(),
  database: z.enum(['pglite', 'postgresql']),
});
