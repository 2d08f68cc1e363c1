import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';
import { cutByCodePoints, shortenFileName } from '../text/file-name';
import { isStorableText } from './input-guards';

export interface UploadedFile {
  filename: string;
  declaredType: string;
  data: Buffer;
  /** Plain form fields sent before the file part (e.g. a dueAt next to a CSV). */
  fields: Record<string, string>;
}

/**
 * Reads the single `file` part of a multipart request into memory, refusing anything over
 * `maxBytes` with 413 before more than that is buffered. Nothing is written anywhere here.
 */
export async function readSingleUpload(
  request: FastifyRequest,
  maxBytes: number,
): Promise<UploadedFile> {
  if (!request.isMultipart?.()) {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the file as multipart/form-data in a field named "file"',
    );
  }
  let part;
  try {
    part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 5 } });
  } catch (e) {
    throw malformed(e);
  }
  if (!part || part.fieldname !== 'file') {
    throw new DomainError('BAD_REQUEST', 'Missing multipart field "file"');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of part.file) {
      size += (chunk as Buffer).length;
      if (size > maxBytes || part.file.truncated) {
        part.file.resume();
        discardRest(request);
        throw tooLarge(maxBytes);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    throw e instanceof DomainError ? e : malformed(e);
  }
  if (part.file.truncated) {
    discardRest(request);
    throw tooLarge(maxBytes);
  }
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(part.fields ?? {})) {
    const value = Array.isArray(field) ? field[0] : field;
    if (value && value.type === 'field' && typeof value.value === 'string') {
      if (!isStorableText(value.value)) {
        throw new DomainError('INVALID_TEXT', 'Text contains NUL or an unpaired UTF-16 surrogate', {
          field: name,
        });
      }
      fields[name] = cutByCodePoints(value.value, 1000);
    }
  }
  return {
    filename: shortenFileName(part.filename ?? '', 255),
    declaredType: part.mimetype,
    data: Buffer.concat(chunks),
    fields,
  };
}

/**
 * The refused body is still arriving: read and drop the rest. Left unread, it blocks the
 * keep-alive connection, and the client's next request on it (a smaller file) never gets an answer.
 */
function discardRest(request: FastifyRequest): void {
  request.raw.unpipe();
  request.raw.resume();
}

const tooLarge = (maxBytes: number) =>
  new DomainError('PAYLOAD_TOO_LARGE', `The file exceeds ${maxBytes} bytes`, { maxBytes });

/** A cut-off or garbled body (busboy's "Unexpected end of form", a bad boundary...). */
function malformed(e: unknown): DomainError {
  const cause = (e as { code?: unknown })?.code;
  if (
    cause === 'FST_REQ_FILE_TOO_LARGE' ||
    cause === 'FST_FILES_LIMIT' ||
    cause === 'FST_PARTS_LIMIT'
  ) {
    return new DomainError('PAYLOAD_TOO_LARGE', (e as Error).message);
  }
  return new DomainError(
    'MALFORMED_MULTIPART',
    `Malformed multipart body: ${(e as Error).message}`,
  );
}

/** Decodes an uploaded text file as UTF-8, refusing binary content. */
export function uploadAsText(file: UploadedFile): string {
  const text = file.data.toString('utf8');
  if (text.includes('\u0000') || text.includes('\uFFFD')) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'The file is not UTF-8 text');
  }
  return text;
}
