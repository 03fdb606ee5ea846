/**
 * 校外培训监管 · registry: what an institution files beside its registry file (training_profiles in schema.ts) —
 * venues, staff with qualifications and background checks, training materials the district reviews — and the history
 * of its status (正常/整改/暂停/注销), every change with its reason.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { FILING_STATUSES, TRAINING_SUBTYPES } from '@shuangjian/contracts';
import { defineScope } from '../../platform/access';
import { createdAt, districtKey, localDate, updatedAt } from '../../platform/schema';
import { institutions } from '../org/schema';

/** A training venue (培训场所) with its area, capacity and fire-safety certificate (消防验收/备案). */
export const trainingVenues = pgTable(
  'training_venues',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    address: text('address').notNull(),
    areaSqm: integer('area_sqm').notNull(),
    capacity: integer('capacity').notNull(),
    fireCertificateNo: text('fire_certificate_no'),
    status: text('status', { enum: ['active', 'inactive'] }).notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    index('training_venues_institution_idx').on(t.districtId, t.institutionId),
    check('training_venues_ck', sql`${t.areaSqm} > 0 and ${t.capacity} > 0`),
  ],
);

/**
 * A member of staff. Teaching staff of a 学科类 institution must hold a teacher's certificate (教师资格证): its number is
 * kept, nothing of the person's ID card. The phone is shown masked to everyone but the institution itself.
 */
export const trainingStaff = pgTable(
  'training_staff',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['teacher', 'other'] }).notNull(),
    subtype: text('subtype', { enum: TRAINING_SUBTYPES }),
    qualification: text('qualification'),
    certificateNo: text('certificate_no'),
    phone: text('phone'),
    backgroundCheck: text('background_check', { enum: ['pending', 'passed', 'failed'] }).notNull().default('pending'),
    backgroundCheckedOn: localDate('background_checked_on'),
    status: text('status', { enum: ['active', 'left'] }).notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    index('training_staff_institution_idx').on(t.districtId, t.institutionId),
  ],
);

/** A training material (培训材料) filed for the district's review. */
export const trainingMaterials = pgTable(
  'training_materials',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    title: text('title').notNull(),
    subtype: text('subtype', { enum: TRAINING_SUBTYPES }).notNull(),
    grades: text('grades'),
    publisher: text('publisher'),
    author: text('author'),
    status: text('status', { enum: FILING_STATUSES }).notNull().default('draft'),
    reviewNote: text('review_note'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    index('training_materials_institution_idx').on(t.districtId, t.institutionId),
    index('training_materials_status_idx').on(t.districtId, t.status),
  ],
);

/** Every change of an institution's status or list, with its reason and who made it. */
export const trainingStatusHistory = pgTable(
  'training_status_history',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    fromList: text('from_list').notNull(),
    toList: text('to_list').notNull(),
    reason: text('reason').notNull(),
    byUserId: uuid('by_user_id'),
    byName: text('by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    index('training_status_history_institution_idx').on(t.districtId, t.institutionId, t.at),
  ],
);

defineScope(trainingVenues, { district: trainingVenues.districtId, zone: trainingVenues.zoneId, institution: trainingVenues.institutionId });
defineScope(trainingStaff, { district: trainingStaff.districtId, zone: trainingStaff.zoneId, institution: trainingStaff.institutionId });
defineScope(trainingMaterials, { district: trainingMaterials.districtId, zone: trainingMaterials.zoneId, institution: trainingMaterials.institutionId });
defineScope(trainingStatusHistory, {
  district: trainingStatusHistory.districtId,
  zone: trainingStatusHistory.zoneId,
  institution: trainingStatusHistory.institutionId,
});
