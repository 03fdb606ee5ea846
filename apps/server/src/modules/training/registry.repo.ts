/** The registry area's loaders and row → answer mappers, shared by its services. */
import type { RegistryCourse, RegistryMaterial, RegistryPackage, RegistryProfile, RegistryStaff, RegistryVenue, TrainingRuleFinding } from '@shuangjian/contracts';
import { SUBJECT_SUBTYPES, type TrainingSubtype } from '@shuangjian/contracts';
import { maskPhone } from '@shuangjian/policy';
import { and, eq } from 'drizzle-orm';
import { allows, type Ctx, requirePermission } from '../../platform/access';
import type { Queryable } from '../../platform/db';
import { AppError, conflict, notFound } from '../../platform/errors';
import { getInstitution, roleHolders } from '../org';
import { trainingMaterials, trainingStaff, trainingVenues } from './registry.schema';
import { trainingCourses, trainingPackages, trainingProfiles } from './schema';

export type Institution = Awaited<ReturnType<typeof getInstitution>>;
export type ProfileRow = typeof trainingProfiles.$inferSelect;
export type Permission = 'training.read' | 'training.file' | 'training.review';

export const keysOf = (ctx: Ctx, i: Pick<Institution, 'id' | 'zoneId'>) => ({ districtId: ctx.user.districtId, zone: i.zoneId, institution: i.id });

/**
 * The institution the caller reaches under `permission`: a foreign or unknown id is the same 404; a role without the
 * permission at all is a 403.
 */
export async function reachInstitution(ctx: Ctx, institutionId: string, permission: Permission): Promise<Institution> {
  requirePermission(ctx, permission);
  let inst: Institution;
  try {
    inst = await getInstitution(ctx, institutionId);
  } catch (err) {
    if (err instanceof AppError && err.status === 404) throw notFound('机构');
    throw err;
  }
  if (!allows(ctx, 'training.read', keysOf(ctx, inst))) throw notFound('机构');
  if (permission !== 'training.read' && !allows(ctx, permission, keysOf(ctx, inst))) throw new AppError(403, 'FORBIDDEN', '无权修改该机构的备案');
  return inst;
}

/** Whether the caller sees the institution's phone numbers in full (the institution itself). */
export const seesPhones = (ctx: Ctx, inst: Pick<Institution, 'id' | 'zoneId'>) => allows(ctx, 'training.file', keysOf(ctx, inst));

export const categoryOf = (subtype: TrainingSubtype): 'subject' | 'non_subject' => (SUBJECT_SUBTYPES.includes(subtype) ? 'subject' : 'non_subject');

export async function profileRow(q: Queryable, districtId: string, institutionId: string): Promise<ProfileRow | null> {
  const [row] = await q.select().from(trainingProfiles).where(and(eq(trainingProfiles.districtId, districtId), eq(trainingProfiles.institutionId, institutionId)));
  return row ?? null;
}

/** The registry file's row, created as a draft the first time the institution writes to it. */
export async function ensureProfile(q: Queryable, inst: Institution, districtId: string): Promise<ProfileRow> {
  const row = await profileRow(q, districtId, inst.id);
  if (row) return row;
  const [created] = await q
    .insert(trainingProfiles)
    .values({ districtId, institutionId: inst.id, zoneId: inst.zoneId, legalForm: inst.category === 'subject' ? 'non_profit' : 'for_profit' })
    .returning();
  return created!;
}

/** Filings an institution may change: drafts and what the district sent back. */
export function editable(status: string, what: string): void {
  if (status !== 'draft' && status !== 'returned') throw conflict(`${what}已提交或已备案，不能修改`);
}

export function profileOut(inst: Institution, row: ProfileRow | null, fullPhones: boolean): RegistryProfile {
  return {
    institutionId: inst.id,
    institutionName: inst.name,
    licenseNo: inst.licenseNo,
    category: inst.category,
    field: inst.field,
    zoneId: inst.zoneId,
    zoneName: inst.zoneName,
    address: inst.address,
    status: inst.status,
    listStatus: inst.listStatus,
    legalForm: row?.legalForm ?? (inst.category === 'subject' ? 'non_profit' : 'for_profit'),
    licenseIssuer: row?.licenseIssuer ?? null,
    licenseValidUntil: row?.licenseValidUntil ?? null,
    legalPerson: row?.legalPerson ?? null,
    contactPhone: row?.contactPhone ? (fullPhones ? row.contactPhone : maskPhone(row.contactPhone)) : null,
    custodyMode: row?.custodyMode ?? 'custody',
    custodyBank: row?.custodyBank ?? null,
    custodyAccountNo: row?.custodyAccountNo ?? null,
    filingStatus: row?.filingStatus ?? 'draft',
    submittedAt: row?.submittedAt?.toISOString() ?? null,
    reviewedAt: row?.reviewedAt?.toISOString() ?? null,
    reviewNote: row?.reviewNote ?? null,
  };
}

export const venueOut = (r: typeof trainingVenues.$inferSelect): RegistryVenue => ({
  id: r.id, institutionId: r.institutionId, address: r.address, areaSqm: r.areaSqm, capacity: r.capacity, fireCertificateNo: r.fireCertificateNo, status: r.status,
});

export const staffOut = (r: typeof trainingStaff.$inferSelect, fullPhones: boolean): RegistryStaff => ({
  id: r.id,
  institutionId: r.institutionId,
  name: r.name,
  role: r.role,
  subtype: r.subtype,
  qualification: r.qualification,
  certificateNo: r.certificateNo,
  phone: r.phone ? (fullPhones ? r.phone : maskPhone(r.phone)) : null,
  backgroundCheck: r.backgroundCheck,
  backgroundCheckedOn: r.backgroundCheckedOn,
  status: r.status,
});

export const materialOut = (r: typeof trainingMaterials.$inferSelect): RegistryMaterial => ({
  id: r.id, institutionId: r.institutionId, title: r.title, subtype: r.subtype, gradeRange: r.grades, publisher: r.publisher, author: r.author, status: r.status, reviewNote: r.reviewNote,
});

export const courseOut = (r: typeof trainingCourses.$inferSelect): RegistryCourse => ({
  id: r.id,
  institutionId: r.institutionId,
  name: r.name,
  subtype: r.subtype,
  category: r.category,
  mode: r.mode,
  lessonMinutes: r.lessonMinutes,
  maxClassSize: r.maxClassSize,
  pricePerLessonFen: r.pricePerLessonFen,
  gradeRange: r.grades,
  description: r.description,
  status: r.status,
  findings: r.findings as TrainingRuleFinding[],
  reviewNote: r.reviewNote,
});

export const packageOut = (r: typeof trainingPackages.$inferSelect, courseName: string): RegistryPackage => ({
  id: r.id,
  institutionId: r.institutionId,
  courseId: r.courseId,
  courseName,
  name: r.name,
  lessons: r.lessons,
  months: r.months,
  priceFen: r.priceFen,
  status: r.status,
  findings: r.findings as TrainingRuleFinding[],
  reviewNote: r.reviewNote,
});

/** The institution's admins, who hear of every decision on its file. */
export const institutionAdmins = (q: Queryable, districtId: string, institutionId: string) =>
  roleHolders(q, districtId, 'institution_admin', { institutionId });
