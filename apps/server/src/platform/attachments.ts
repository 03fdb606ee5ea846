/**
 * A generic file store for modules' records (evidence of a self-check, say): a file is uploaded first, checked against
 * the kind's types and size, then claimed by the record it belongs to (owner kind + owner id). Who may download it is
 * the owning module's decision: its `mayRead` callback, given the owner id. Modelled on homework's attachments, which
 * (like training's inspection photos) keep their own tables for now.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { Ctx } from './access';
import { audit } from './audit';
import type { Queryable } from './db';
import { AppError, invalid, notFound } from './errors';
import { attachments } from './schema';

/** Extension → MIME type of the kinds of file people commonly attach as evidence. */
export const EVIDENCE_FILE_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  mp4: 'video/mp4',
  txt: 'text/plain',
};

/** One kind of owner a module registers: what may be uploaded, by whom, and who may read a file of an owner. */
export interface AttachmentKind {
  /** '<module>.<area>', stored as the file's owner kind. */
  kind: string;
  /** What the files are, in Chinese, for messages ('佐证材料'). */
  label: string;
  types: Readonly<Record<string, string>>;
  maxBytes: number;
  /** Throws (403) unless the person may upload files of this kind. */
  mayUpload(ctx: Ctx): void | Promise<void>;
  /** Whether the person may read the record `ownerId` (through the module's scoped queries). */
  mayRead(ctx: Ctx, ownerId: string): Promise<boolean>;
}

export interface StoredFile {
  id: string;
  name: string;
  size: number;
  mime: string;
}

const ref = { id: attachments.id, name: attachments.fileName, size: attachments.size, mime: attachments.mime };

/** Checks the file's type and size, then stores it unclaimed with its audit entry in one transaction. */
export async function storeAttachment(ctx: Ctx, kind: AttachmentKind, file: { filename: string; data: Buffer }): Promise<StoredFile> {
  await kind.mayUpload(ctx);
  const ext = file.filename.split('.').pop()?.toLowerCase() ?? '';
  const mime = kind.types[ext];
  if (!mime) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `${kind.label}（file）：不支持的文件类型 .${ext}，可上传 ${Object.keys(kind.types).join('、')}`);
  if (file.data.length === 0) throw new AppError(400, 'VALIDATION', `${kind.label}（file）：文件是空的`);
  if (file.data.length > kind.maxBytes) throw new AppError(413, 'PAYLOAD_TOO_LARGE', `${kind.label}（file）：不能超过 ${Math.round(kind.maxBytes / 1024 / 1024)} MB`);
  const name = file.filename.replace(/[\\/:*?"<>|\r\n]/g, '_').slice(0, 120);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(attachments)
      .values({ districtId: ctx.user.districtId, ownerKind: kind.kind, uploadedBy: ctx.user.id, fileName: name, mime, size: file.data.length, sha256: createHash('sha256').update(file.data).digest('hex'), data: file.data })
      .returning(ref);
    await audit(tx, ctx.actor, { action: `${kind.kind}.file.upload`, entity: 'attachment', entityId: row!.id, after: { name, size: file.data.length, mime } });
    return row!;
  });
}

/** The file for download: its uploader, or whoever the owning module lets read its owner. Unknown and foreign: 404. */
export async function readAttachment(ctx: Ctx, kind: AttachmentKind, id: string) {
  const [file] = await ctx.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.districtId, ctx.user.districtId), eq(attachments.ownerKind, kind.kind), eq(attachments.id, id)));
  if (!file) throw notFound(kind.label);
  if (file.uploadedBy === ctx.user.id) return file;
  if (file.ownerId && (await kind.mayRead(ctx, file.ownerId))) return file;
  throw notFound(kind.label);
}

/**
 * Makes `ids` the files of an owner, inside the owner's write transaction: each must be of the kind and either
 * uploaded by the person and not yet claimed, or already the owner's. With `replace`, the owner's other files are
 * deleted (an answer whose evidence list changed). Answers the owner's files.
 */
export async function claimAttachments(
  q: Queryable,
  ctx: Pick<Ctx, 'user'>,
  kind: Pick<AttachmentKind, 'kind' | 'label'>,
  owner: { ownerId: string; ids: readonly string[]; field: string; replace?: boolean },
): Promise<StoredFile[]> {
  const districtId = ctx.user.districtId;
  const ids = [...new Set(owner.ids)];
  if (ids.length) {
    const usable = await q
      .select({ id: attachments.id })
      .from(attachments)
      .where(
        and(
          eq(attachments.districtId, districtId),
          eq(attachments.ownerKind, kind.kind),
          inArray(attachments.id, ids),
          or(and(isNull(attachments.ownerId), eq(attachments.uploadedBy, ctx.user.id)), eq(attachments.ownerId, owner.ownerId)),
        ),
      );
    const known = new Set(usable.map((r) => r.id));
    const bad = ids.filter((id) => !known.has(id));
    if (bad.length) throw invalid(owner.field, `${kind.label}（${owner.field}）`, `文件不存在或不能使用：${bad.join('、')}`);
    await q.update(attachments).set({ ownerId: owner.ownerId }).where(and(eq(attachments.districtId, districtId), inArray(attachments.id, ids)));
  }
  if (owner.replace) {
    await q
      .delete(attachments)
      .where(and(eq(attachments.districtId, districtId), eq(attachments.ownerKind, kind.kind), eq(attachments.ownerId, owner.ownerId), ids.length ? notInArray(attachments.id, ids) : sql`true`));
  }
  return ids.length ? q.select(ref).from(attachments).where(and(eq(attachments.districtId, districtId), inArray(attachments.id, ids))).orderBy(asc(attachments.createdAt)) : [];
}

/** The files of some owners of a kind, by owner id (oldest first). */
export async function attachmentsOf(q: Queryable, districtId: string, kind: string, ownerIds: readonly string[]): Promise<Map<string, StoredFile[]>> {
  const out = new Map<string, StoredFile[]>();
  if (!ownerIds.length) return out;
  const rows = await q
    .select({ ...ref, ownerId: attachments.ownerId })
    .from(attachments)
    .where(and(eq(attachments.districtId, districtId), eq(attachments.ownerKind, kind), inArray(attachments.ownerId, [...new Set(ownerIds)])))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  for (const { ownerId, ...file } of rows) {
    const list = out.get(ownerId!) ?? [];
    list.push(file);
    out.set(ownerId!, list);
  }
  return out;
}
