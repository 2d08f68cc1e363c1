import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/roles';
import { notFound } from '../../common/errors/domain-error';
import { renderMarkdown } from '../../common/text/render-markdown';
import { CourseCatalog, LessonFilesService } from '../courses';
import { LessonContentView } from './dto/enrollment.dto';
import { EnrollmentsService } from './enrollments.service';
import { ProgressService } from './progress.service';

/** What a learner reads: the pinned version's lesson, markdown rendered and sanitised. */
@Injectable()
export class LessonContentService {
  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly progress: ProgressService,
    private readonly courses: CourseCatalog,
    private readonly files: LessonFilesService,
  ) {}

  async lesson(
    enrollmentId: string,
    lessonId: string,
    actor: AuthUser,
  ): Promise<LessonContentView> {
    const lesson = await this.openLesson(enrollmentId, lessonId, actor);
    const view: LessonContentView = {
      id: lesson.id,
      type: lesson.type,
      titleId: lesson.titleId,
      titleEn: lesson.titleEn,
    };
    if (lesson.type === 'text') view.html = renderMarkdown(lesson.content.markdown ?? '');
    if (lesson.type === 'video') {
      view.videoUrl = lesson.content.videoUrl;
      view.durationSeconds = lesson.content.durationSeconds;
    }
    if (lesson.type === 'file') {
      view.fileUrl = `/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/file`;
    }
    if (lesson.type === 'quiz') view.quizId = lesson.quizId;
    return view;
  }

  async file(
    enrollmentId: string,
    lessonId: string,
    actor: AuthUser,
  ): Promise<{ stream: Readable; contentType: string; size: number; disposition: string }> {
    const lesson = await this.openLesson(enrollmentId, lessonId, actor);
    const file = lesson.content.file;
    if (lesson.type !== 'file' || !file) throw notFound('File');
    return {
      stream: this.files.open(file.key),
      contentType: file.contentType,
      size: file.size,
      disposition: `inline; filename="lesson"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    };
  }

  private async openLesson(enrollmentId: string, lessonId: string, actor: AuthUser) {
    const enrollment = await this.enrollments.getScoped(enrollmentId, actor);
    await this.progress.assertLessonAccess(enrollment.id, lessonId);
    return this.courses.lesson(lessonId);
  }
}
