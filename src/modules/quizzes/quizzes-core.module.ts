import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoursesCoreModule } from '../courses';
import { EnrollmentsCoreModule } from '../enrollments';
import { NotificationsCoreModule } from '../notifications';
import { AttemptResults } from './attempt-results';
import { AttemptsService } from './attempts.service';
import { QuestionBank, QuestionCategory } from './entities/question-bank.entity';
import { Question, QuestionVersion } from './entities/question.entity';
import { AttemptAnswer, QuizAttempt } from './entities/quiz-attempt.entity';
import { Quiz } from './entities/quiz.entity';
import { GradingService } from './grading.service';
import { QuestionBankService } from './question-bank.service';
import { QuizzesService } from './quizzes.service';
import { VersionCache } from './version-cache';

/** Services shared by the API and the worker (no controllers, no processors). */
@Module({
  imports: [
    CoursesCoreModule,
    EnrollmentsCoreModule,
    NotificationsCoreModule,
    TypeOrmModule.forFeature([
      QuestionBank,
      QuestionCategory,
      Question,
      QuestionVersion,
      Quiz,
      QuizAttempt,
      AttemptAnswer,
    ]),
  ],
  providers: [
    VersionCache,
    QuestionBankService,
    QuizzesService,
    AttemptResults,
    GradingService,
    AttemptsService,
  ],
  exports: [
    VersionCache,
    QuestionBankService,
    QuizzesService,
    AttemptResults,
    GradingService,
    AttemptsService,
  ],
})
export class QuizzesCoreModule {}
