import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { AuthUser, AUTHORS, isAuthor, Role, Roles } from '../../common/auth/roles';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { UuidParam } from '../../common/http/uuid-param';
import { AttemptsService } from './attempts.service';
import {
  CreateQuizDto,
  GradeAttemptDto,
  RegradeDto,
  SaveAnswerDto,
  UpdateQuizDto,
} from './dto/quiz.dto';
import {
  AttemptView,
  LearnerQuizView,
  QuizView,
  RegradeResultView,
  SavedAnswerView,
} from './dto/quiz-views.dto';
import { ItemAnalysisPageView, ItemAnalysisQueryDto } from './dto/item-analysis.dto';
import { ItemAnalysisService } from './item-analysis.service';
import { toQuizView } from './quizzes.views';
import { ManualGradingService } from './manual-grading.service';
import { QuizzesService } from './quizzes.service';

@ApiTags('quizzes')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('api/v1/quizzes')
export class QuizzesController {
  constructor(
    private readonly quizzes: QuizzesService,
    private readonly attempts: AttemptsService,
    private readonly grading: ManualGradingService,
    private readonly itemAnalysis: ItemAnalysisService,
  ) {}

  @Post()
  @Roles(...AUTHORS)
  @ApiCreatedResponse({ type: QuizView })
  @ApiErrors(409, 422)
  async create(@Body() dto: CreateQuizDto, @CurrentUser() actor: AuthUser): Promise<QuizView> {
    return toQuizView(await this.quizzes.create(dto, actor));
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Instructor, Role.Learner)
  @ApiExtraModels(QuizView, LearnerQuizView)
  @ApiOkResponse({
    description: 'Authors get the quiz with its options; learners their view with attempts',
    schema: {
      oneOf: [{ $ref: getSchemaPath(QuizView) }, { $ref: getSchemaPath(LearnerQuizView) }],
    },
  })
  async get(
    @Param('id', UuidParam) id: string,
    @CurrentUser() actor: AuthUser,
  ): Promise<QuizView | LearnerQuizView> {
    return isAuthor(actor)
      ? toQuizView(await this.quizzes.getForAuthor(id, actor))
      : this.quizzes.getForLearner(id, actor);
  }

  @Patch(':id')
  @Roles(...AUTHORS)
  @ApiOkResponse({ type: QuizView })
  @ApiErrors(422)
  async update(
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateQuizDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<QuizView> {
    return toQuizView(await this.quizzes.update(id, dto, actor));
  }

  @Post(':id/attempts')
  @HttpCode(200)
  @Roles(Role.Learner)
  @ApiOkResponse({
    type: AttemptView,
    description: 'The open attempt (a new one or the one already open)',
  })
  @ApiErrors(409)
  start(@Param('id', UuidParam) id: string, @CurrentUser() actor: AuthUser): Promise<AttemptView> {
    return this.attempts.start(id, actor);
  }

  @Get(':id/item-analysis')
  @Roles(Role.Admin, Role.Instructor)
  @ApiOkResponse({
    type: ItemAnalysisPageView,
    description:
      "Per question: Moodle's facility and discrimination indices and the options chosen, over graded attempts",
  })
  itemAnalysisPage(
    @Param('id', UuidParam) id: string,
    @Query() query: ItemAnalysisQueryDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<ItemAnalysisPageView> {
    return this.itemAnalysis.analyse(id, query, actor);
  }

  @Post(':id/regrade')
  @HttpCode(200)
  @Roles(...AUTHORS)
  @ApiOkResponse({ type: RegradeResultView })
  regrade(
    @Param('id', UuidParam) id: string,
    @Body() dto: RegradeDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<RegradeResultView> {
    return this.grading.regrade(id, dto.questionId, actor);
  }
}

@ApiTags('quizzes')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('api/v1/attempts/:id')
export class AttemptsController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly grading: ManualGradingService,
  ) {}

  @Get()
  @Roles(Role.Admin, Role.Instructor, Role.Learner)
  @ApiOkResponse({ type: AttemptView })
  get(@Param('id', UuidParam) id: string, @CurrentUser() actor: AuthUser): Promise<AttemptView> {
    return this.attempts.view(id, actor);
  }

  @Put('answers/:questionId')
  @Roles(Role.Learner)
  @ApiOkResponse({ type: SavedAnswerView })
  @ApiErrors(409)
  save(
    @Param('id', UuidParam) id: string,
    @Param('questionId', UuidParam) questionId: string,
    @Body() dto: SaveAnswerDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<SavedAnswerView> {
    return this.attempts.saveAnswer(id, questionId, dto, actor);
  }

  @Post('submit')
  @HttpCode(200)
  @Roles(Role.Learner)
  @ApiOkResponse({ type: AttemptView })
  @ApiErrors(409)
  submit(@Param('id', UuidParam) id: string, @CurrentUser() actor: AuthUser): Promise<AttemptView> {
    return this.attempts.submit(id, actor);
  }

  @Post('grades')
  @HttpCode(200)
  @Roles(...AUTHORS)
  @ApiOkResponse({ type: AttemptView })
  @ApiErrors(409, 422)
  async grade(
    @Param('id', UuidParam) id: string,
    @Body() dto: GradeAttemptDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<AttemptView> {
    await this.grading.gradeManually(id, dto, actor);
    return this.attempts.view(id, actor);
  }
}
