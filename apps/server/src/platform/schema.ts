/** Platform tables: the tenant (district), accounts, sessions, audit log, idempotency keys, policy versions, notifications, the outbox and the indicator rollup. */
import { DEFAULT_TIME_ZONE } from '@shuangjian/policy';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Column helpers every module's tables use. */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** The tenant key: first column of every tenant table and of its primary key. */
/** A date column read and written as a `LocalDate` string (YYYY-MM-DD). */
export const localDate = (name: string) => date(name, { mode: 'string' });
/** Money columns: integer fen, read as numbers (safe up to 2^53 fen); convert with fromDbBigint where typed Fen. */
export const fenColumn = (name: string) => bigint(name, { mode: 'number' });
export const districtKey = () => uuid('district_id').notNull().references(() => districts.id);

/** The tenant: every other table carries district_id and leads its keys with it. */
export const districts = pgTable('districts', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull().default(DEFAULT_TIME_ZONE),
  /** Demo district: the sign-in page lists its demo accounts. */
  demo: boolean('demo').notNull().default(false),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    username: text('username').notNull(),
    phone: text('phone'),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    failedAttempts: smallint('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    uniqueIndex('users_id_uq').on(t.id),
    uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
    uniqueIndex('users_phone_uq').on(t.phone),
  ],
);

/** Server-side sessions: the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    districtId: uuid('district_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete('cascade'),
    index('sessions_user_idx').on(t.districtId, t.userId),
  ],
);

/** Append-only: a trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE. */
/**
 * The audit log's columns, shared by the live table and its archive. Writers fill everything but the chain; the
 * chaining step (platform/audit-chain.ts) then sets seq (the row's place in its district's chain), prev_hash and hash,
 * once: from then on a trigger refuses any change of the row.
 */
const auditColumns = () => ({
  districtId: uuid('district_id').notNull(),
  id: bigint('id', { mode: 'number' }).notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name').notNull(),
  actorRoles: text('actor_roles').array().notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  ip: text('ip'),
  requestId: text('request_id'),
  seq: bigint('seq', { mode: 'number' }),
  prevHash: text('prev_hash'),
  hash: text('hash'),
});

export const auditLog = pgTable(
  'audit_log',
  {
    ...auditColumns(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    index('audit_log_at_idx').on(t.districtId, t.at),
    index('audit_log_entity_idx').on(t.districtId, t.entity, t.entityId),
    index('audit_log_actor_idx').on(t.districtId, t.actorId, t.at),
    index('audit_log_seq_idx').on(t.districtId, t.seq),
    index('audit_log_unchained_idx').on(t.districtId, t.id).where(sql`hash is null`),
  ],
);

/** Audit rows past the retention period, moved here with their chain intact (never deleted); append-only too. */
export const auditLogArchive = pgTable(
  'audit_log_archive',
  auditColumns(),
  (t) => [primaryKey({ columns: [t.districtId, t.id] }), index('audit_log_archive_seq_idx').on(t.districtId, t.seq), index('audit_log_archive_at_idx').on(t.districtId, t.at)],
);

/** Each district's last chain verification (npm run audit:verify or the auditor's page). */
export const auditChainStatus = pgTable('audit_chain_status', {
  districtId: uuid('district_id').primaryKey(),
  verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull(),
  ok: boolean('ok').notNull(),
  rowsChecked: integer('rows_checked').notNull(),
  faults: integer('faults').notNull(),
  firstBadSeq: bigint('first_bad_seq', { mode: 'number' }),
  /** The chain's last row when it was last found whole: a later check sees rows cut from the end. */
  headSeq: bigint('head_seq', { mode: 'number' }),
  headHash: text('head_hash'),
});

/** A write sent twice with the same Idempotency-Key is carried out once; the second gets the first answer. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    districtId: uuid('district_id').notNull(),
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    response: text('response'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.userId, t.key] }), index('idempotency_created_idx').on(t.createdAt)],
);

/** Policy as data: each value of a district setting, with the date it takes effect. Rows are never edited. */
export const policyVersions = pgTable(
  'policy_versions',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    reason: text('reason'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.id] }), index('policy_versions_key_idx').on(t.districtId, t.key, t.effectiveFrom)],
);

/** Messages to one person (a teacher whose homework was shortened, say); read from the bell in the header. */
export const notifications = pgTable(
  'notifications',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete('cascade'),
    index('notifications_user_idx').on(t.districtId, t.userId, t.createdAt),
  ],
);

/** The channels a message leaves the platform by: a district SMS gateway, WeChat template messages, DingTalk work notices. */
export const OUTBOX_CHANNELS = ['sms', 'wechat', 'dingtalk'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/**
 * Messages to send outside the platform, written in the transaction of the change they tell of (so none is lost, and
 * none goes out for a change that rolled back); the dispatcher sends the due ones, retries with backoff and marks a
 * row failed after the last attempt. While a row is being sent, next_attempt_at holds its lease.
 */
export const outbox = pgTable(
  'outbox',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    channel: text('channel', { enum: OUTBOX_CHANNELS }).notNull(),
    /** A mobile number (sms), a WeChat openid or a DingTalk userid. */
    address: text('address').notNull(),
    /** The account told, when the address belongs to one (a guardian's phone may have none). */
    userId: uuid('user_id'),
    kind: text('kind').notNull(),
    /** The channel's template for the kind, resolved when the row was written. */
    template: text('template').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    text: text('text').notNull(),
    link: text('link'),
    status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
    attempts: smallint('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete('cascade'),
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('outbox_created_idx').on(t.createdAt),
  ],
);

/**
 * Where an account receives messages outside the platform besides a phone: the openid of the district's WeChat
 * official account, or the DingTalk userid of a member of staff. Written by the binding integration.
 */
export const userChannels = pgTable(
  'user_channels',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    channel: text('channel', { enum: ['wechat', 'dingtalk'] }).notNull(),
    address: text('address').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete('cascade'),
    uniqueIndex('user_channels_user_uq').on(t.districtId, t.userId, t.channel),
  ],
);

/**
 * The indicator rollup dashboards read (platform/indicators.ts): one figure as numerator and denominator per
 * indicator ('<module>.<area>.<name>'), period ('week:2026-11-23', 'semester:<id>', 'month:2026-11', 'day:2026-11-26')
 * and scope (a class, or a school when class_id is null; scope_id is the one of the two). Modules write their figures
 * in the transaction that changes the records behind them, or refresh them set-based from a job.
 */
export const indicatorRollups = pgTable(
  'indicator_rollups',
  {
    districtId: districtKey(),
    indicator: text('indicator').notNull(),
    period: text('period').notNull(),
    scopeId: uuid('scope_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id'),
    num: bigint('num', { mode: 'number' }).notNull().default(0),
    den: bigint('den', { mode: 'number' }).notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.indicator, t.period, t.scopeId] }),
    index('indicator_rollups_school_idx').on(t.districtId, t.schoolId, t.period),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Files people attach to a module's records (platform/attachments.ts): uploaded first (owner_id null), then claimed by
 * the record they belong to (owner kind + owner id). Kept in the database so both drivers hold everything.
 */
export const attachments = pgTable(
  'attachments',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    /** The module's kind of owner ('five-managements.selfcheck'); the kind's reader decides who may download. */
    ownerKind: text('owner_kind').notNull(),
    ownerId: uuid('owner_id'),
    uploadedBy: uuid('uploaded_by').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.uploadedBy], foreignColumns: [users.districtId, users.id] }),
    index('attachments_owner_idx').on(t.districtId, t.ownerKind, t.ownerId),
  ],
);

/**
 * One run of a scheduled job (platform/jobs.ts), on whichever server ran it: the operator's page lists them, and the
 * two-server test counts them (one first attempt per job and due time). Platform-wide, not a tenant's: a job serves
 * every district in turn. `error` may quote any district's data, so the page shows a failure's id, never its error;
 * the failure's log line carries the same id (`runId`). Kept 30 days.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    job: text('job').notNull(),
    /** The time the run was due (the schedule's tick), the same on every server. */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    attempt: smallint('attempt').notNull(),
    /** host:pid of the server that ran it. */
    server: text('server').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    /** What the job reports it did (rows, messages, districts). */
    result: integer('result'),
    error: text('error'),
  },
  (t) => [index('job_runs_job_idx').on(t.job, t.startedAt), index('job_runs_started_idx').on(t.startedAt)],
);
