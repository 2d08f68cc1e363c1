import type { QuizView } from './dto/quiz-views.dto';
import type { AuthorQuiz } from './quizzes.service';

export const toQuizView = ({ quiz: q, version }: AuthorQuiz): QuizView => ({
  createdAt: q.createdAt,
  updatedAt: q.updatedAt,
  id: q.id,
  lessonId: q.lessonId,
  courseId: q.courseId,
  title: q.title,
  timeLimitSeconds: q.timeLimitSeconds,
  attemptsAllowed: q.attemptsAllowed,
  passingPercent: q.passingPercent,
  gradingMethod: q.gradingMethod,
  openAt: q.openAt,
  closeAt: q.closeAt,
  options: q.options,
  versionNo: version.no,
  versionStatus: version.status,
});
