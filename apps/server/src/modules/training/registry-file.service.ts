/** 校外培训监管 · registry: an institution's file as it reads and edits it (profile, venues, staff, materials). */
import type { RegistryFile, RegistryInstitution, RegistryMaterialInput, RegistryMaterialPatch, RegistryProfilePatch, RegistryStaffInput, RegistryStaffPatch, RegistryVenueInput, RegistryVenuePatch } from '@shuangjian/contracts';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { allows, type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError, found, invalid } from '../../platform/errors';
import { listInstitutions } from '../org';
import {
  courseOut,
  editable,
  ensureProfile,
  type Institution,
  keysOf,
  materialOut,
  packageOut,
  profileOut,
  profileRow,
  reachInstitution,
  seesPhones,
  staffOut,
  venueOut,
} from './registry.repo';
import { trainingMaterials, trainingStaff, trainingStatusHistory, trainingVenues } from './registry.schema';
import { trainingCourses, trainingPackages, trainingProfiles } from './schema';

const NATIONAL_NON_PROFIT = '《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》：学科类校外培训机构统一登记为非营利性机构';

/** The institutions the caller reaches with their filing state and what waits for review. */
export async function listRegistry(ctx: Ctx): Promise<RegistryInstitution[]> {
  requirePermission(ctx, 'training.read');
  const all = (await listInstitutions(ctx)).filter((i) => allows(ctx, 'training.read', keysOf(ctx, i)));
  const profiles = await ctx.db.select().from(trainingProfiles).where(scoped(ctx, trainingProfiles, 'training.read'));
  const waitingCourses = await ctx.db
    .select({ institutionId: trainingCourses.institutionId, n: sql<number>`count(*) filter (where ${trainingCourses.status} = 'submitted')`, all: sql<number>`count(*)` })
    .from(trainingCourses)
    .where(scoped(ctx, trainingCourses, 'training.read'))
    .groupBy(trainingCourses.institutionId);
  const waitingPackages = await ctx.db
    .select({ institutionId: trainingPackages.institutionId, n: sql<number>`count(*)` })
    .from(trainingPackages)
    .where(and(scoped(ctx, trainingPackages, 'training.read'), eq(trainingPackages.status, 'submitted')))
    .groupBy(trainingPackages.institutionId);
  const waitingMaterials = await ctx.db
    .select({ institutionId: trainingMaterials.institutionId, n: sql<number>`count(*)` })
    .from(trainingMaterials)
    .where(and(scoped(ctx, trainingMaterials, 'training.read'), eq(trainingMaterials.status, 'submitted')))
    .groupBy(trainingMaterials.institutionId);
  const num = (rows: { institutionId: string; n: number }[], id: string) => Number(rows.find((r) => r.institutionId === id)?.n ?? 0);
  return all.map((i) => {
    const p = profiles.find((r) => r.institutionId === i.id) ?? null;
    const filingStatus = p?.filingStatus ?? 'draft';
    return {
      institutionId: i.id,
      institutionName: i.name,
      licenseNo: i.licenseNo,
      category: i.category,
      field: i.field,
      zoneId: i.zoneId,
      zoneName: i.zoneName,
      status: i.status,
      listStatus: i.listStatus,
      filingStatus,
      waiting: (filingStatus === 'submitted' ? 1 : 0) + num(waitingCourses, i.id) + num(waitingPackages, i.id) + num(waitingMaterials, i.id),
      courses: Number(waitingCourses.find((r) => r.institutionId === i.id)?.all ?? 0),
    };
  });
}

/** The whole file of one institution (the institution itself, the district, the zone's inspectors). */
export async function getRegistryFile(ctx: Ctx, institutionId: string): Promise<RegistryFile> {
  const inst = await reachInstitution(ctx, institutionId, 'training.read');
  const d = ctx.user.districtId;
  const full = seesPhones(ctx, inst);
  const profile = await profileRow(ctx.db, d, inst.id);
  const venues = await ctx.db.select().from(trainingVenues).where(and(eq(trainingVenues.districtId, d), eq(trainingVenues.institutionId, inst.id))).orderBy(asc(trainingVenues.createdAt));
  const staff = await ctx.db.select().from(trainingStaff).where(and(eq(trainingStaff.districtId, d), eq(trainingStaff.institutionId, inst.id))).orderBy(asc(trainingStaff.role), asc(trainingStaff.name));
  const materials = await ctx.db.select().from(trainingMaterials).where(and(eq(trainingMaterials.districtId, d), eq(trainingMaterials.institutionId, inst.id))).orderBy(asc(trainingMaterials.title));
  const courses = await ctx.db.select().from(trainingCourses).where(and(eq(trainingCourses.districtId, d), eq(trainingCourses.institutionId, inst.id))).orderBy(asc(trainingCourses.name));
  const packages = await ctx.db.select().from(trainingPackages).where(and(eq(trainingPackages.districtId, d), eq(trainingPackages.institutionId, inst.id))).orderBy(asc(trainingPackages.name));
  const history = await ctx.db.select().from(trainingStatusHistory).where(and(eq(trainingStatusHistory.districtId, d), eq(trainingStatusHistory.institutionId, inst.id))).orderBy(desc(trainingStatusHistory.at));
  return {
    profile: profileOut(inst, profile, full),
    venues: venues.map(venueOut),
    staff: staff.map((s) => staffOut(s, full)),
    materials: materials.map(materialOut),
    courses: courses.map(courseOut),
    packages: packages.map((p) => packageOut(p, courses.find((c) => c.id === p.courseId)?.name ?? '')),
    history: history.map((h) => ({ id: h.id, fromStatus: h.fromStatus, toStatus: h.toStatus, fromList: h.fromList, toList: h.toList, reason: h.reason, byName: h.byName, at: h.at.toISOString() })),
    canFile: allows(ctx, 'training.file', keysOf(ctx, inst)),
    canReview: allows(ctx, 'training.review', keysOf(ctx, inst)),
  };
}

/** 学科类 must be non-profit (national rule, no district setting): refused with the rule cited. */
function requireNonProfit(inst: Institution, legalForm: string): void {
  if (inst.category === 'subject' && legalForm !== 'non_profit')
    throw new AppError(422, 'RULE_VIOLATION', '学科类校外培训机构应登记为非营利性机构', {
      fields: [{ field: 'legalForm', message: '学科类机构应为非营利性' }],
      findings: [{ rule: 'subject_non_profit', severity: 'error', message: '学科类校外培训机构应登记为非营利性机构', citation: { key: 'national', version: 0, versionId: null, effectiveFrom: null, text: NATIONAL_NON_PROFIT } }],
    });
}

export async function updateProfile(ctx: Ctx, institutionId: string, patch: z.output<typeof RegistryProfilePatch>): Promise<RegistryFile> {
  const inst = await reachInstitution(ctx, institutionId, 'training.file');
  if (patch.legalForm) requireNonProfit(inst, patch.legalForm);
  await ctx.db.transaction(async (tx) => {
    const before = await ensureProfile(tx, inst, ctx.user.districtId);
    editable(before.filingStatus, '机构备案');
    const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    await tx.update(trainingProfiles).set({ ...values, updatedAt: ctx.now() }).where(and(eq(trainingProfiles.districtId, before.districtId), eq(trainingProfiles.institutionId, inst.id)));
    await audit(tx, ctx.actor, { action: 'training.profile.edit', entity: 'training_profile', entityId: inst.id, before, after: values });
  });
  return getRegistryFile(ctx, institutionId);
}

/**
 * Submit the registry file for review: licence details, a custody arrangement, at least one venue and one teaching
 * member of staff; 学科类: non-profit, and every active teacher with a certificate number.
 */
export async function submitProfile(ctx: Ctx, institutionId: string): Promise<RegistryFile> {
  const inst = await reachInstitution(ctx, institutionId, 'training.file');
  await ctx.db.transaction(async (tx) => {
    const p = await ensureProfile(tx, inst, ctx.user.districtId);
    editable(p.filingStatus, '机构备案');
    requireNonProfit(inst, p.legalForm);
    if (!p.licenseIssuer || !p.licenseValidUntil) throw invalid('licenseIssuer', '办学许可证', '请填写发证机关和有效期');
    if (!p.legalPerson) throw invalid('legalPerson', '法定代表人', '请填写');
    if (p.custodyMode === 'custody' && (!p.custodyBank || !p.custodyAccountNo)) throw invalid('custodyBank', '托管银行', '银行托管须填写托管银行和账号');
    const d = ctx.user.districtId;
    const venues = await tx.select({ id: trainingVenues.id }).from(trainingVenues).where(and(eq(trainingVenues.districtId, d), eq(trainingVenues.institutionId, inst.id), eq(trainingVenues.status, 'active')));
    if (venues.length === 0) throw invalid('venues', '培训场所', '至少登记一处场所');
    const teachers = await tx.select().from(trainingStaff).where(and(eq(trainingStaff.districtId, d), eq(trainingStaff.institutionId, inst.id), eq(trainingStaff.role, 'teacher'), eq(trainingStaff.status, 'active')));
    if (teachers.length === 0) throw invalid('staff', '从业人员', '至少登记一名教学人员');
    const noCert = teachers.filter((t) => !t.certificateNo);
    if (inst.category === 'subject' && noCert.length)
      throw invalid('certificateNo', '教师资格证编号', `学科类机构的教学人员须具有教师资格证：${noCert.map((t) => t.name).join('、')}未填写`);
    const now = ctx.now();
    await tx.update(trainingProfiles).set({ filingStatus: 'submitted', submittedAt: now, updatedAt: now }).where(and(eq(trainingProfiles.districtId, d), eq(trainingProfiles.institutionId, inst.id)));
    await audit(tx, ctx.actor, { action: 'training.profile.submit', entity: 'training_profile', entityId: inst.id, after: { institution: inst.name } });
  });
  return getRegistryFile(ctx, institutionId);
}

// ── venues ───────────────────────────────────────────────────────────────────
export async function createVenue(ctx: Ctx, input: z.output<typeof RegistryVenueInput>): Promise<RegistryFile> {
  const inst = await reachInstitution(ctx, input.institutionId, 'training.file');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(trainingVenues).values({ ...input, districtId: ctx.user.districtId, zoneId: inst.zoneId }).returning();
    await audit(tx, ctx.actor, { action: 'training.venue.create', entity: 'training_venue', entityId: row!.id, after: row });
  });
  return getRegistryFile(ctx, inst.id);
}

async function ownRow<T extends typeof trainingVenues | typeof trainingStaff | typeof trainingMaterials>(ctx: Ctx, table: T, id: string, what: string) {
  const rows = await ctx.db.select().from(table as typeof trainingVenues).where(and(scoped(ctx, table, 'training.read'), eq((table as typeof trainingVenues).id, id)));
  const row = found(rows, what) as unknown as T['$inferSelect'];
  const inst = await reachInstitution(ctx, row.institutionId, 'training.file');
  return { row, inst };
}

export async function updateVenue(ctx: Ctx, id: string, patch: z.output<typeof RegistryVenuePatch>): Promise<RegistryFile> {
  const { row, inst } = await ownRow(ctx, trainingVenues, id, '场所');
  await ctx.db.transaction(async (tx) => {
    await tx.update(trainingVenues).set({ ...patch, updatedAt: ctx.now() }).where(and(eq(trainingVenues.districtId, row.districtId), eq(trainingVenues.id, id)));
    await audit(tx, ctx.actor, { action: 'training.venue.edit', entity: 'training_venue', entityId: id, before: row, after: patch });
  });
  return getRegistryFile(ctx, inst.id);
}

// ── staff ────────────────────────────────────────────────────────────────────
/** 学科类 teaching staff need a teacher's certificate number (教师资格证). */
function requireCertificate(inst: Institution, role: string, certificateNo: string | null, status = 'active'): void {
  if (inst.category === 'subject' && role === 'teacher' && status === 'active' && !certificateNo)
    throw invalid('certificateNo', '教师资格证编号', '学科类机构的教学人员必须具有教师资格证，请填写证书编号');
}

export async function createStaff(ctx: Ctx, input: z.output<typeof RegistryStaffInput>): Promise<RegistryFile> {
  const inst = await reachInstitution(ctx, input.institutionId, 'training.file');
  requireCertificate(inst, input.role, input.certificateNo);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(trainingStaff).values({ ...input, districtId: ctx.user.districtId, zoneId: inst.zoneId }).returning();
    await audit(tx, ctx.actor, { action: 'training.staff.create', entity: 'training_staff', entityId: row!.id, after: row });
  });
  return getRegistryFile(ctx, inst.id);
}

export async function updateStaff(ctx: Ctx, id: string, patch: z.output<typeof RegistryStaffPatch>): Promise<RegistryFile> {
  const { row, inst } = await ownRow(ctx, trainingStaff, id, '人员');
  const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<typeof row>;
  const next = { ...row, ...values };
  requireCertificate(inst, next.role, next.certificateNo, next.status);
  await ctx.db.transaction(async (tx) => {
    await tx.update(trainingStaff).set({ ...values, updatedAt: ctx.now() }).where(and(eq(trainingStaff.districtId, row.districtId), eq(trainingStaff.id, id)));
    await audit(tx, ctx.actor, { action: 'training.staff.edit', entity: 'training_staff', entityId: id, before: row, after: values });
  });
  return getRegistryFile(ctx, inst.id);
}

// ── materials ────────────────────────────────────────────────────────────────
export async function createMaterial(ctx: Ctx, input: z.output<typeof RegistryMaterialInput>): Promise<RegistryFile> {
  const inst = await reachInstitution(ctx, input.institutionId, 'training.file');
  await ctx.db.transaction(async (tx) => {
    const { gradeRange, ...rest } = input;
    const [row] = await tx.insert(trainingMaterials).values({ ...rest, grades: gradeRange, districtId: ctx.user.districtId, zoneId: inst.zoneId }).returning();
    await audit(tx, ctx.actor, { action: 'training.material.create', entity: 'training_material', entityId: row!.id, after: row });
  });
  return getRegistryFile(ctx, inst.id);
}

export async function updateMaterial(ctx: Ctx, id: string, patch: z.output<typeof RegistryMaterialPatch>): Promise<RegistryFile> {
  const { row, inst } = await ownRow(ctx, trainingMaterials, id, '培训材料');
  editable(row.status, '培训材料');
  await ctx.db.transaction(async (tx) => {
    const { gradeRange, ...rest } = patch;
    await tx.update(trainingMaterials).set({ ...rest, ...(gradeRange !== undefined ? { grades: gradeRange } : {}), updatedAt: ctx.now() }).where(and(eq(trainingMaterials.districtId, row.districtId), eq(trainingMaterials.id, id)));
    await audit(tx, ctx.actor, { action: 'training.material.edit', entity: 'training_material', entityId: id, before: row, after: patch });
  });
  return getRegistryFile(ctx, inst.id);
}

export async function submitMaterial(ctx: Ctx, id: string): Promise<RegistryFile> {
  const { row, inst } = await ownRow(ctx, trainingMaterials, id, '培训材料');
  editable(row.status, '培训材料');
  await ctx.db.transaction(async (tx) => {
    await tx.update(trainingMaterials).set({ status: 'submitted', updatedAt: ctx.now() }).where(and(eq(trainingMaterials.districtId, row.districtId), eq(trainingMaterials.id, id)));
    await audit(tx, ctx.actor, { action: 'training.material.submit', entity: 'training_material', entityId: id, after: { title: row.title } });
  });
  return getRegistryFile(ctx, inst.id);
}
