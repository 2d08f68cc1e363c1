import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses';
import { EnrollmentsCoreModule } from '../enrollments';
import { NotificationsCoreModule } from '../notifications';
import { GradingQueueController } from './grading-queue.controller';
import { GradingQueueService } from './grading-queue.service';
import { ItemAnalysisService } from './item-analysis.service';
import { ManualGradingService } from './manual-grading.service';
import { QuestionBankController, QuestionsController } from './question-bank.controller';
import { QuestionTransferService } from './question-transfer.service';
import { QuizCourseVersions } from './quiz-course-versions';
import { QuizzesCoreModule } from './quizzes-core.module';
import { AttemptsController, QuizzesController } from './quizzes.controller';

/** API side of quizzes: the controllers and what only they use (imports, manual grading, the grading queue, item analysis). */
@Module({
  imports: [QuizzesCoreModule, CoursesModule, EnrollmentsCoreModule, NotificationsCoreModule],
  controllers: [
    QuestionBankController,
    QuestionsController,
    QuizzesController,
    AttemptsController,
    GradingQueueController,
  ],
  providers: [
    QuestionTransferService,
    ManualGradingService,
    ItemAnalysisService,
    GradingQueueService,
    QuizCourseVersions,
  ],
})
export class QuizzesModule {}
