import { Module } from '@nestjs/common';
import { QuestionBankController, QuestionsController } from './question-bank.controller';
import { QuizzesCoreModule } from './quizzes-core.module';
import { AttemptsController, QuizzesController } from './quizzes.controller';
import './quizzes.errors';

@Module({
  imports: [QuizzesCoreModule],
  controllers: [QuestionBankController, QuestionsController, QuizzesController, AttemptsController],
})
export class QuizzesModule {}
