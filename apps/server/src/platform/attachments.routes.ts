/** Upload and download routes of one kind of attachment, registered by the module that owns the kind under its own path. */
import { Attachment, ErrorBody, IdParams } from '@shuangjian/contracts';
import { type AttachmentKind, readAttachment, storeAttachment } from './attachments';
import { sendDownload } from './download';
import { AppError } from './errors';
import type { App } from './http';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** POST `base` (multipart, field `file`) stores an unclaimed file; GET `base/:id` downloads one the caller may read. */
export function registerAttachmentRoutes(app: App, kind: AttachmentKind, options: { base: string; tags: string[] }): void {
  const mb = Math.round(kind.maxBytes / 1024 / 1024);
  app.post(
    options.base,
    { schema: { tags: options.tags, summary: `上传${kind.label}（≤ ${mb} MB）`, consumes: ['multipart/form-data'], response: { 200: Attachment, 413: ErrorBody, 415: ErrorBody, ...errors } } },
    async (req) => {
      if (!req.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `${kind.label}（file）：请以 multipart/form-data 上传`);
      const file = await req.file();
      if (!file) throw new AppError(400, 'VALIDATION', `${kind.label}（file）：请选择文件`);
      return storeAttachment(req.ctx, kind, { filename: file.filename, data: await file.toBuffer() });
    },
  );
  app.get(`${options.base}/:id`, { schema: { tags: options.tags, summary: `下载${kind.label}`, params: IdParams, response: errors } }, async (req, reply) =>
    sendDownload(reply, await readAttachment(req.ctx, kind, req.params.id)),
  );
}
