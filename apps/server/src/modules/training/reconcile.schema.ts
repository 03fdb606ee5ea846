/**
 * 校外培训监管: bank reconciliation tables. A statement import is one file of the custody bank for one institution's
 * custody account over a period (its SHA-256 unique per district: the same file is never imported twice); its lines
 * keep what the bank said and how each stands against the ledger; the gaps are the ledger's transfers of the period
 * the bank did not show. A re-run after the ledger changed rewrites the match columns and the gaps, never the lines.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { STATEMENT_DIRECTIONS, STATEMENT_MATCH_STATUSES, TRANSFER_KINDS } from '@shuangjian/contracts';
import { defineScope } from '../../platform/access';
import { createdAt, districtKey, fenColumn, localDate, users } from '../../platform/schema';
import { institutions } from '../org/schema';
import { trainingTransfers } from './schema';

export const trainingStatementImports = pgTable(
  'training_statement_imports',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    bank: text('bank'),
    periodFrom: localDate('period_from').notNull(),
    periodTo: localDate('period_to').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    lines: integer('lines').notNull(),
    bankInFen: fenColumn('bank_in_fen').notNull(),
    bankOutFen: fenColumn('bank_out_fen').notNull(),
    statementClosingFen: fenColumn('statement_closing_fen'),
    // the last reconciliation's result
    ledgerInFen: fenColumn('ledger_in_fen').notNull().default(0),
    ledgerOutFen: fenColumn('ledger_out_fen').notNull().default(0),
    ledgerClosingFen: fenColumn('ledger_closing_fen').notNull().default(0),
    matched: integer('matched').notNull().default(0),
    amountDiffers: integer('amount_differs').notNull().default(0),
    unmatchedBank: integer('unmatched_bank').notNull().default(0),
    missingBank: integer('missing_bank').notNull().default(0),
    runs: integer('runs').notNull().default(0),
    importedBy: uuid('imported_by').notNull(),
    importedAt: createdAt(),
    reconciledBy: uuid('reconciled_by').notNull(),
    reconciledAt: timestamp('reconciled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    foreignKey({ columns: [t.districtId, t.importedBy], foreignColumns: [users.districtId, users.id] }),
    foreignKey({ columns: [t.districtId, t.reconciledBy], foreignColumns: [users.districtId, users.id] }),
    unique('training_statement_imports_file_uq').on(t.districtId, t.fileSha256),
    index('training_statement_imports_institution_idx').on(t.districtId, t.institutionId, t.periodTo),
    check('training_statement_imports_period_ck', sql`${t.periodFrom} <= ${t.periodTo}`),
  ],
);

export const trainingStatementLines = pgTable(
  'training_statement_lines',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    importId: uuid('import_id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    /** The row a person sees in the file. */
    rowNumber: integer('row_number').notNull(),
    bookedOn: localDate('booked_on').notNull(),
    direction: text('direction', { enum: STATEMENT_DIRECTIONS }).notNull(),
    amountFen: fenColumn('amount_fen').notNull(),
    counterparty: text('counterparty'),
    remark: text('remark'),
    serialNo: text('serial_no').notNull(),
    balanceFen: fenColumn('balance_fen'),
    orderCode: text('order_code'),
    matchStatus: text('match_status', { enum: STATEMENT_MATCH_STATUSES }).notNull(),
    transferId: uuid('transfer_id'),
    transferKind: text('transfer_kind', { enum: TRANSFER_KINDS }),
    ledgerAmountFen: fenColumn('ledger_amount_fen'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.importId], foreignColumns: [trainingStatementImports.districtId, trainingStatementImports.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.transferId], foreignColumns: [trainingTransfers.districtId, trainingTransfers.id] }),
    unique('training_statement_lines_serial_uq').on(t.districtId, t.importId, t.serialNo),
    index('training_statement_lines_import_idx').on(t.districtId, t.importId, t.matchStatus),
    check('training_statement_lines_amount_ck', sql`${t.amountFen} > 0`),
  ],
);

export const trainingStatementGaps = pgTable(
  'training_statement_gaps',
  {
    districtId: districtKey(),
    importId: uuid('import_id').notNull(),
    transferId: uuid('transfer_id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    bookedOn: localDate('booked_on').notNull(),
    kind: text('kind', { enum: TRANSFER_KINDS }).notNull(),
    direction: text('direction', { enum: STATEMENT_DIRECTIONS }).notNull(),
    amountFen: fenColumn('amount_fen').notNull(),
    orderId: uuid('order_id'),
    orderCode: text('order_code'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.importId, t.transferId] }),
    foreignKey({ columns: [t.districtId, t.importId], foreignColumns: [trainingStatementImports.districtId, trainingStatementImports.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.transferId], foreignColumns: [trainingTransfers.districtId, trainingTransfers.id] }),
  ],
);

for (const table of [trainingStatementImports, trainingStatementLines, trainingStatementGaps])
  defineScope(table, { district: table.districtId, zone: table.zoneId, institution: table.institutionId });
