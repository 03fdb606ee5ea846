/** The second factor (TOTP, RFC 6238): each account's secret, its recovery codes, and each session's sign-in stage. */
import { bigint, boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sessions, users } from '../schema';

/** One row per account that has enrolled, is enrolling, or is a demo account (exempt). */
export const secondFactors = pgTable(
  'second_factors',
  {
    districtId: uuid('district_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** The confirmed secret (base32), sealed with the data key when the server has one (`enc1:`), else `plain:`. */
    secret: text('secret'),
    /** A secret shown for scanning and not yet confirmed by a first code. */
    pendingSecret: text('pending_secret'),
    enabledAt: timestamp('enabled_at', { withTimezone: true }),
    /** The last time step whose code was accepted: a code is good once (RFC 6238 §5.2). */
    lastStep: bigint('last_step', { mode: 'number' }),
    /** Demo accounts only (the demo seed sets it); the server ignores it unless it runs in demo mode (DEMO=1). */
    exempt: boolean('exempt').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.userId] }),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete('cascade'),
  ],
);

/** One-time recovery codes: only their SHA-256 is kept (each code carries 60 random bits). */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete('cascade'),
    index('recovery_codes_user_idx').on(t.districtId, t.userId),
  ],
);

/**
 * A session's second-factor state. No row: a full session that has not stepped up. stage 'code': the password was right
 * and the code is awaited (only the code can be sent); 'enrol': the role needs a factor and none is enrolled (only
 * enrolment is open). step_up_at: when the code was last entered in this session (sensitive actions need it recent).
 */
export const sessionFactors = pgTable('session_factors', {
  tokenHash: text('token_hash')
    .primaryKey()
    .references(() => sessions.tokenHash, { onDelete: 'cascade' }),
  stage: text('stage', { enum: ['full', 'code', 'enrol'] }).notNull(),
  stepUpAt: timestamp('step_up_at', { withTimezone: true }),
});

/**
 * Sign-in names that match no account fail and lock like real ones, here where every server sees them (a lock held
 * by one server alone would tell a guesser which names exist). Platform-wide, as the username a sign-in looks up is:
 * a name that matches nothing belongs to no district. Only the SHA-256 of the lower-cased name is kept; rows go a
 * day after their last failure (housekeeping).
 */
export const phantomLockouts = pgTable('auth_phantom_lockouts', {
  nameHash: text('name_hash').primaryKey(),
  failures: integer('failures').notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
