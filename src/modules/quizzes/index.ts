// Public surface of the quizzes module.
export { QuizzesJobsModule } from './quizzes-jobs.module';
export { QuizzesModule } from './quizzes.module';
