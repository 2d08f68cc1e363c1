import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { QUESTION_TYPES } from '@app/question-formats';
import { ATTEMPT_STATUSES } from '../entities/quiz-attempt.entity';
import { GRADING_METHODS } from '../entities/quiz.entity';

class DrawView {
  @ApiProperty() categoryId!: string;
  @ApiProperty() count!: number;
}

class SelectionView {
  @ApiProperty({ enum: ['fixed', 'random'] }) mode!: 'fixed' | 'random';
  @ApiPropertyOptional({ type: [String] }) questionIds?: string[];
  @ApiPropertyOptional({ type: [DrawView] }) draws?: DrawView[];
}

class ReviewFlagsView {
  @ApiProperty() score!: boolean;
  @ApiProperty() responses!: boolean;
  @ApiProperty() correctAnswers!: boolean;
  @ApiProperty() feedback!: boolean;
}

class ReviewOptionsView {
  @ApiProperty({ type: ReviewFlagsView }) afterSubmit!: ReviewFlagsView;
  @ApiProperty({ type: ReviewFlagsView }) afterClose!: ReviewFlagsView;
}

class QuizOptionsView {
  @ApiProperty({ type: SelectionView }) selection!: SelectionView;
  @ApiProperty() shuffleQuestions!: boolean;
  @ApiProperty() shuffleAnswers!: boolean;
  @ApiProperty({ type: ReviewOptionsView }) review!: ReviewOptionsView;
}

class QuizSettingsView {
  @ApiProperty() id!: string;
  @ApiProperty() lessonId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: 'integer', nullable: true }) timeLimitSeconds!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) attemptsAllowed!: number | null;
  @ApiProperty() passingPercent!: number;
  @ApiProperty({ enum: GRADING_METHODS }) gradingMethod!: string;
  @ApiProperty({ type: Date, nullable: true }) openAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) closeAt!: Date | null;
}

/** What authors see and edit. */
export class QuizView extends QuizSettingsView {
  @ApiProperty() courseId!: string;
  @ApiProperty({ description: 'The course version whose lesson holds this quiz' })
  versionNo!: number;
  @ApiProperty({
    enum: ['draft', 'published', 'archived', 'superseded'],
    description:
      "A draft's quiz reaches learners when the draft is published; a frozen one at once",
  })
  versionStatus!: string;
  @ApiProperty({ type: QuizOptionsView }) options!: QuizOptionsView;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

class QuizGradeView {
  @ApiProperty() percent!: number;
}

class AttemptSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() attemptNo!: number;
  @ApiProperty({ enum: ATTEMPT_STATUSES }) status!: string;
  @ApiProperty() startedAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) deadline!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) submittedAt!: Date | null;
  @ApiProperty({ type: Number, nullable: true, description: 'null while the score is hidden' })
  percent!: number | null;
}

/** What a learner sees: the settings, the grade (when review allows) and their attempts. */
export class LearnerQuizView extends QuizSettingsView {
  @ApiProperty({ description: 'The course the quiz belongs to (for the way back to it)' })
  courseId!: string;
  @ApiProperty({ type: QuizGradeView, nullable: true }) grade!: QuizGradeView | null;
  @ApiProperty({ type: [AttemptSummaryView] }) attempts!: AttemptSummaryView[];
}

class IdText {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
}

class MatchView {
  @ApiProperty() pairId!: string;
  @ApiProperty() answer!: string;
}

class SingleChoiceResponse {
  @ApiProperty({ enum: ['single_choice'] }) type!: 'single_choice';
  @ApiProperty({ type: String, nullable: true }) optionId!: string | null;
}
class MultipleChoiceResponse {
  @ApiProperty({ enum: ['multiple_choice'] }) type!: 'multiple_choice';
  @ApiProperty({ type: [String] }) optionIds!: string[];
}
class TrueFalseResponse {
  @ApiProperty({ enum: ['true_false'] }) type!: 'true_false';
  @ApiProperty({ type: Boolean, nullable: true }) answer!: boolean | null;
}
class TextResponse {
  @ApiProperty({ enum: ['short_answer', 'numerical', 'essay'] }) type!: string;
  @ApiProperty({ description: 'Raw text (numerical accepts a decimal comma)' }) text!: string;
}
class MatchingResponse {
  @ApiProperty({ enum: ['matching'] }) type!: 'matching';
  @ApiProperty({ type: [MatchView] }) matches!: MatchView[];
}

const RESPONSES = [
  SingleChoiceResponse,
  MultipleChoiceResponse,
  TrueFalseResponse,
  TextResponse,
  MatchingResponse,
];
const RESPONSE_SCHEMA = { oneOf: RESPONSES.map((r) => ({ $ref: getSchemaPath(r) })) };

class AcceptedNumberView {
  @ApiProperty() value!: number;
  @ApiProperty() tolerance!: number;
}

/** Exactly what the quiz's review options allow at this moment. */
@ApiExtraModels(...RESPONSES)
class QuestionReviewView {
  @ApiPropertyOptional({ ...RESPONSE_SCHEMA, nullable: true }) response?: unknown;
  @ApiPropertyOptional({ type: Number, nullable: true }) awardedMark?: number | null;
  @ApiPropertyOptional({ type: [String] }) correctOptionIds?: string[];
  @ApiPropertyOptional() correctAnswer?: boolean;
  @ApiPropertyOptional({ type: [String] }) acceptedAnswers?: string[];
  @ApiPropertyOptional({ type: [AcceptedNumberView] }) acceptedNumbers?: AcceptedNumberView[];
  @ApiPropertyOptional({ type: [MatchView] }) correctMatches?: MatchView[];
  @ApiPropertyOptional() generalFeedback?: string;
  @ApiPropertyOptional({ type: [String] }) answerFeedback?: string[];
  @ApiPropertyOptional() graderComment?: string;
}

/** A question as the learner sees it in an attempt; alone, it is the author's preview. */
export class QuestionPreviewView {
  @ApiProperty({ description: 'The question version id (use it to save answers)' }) id!: string;
  @ApiProperty() number!: number;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: string;
  @ApiProperty({ description: 'Sanitised HTML' }) text!: string;
  @ApiProperty() maxMark!: number;
  @ApiPropertyOptional({ type: [IdText], description: 'choice questions' }) options?: IdText[];
  @ApiPropertyOptional({ type: [IdText], description: 'matching: the prompts' }) prompts?: IdText[];
  @ApiPropertyOptional({ type: [String], description: 'matching: the answers to pick from' })
  choices?: string[];
}

class AttemptQuestionView extends QuestionPreviewView {
  @ApiPropertyOptional({ type: QuestionReviewView }) review?: QuestionReviewView;
}

class AttemptResultView {
  @ApiProperty() score!: number;
  @ApiProperty() maxScore!: number;
  @ApiProperty() percent!: number;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null until essays are graded' })
  passed!: boolean | null;
}

@ApiExtraModels(...RESPONSES)
export class AttemptView {
  @ApiProperty() id!: string;
  @ApiProperty() quizId!: string;
  @ApiProperty() attemptNo!: number;
  @ApiProperty({ enum: ATTEMPT_STATUSES }) status!: string;
  @ApiProperty() startedAt!: Date;
  @ApiProperty({ type: Date, nullable: true, description: 'Fixed at start; null = no limit' })
  deadline!: Date | null;
  @ApiProperty({
    type: Date,
    nullable: true,
    description:
      'Until then an answer given before the deadline but delivered late (offline) is still ' +
      'taken; the automatic submit happens then',
  })
  graceUntil!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) submittedAt!: Date | null;
  @ApiProperty({ description: 'The server clock, to count down without trusting the device' })
  serverNow!: Date;
  @ApiProperty({ type: [AttemptQuestionView] }) questions!: AttemptQuestionView[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: RESPONSE_SCHEMA,
    description: 'Saved answers by question id, while the attempt is open',
  })
  answers?: Record<string, unknown>;
  @ApiPropertyOptional({ type: AttemptResultView }) result?: AttemptResultView;
  @ApiPropertyOptional({ description: 'Shown to authors' }) userId?: string;
}

export class SavedAnswerView {
  @ApiProperty() questionId!: string;
  @ApiProperty() savedAt!: Date;
}

export class RegradeResultView {
  @ApiProperty() regraded!: number;
  @ApiProperty({ type: [String] }) attemptIds!: string[];
}

export class CategoryView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

class CategoryCountView extends CategoryView {
  @ApiProperty({ description: 'Questions in the category (not deleted)' }) questions!: number;
}

export class CategoryListView {
  @ApiProperty({ type: [CategoryCountView] }) items!: CategoryCountView[];
}

class SpecOptionView {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ description: '-1..1 of the mark' }) fraction!: number;
  @ApiPropertyOptional() feedback?: string;
}

class SpecAcceptedAnswerView {
  @ApiProperty() text!: string;
  @ApiProperty() fraction!: number;
  @ApiPropertyOptional() feedback?: string;
}

class SpecNumericalAnswerView {
  @ApiProperty() value!: number;
  @ApiProperty() tolerance!: number;
  @ApiProperty() fraction!: number;
  @ApiPropertyOptional() feedback?: string;
}

class SpecMatchingPairView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Empty = a distractor answer' }) prompt!: string;
  @ApiProperty() answer!: string;
}

class QuestionSpecView {
  @ApiPropertyOptional({ type: [SpecOptionView], description: 'choice questions' })
  options?: SpecOptionView[];
  @ApiPropertyOptional({ description: 'true_false' }) correctAnswer?: boolean;
  @ApiPropertyOptional() feedbackTrue?: string;
  @ApiPropertyOptional() feedbackFalse?: string;
  @ApiPropertyOptional({ type: [SpecAcceptedAnswerView], description: 'short_answer' })
  acceptedAnswers?: SpecAcceptedAnswerView[];
  @ApiPropertyOptional() caseSensitive?: boolean;
  @ApiPropertyOptional({ type: [SpecNumericalAnswerView], description: 'numerical' })
  numericalAnswers?: SpecNumericalAnswerView[];
  @ApiPropertyOptional({ type: [SpecMatchingPairView], description: 'matching' })
  matchingPairs?: SpecMatchingPairView[];
}

export class QuestionView {
  @ApiProperty() id!: string;
  @ApiProperty() bankId!: string;
  @ApiProperty({ type: String, nullable: true }) categoryId!: string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ description: 'The current version' }) versionId!: string;
  @ApiProperty() versionNo!: number;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: ['markdown', 'html', 'plain', 'moodle'] }) textFormat!: string;
  @ApiProperty({ type: String, nullable: true }) generalFeedback!: string | null;
  @ApiProperty() defaultMarkHundredths!: number;
  @ApiProperty({ type: () => QuestionSpecView, description: 'The answer key; fields per type' })
  spec!: QuestionSpecView;
  @ApiProperty() defaultMark!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

class ImportedQuestionView {
  @ApiProperty({ description: 'Line in the file' }) line!: number;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, nullable: true }) category!: string | null;
}

export class QuestionImportView {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ description: '0 on a dry run' }) created!: number;
  @ApiProperty({ type: [String] }) categories!: string[];
  @ApiProperty({ type: [ImportedQuestionView] }) questions!: ImportedQuestionView[];
}
