import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { BlobStorage, detectContentType, DetectedType } from '@app/storage';
import { DomainError } from '../../common/errors/domain-error';
import type { UploadedFile } from '../../common/http/upload';
import { shortenFileName } from '../../common/text/file-name';
import { InjectBlobStorage } from '../storage';
import { CourseAuthoring } from './course-authoring.service';
import { Lesson } from './entities/lesson.entity';

/** PDFs and slides (pptx is a zip container, legacy ppt an OLE2 file). */
const LESSON_FILE_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/zip': 'pptx',
  'application/vnd.ms-powerpoint': 'ppt',
};

@Injectable()
export class LessonFilesService {
  private readonly logger = new Logger(LessonFilesService.name);

  constructor(
    private readonly authoring: CourseAuthoring,
    @InjectBlobStorage() private readonly storage: BlobStorage,
  ) {}

  /** Checks the lesson and the bytes before anything is stored. */
  async attach(courseId: string, lessonId: string, file: UploadedFile): Promise<Lesson> {
    const lesson = await this.authoring.draftLesson(courseId, lessonId);
    if (lesson.type !== 'file') {
      throw new DomainError('LESSON_TYPE_MISMATCH', 'Only file lessons take an upload');
    }
    const detected: DetectedType | null = detectContentType(file.data.subarray(0, 16));
    const extension = detected ? LESSON_FILE_TYPES[detected] : undefined;
    if (!detected || !extension) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Upload a PDF or a slide deck (PPT/PPTX)', {
        detected,
      });
    }
    const key = `courses/${courseId}/lessons/${lessonId}/${randomUUID()}.${extension}`;
    const stored = await this.storage.put(key, file.data);
    try {
      return await this.authoring.setLessonFile(lessonId, {
        key,
        contentType: detected,
        size: stored.size,
        sha256: stored.sha256,
        filename: shortenFileName(file.filename, 200),
      });
    } catch (e) {
      // No row points at the blob: remove it now rather than leave an orphan.
      await this.storage.delete(key).catch((cleanupError: unknown) => {
        this.logger.warn(`could not delete ${key} after a failed upload: ${String(cleanupError)}`);
      });
      throw e;
    }
  }

  open(key: string) {
    return this.storage.stream(key);
  }
}
