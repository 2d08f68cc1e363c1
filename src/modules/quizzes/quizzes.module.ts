import { Module } from '@nestjs/common';
import { QuestionBankController, QuestionsController } from './question-bank.controller';
import { QuizzesCoreModule } from './quizzes-core.module';
import { AttemptsController, QuizzesController } from './quizzes.controller';

@Module({
  imports: [QuizzesCoreModule],
  controllers: [QuestionBankController, QuestionsController, QuizzesController, AttemptsController],
})
export class QuizzesModule {}
