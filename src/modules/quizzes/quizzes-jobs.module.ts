import { Module } from '@nestjs/common';
import { QuizSchedulers } from './jobs/quiz-schedulers';
import { QuizzesProcessor } from './jobs/quizzes.processor';
import { QuizzesCoreModule } from './quizzes-core.module';

/** Worker side: auto-submit at the deadline and the expired-attempt sweeper. */
@Module({
  imports: [QuizzesCoreModule],
  providers: [QuizzesProcessor, QuizSchedulers],
})
export class QuizzesJobsModule {}
