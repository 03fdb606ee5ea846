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
});
export type Me = z.infer<typeof Me>;

export const LoginResult = z.object({ mustChangePassword: z.boolean(), me: Me });

export const DemoAccount = z.object({ username: z.string(), role: Role, name: z.string(), password: z.string() });
export const DemoAccounts = z.object({ accounts: z.array(DemoAccount) });
