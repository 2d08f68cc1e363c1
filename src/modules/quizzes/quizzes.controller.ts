import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
  ) {}

  @Post()
  @Roles(...AUTHORS)
  @ApiErrors(409, 422)
  create(@Body() dto: CreateQuizDto, @CurrentUser() actor: AuthUser) {
    return this.quizzes.create(dto, actor);
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Instructor, Role.Learner)
  get(@Param('id', UuidParam) id: string, @CurrentUser() actor: AuthUser) {
    return isAuthor(actor)
      ? this.quizzes.getForAuthor(id, actor)
      : this.quizzes.getForLearner(id, actor);
  }

  @Patch(':id')
  @Roles(...AUTHORS)
  @ApiErrors(422)
  update(
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateQuizDto,
    @CurrentUser() actor: AuthUser,
  ) {
    return this.quizzes.update(id, dto, actor);
  }

  @Post(':id/attempts')
  @HttpCode(200)
  @Roles(Role.Learner)
  @ApiErrors(409)
  start(@Param('id', UuidParam) id: string, @CurrentUser() actor: AuthUser) {
    return this.attempts.start(id, actor);
  }

  @Post(':id/regrade')
  @HttpCode(200)
  @Roles(...AUTHORS)
  regrade(
    @Param('id', UuidParam) id: string,
    @Body() dto: RegradeDto,
    @CurrentUser() actor: AuthUser,
  ) {
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
  get(@Param('id', UuidParam) id: string, @CurrentUser() actor: AuthUser) {
    return this.attempts.view(id, actor);
  }

  @Put('answers/:questionId')
  @Roles(Role.Learner)
  @ApiErrors(409)
  save(
    @Param('id', UuidParam) id: string,
    @Param('questionId', UuidParam) questionId: string,
    @Body() dto: SaveAnswerDto,
    @CurrentUser() actor: AuthUser,
  ) {
    return this.attempts.saveAnswer(id, questionId, dto, actor);
  }

  @Post('submit')
  @HttpCode(200)
  @Roles(Role.Learner)
  submit(@Param('id', UuidParam) id: string, @CurrentUser() actor: AuthUser) {
    return this.attempts.submit(id, actor);
  }

  @Post('grades')
  @HttpCode(200)
  @Roles(...AUTHORS)
  @ApiErrors(409)
  async grade(
    @Param('id', UuidParam) id: string,
    @Body() dto: GradeAttemptDto,
    @CurrentUser() actor: AuthUser,
  ) {
    await this.grading.gradeManually(id, dto, actor);
    return this.attempts.view(id, actor);
  }
}
