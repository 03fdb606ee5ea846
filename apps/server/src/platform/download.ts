/** File downloads: a Buffer goes out as is (no JSON serializer), with a UTF-8 file name every browser keeps. */
import type { FastifyReply } from 'fastify';

export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, "'");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function sendDownload(reply: FastifyReply, file: { data: Buffer; fileName: string; mime: string }) {
  return reply.type(file.mime).header('content-disposition', attachment(file.fileName)).header('cache-control', 'private, no-store').send(file.data);
}
