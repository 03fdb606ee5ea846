/** Files attached to homework: ≤ 10 MB of allowed kinds, stored in the database, readable where the item is. */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError, found } from '../../platform/errors';
import { homeworkAttachments, homeworkItems, homeworkPublished } from './schema';

/** Extension → MIME type of every kind a teacher may attach. */
export const ALLOWED_FILES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  mp4: 'video/mp4',
  txt: 'text/plain',
};

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Kinds only families hand in: photos from iPhones. */
const EXTRA_TYPES: Record<string, string> = { heic: 'image/heic' };

export async function uploadAttachment(ctx: Ctx, file: { filename: string; data: Buffer }) {
  requirePermission(ctx, 'homework.set');
  const school = ctx.grants.find((g) => g.role === 'teacher' && Array.isArray(g.school) && g.school.length === 1);
  const schoolId = school && Array.isArray(school.school) ? school.school[0]! : null;
  if (!schoolId) throw new AppError(403, 'FORBIDDEN', '只有任课教师可以上传作业附件');
  return storeFile(ctx, file, { schoolId, allowed: Object.keys(ALLOWED_FILES), maxBytes: MAX_ATTACHMENT_BYTES, action: 'homework.attachment.upload' });
}

/**
 * Checks a file against the kinds and size allowed, then stores it with its audit entry in one transaction: teachers'
 * attachments, and families' vacation hand-ins (smaller, fewer kinds).
 */
export async function storeFile(
  ctx: Ctx,
  file: { filename: string; data: Buffer },
  rule: { schoolId: string; allowed: readonly string[]; maxBytes: number; action: string },
) {
  const ext = file.filename.split('.').pop()?.toLowerCase() ?? '';
  const mime = rule.allowed.includes(ext) ? (ALLOWED_FILES[ext] ?? EXTRA_TYPES[ext]) : undefined;
  if (!mime) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `文件（file）：不支持的文件类型 .${ext}，可上传 ${rule.allowed.join('、')}`);
  if (file.data.length === 0) throw new AppError(400, 'VALIDATION', '文件（file）：文件是空的');
  if (file.data.length > rule.maxBytes) throw new AppError(413, 'PAYLOAD_TOO_LARGE', `文件（file）：不能超过 ${Math.round(rule.maxBytes / 1024 / 1024)} MB`);
  const name = file.filename.replace(/[\\/:*?"<>|\r\n]/g, '_').slice(0, 120);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(homeworkAttachments)
      .values({ districtId: ctx.user.districtId, schoolId: rule.schoolId, uploadedBy: ctx.user.id, fileName: name, mime, size: file.data.length, sha256: createHash('sha256').update(file.data).digest('hex'), data: file.data })
      .returning({ id: homeworkAttachments.id, name: homeworkAttachments.fileName, size: homeworkAttachments.size, mime: homeworkAttachments.mime });
    await audit(tx, ctx.actor, { action: rule.action, entity: 'homework_attachment', entityId: row!.id, after: { name, size: file.data.length, mime } });
    return row!;
  });
}

/** The uploader, staff who see an item carrying it, or families whose class list published it. */
export async function readAttachment(ctx: Ctx, id: string) {
  const [file] = await ctx.db.select().from(homeworkAttachments).where(and(eq(homeworkAttachments.districtId, ctx.user.districtId), eq(homeworkAttachments.id, id)));
  if (!file) throw found([], '附件');
  if (file.uploadedBy === ctx.user.id) return file;
  const [viaItem] = await ctx.db
    .select({ id: homeworkItems.id })
    .from(homeworkItems)
    .where(and(scoped(ctx, homeworkItems, 'homework.read'), sql`${homeworkItems.attachmentIds} @> array[${id}]::uuid[]`, sql`${homeworkItems.status} <> 'draft'`))
    .limit(1);
  if (viaItem) return file;
  const [viaList] = await ctx.db
    .select({ version: homeworkPublished.version })
    .from(homeworkPublished)
    .where(and(scoped(ctx, homeworkPublished, 'homework.published.read'), sql`jsonb_path_exists(${homeworkPublished.items}, '$[*].attachments[*] ? (@.id == $id)', jsonb_build_object('id', ${id}::text))`))
    .limit(1);
  if (viaList) return file;
  throw found([], '附件');
}
