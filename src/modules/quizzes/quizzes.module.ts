import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses';
import { QuestionBankController, QuestionsController } from './question-bank.controller';
import { QuizzesCoreModule } from './quizzes-core.module';
import { AttemptsController, QuizzesController } from './quizzes.controller';

@Module({
  imports: [QuizzesCoreModule, CoursesModule],
  controllers: [QuestionBankController, QuestionsController, QuizzesController, AttemptsController],
})
export class QuizzesModule {}
