/**
 * A pupil's 居民身份证号 and 家庭住址: checked, one ID number per pupil in a district, and shown in full only to those
 * who look after the pupil (the class teacher, the school's administrator, the pupil's own parents), every full read on
 * the audit log; masked to everyone else. Sealing is sealed.ts's.
 */
import { idNumberBirthDate, idNumberProblem, idNumberProblemText, maskAddress, maskIdNumber } from '@shuangjian/policy';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import type { Queryable } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import { students } from './schema';
import { type Identity, idNumberIndexes, openIdentity } from './sealed';

export const ID_NUMBER_LABEL = '身份证号';
export const ADDRESS_LABEL = '家庭住址';

/** What is wrong with a (normalized) ID number for a pupil born on `birthDate`, in words; null when it is right. */
export function idNumberReason(id: string, birthDate: string | null): string | null {
  if (id.includes('*')) return '为脱敏显示的号码，请填写完整的身份证号或留空';
  const problem = idNumberProblem(id);
  if (problem) return idNumberProblemText[problem];
  const born = idNumberBirthDate(id)!;
  if (birthDate && born !== birthDate) return `其中的出生日期 ${born} 与学生的出生日期 ${birthDate} 不一致`;
  return null;
}

export function requireValidIdNumber(id: string, birthDate: string | null): void {
  const reason = idNumberReason(id, birthDate);
  if (reason) throw invalid('idNumber', ID_NUMBER_LABEL, reason);
}

/** Pupils of the district already holding one of these ID numbers (matched on the blind index), numbers opened. */
export async function holdersOfIdNumbers(db: Queryable, districtId: string, ids: readonly string[], exceptStudentId?: string) {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: students.id, studentNo: students.studentNo, schoolId: students.schoolId, idNumber: students.idNumber, address: students.address })
    .from(students)
    .where(
      and(eq(students.districtId, districtId), inArray(students.idNumberHash, idNumberIndexes(ids)), exceptStudentId ? ne(students.id, exceptStudentId) : undefined),
    );
  return rows.map((r) => ({ ...r, idNumber: openIdentity(r).idNumber! }));
}

export const duplicateIdNumber = () =>
  new AppError(409, 'CONFLICT', `${ID_NUMBER_LABEL}：已登记为本区另一名学生，同一身份证号不能重复登记`, {
    fields: [{ field: 'idNumber', message: '已登记为本区另一名学生' }],
  });

/** Refuses an ID number another pupil of the district holds (409 naming the field; the unique index backs it up). */
export async function requireUniqueIdNumber(db: Queryable, districtId: string, id: string, exceptStudentId?: string) {
  if ((await holdersOfIdNumbers(db, districtId, [id], exceptStudentId)).length) throw duplicateIdNumber();
}

/** The sealed columns as a reader sees them: opened, and masked unless `full`. */
export function identityView(sealed: { idNumber: string | null; address: string | null }, full: boolean) {
  const { idNumber, address } = openIdentity(sealed);
  if (full) return { idNumber, address, identityMasked: false };
  return { idNumber: idNumber && maskIdNumber(idNumber), address: address && maskAddress(address), identityMasked: true };
}

/** A full read of a pupil's ID number or address goes on the record: who read which pupil's, and which fields. */
export async function auditIdentityRead(ctx: Ctx, studentId: string, shown: Identity) {
  const fields = (['idNumber', 'address'] as const).filter((f) => shown[f] !== null);
  if (fields.length) await audit(ctx.db, ctx.actor, { action: 'student.identity.read', entity: 'student', entityId: studentId, after: { fields } });
}

/**
 * A student row for the audit log: the sealed columns replaced by whether they are set, so the append-only log holds
 * neither the values nor ciphertext that no key rotation could reach.
 */
export function auditableStudent<T extends Partial<typeof students.$inferSelect>>(row: T | undefined) {
  if (!row) return row;
  const { idNumber, idNumberHash: _h, address, ...rest } = row;
  return {
    ...rest,
    ...(idNumber !== undefined ? { idNumber: idNumber === null ? null : '***' } : {}),
    ...(address !== undefined ? { address: address === null ? null : '***' } : {}),
  };
}
