import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { AuthUser, Role, Roles } from '../../common/auth/roles';
import { DomainError } from '../../common/errors/domain-error';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { ApiFileResponse, PageOf } from '../../common/http/api-responses.decorator';
import { readSingleUpload, uploadAsText } from '../../common/http/upload';
import { UuidParam } from '../../common/http/uuid-param';
import { CourseStaffOnly } from '../courses';
import type { Page } from '../../common/paging/cursor';
import { parseDueDate } from './domain/assignment-csv';
import {
  AssignDto,
  AssignmentImportQueryDto,
  AssignmentPreviewDto,
  AssignmentPreviewView,
  AssignmentResultView,
  DueDateExtensionView,
  EmployeeTrainingView,
  ExtendDueDatesDto,
  EnrollResultView,
  EnrollmentListQueryDto,
  EnrollmentView,
  HeartbeatResultView,
  LessonContentView,
  ProgressResultView,
  RosterItemView,
} from './dto/enrollment.dto';
import { EnrollmentsService } from './enrollments.service';
import { LessonContentService } from './lesson-content.service';
import { ProgressService } from './progress.service';
import { HeavyRoute } from '../rate-limit';

const CSV_MAX_BYTES = 2 * 1024 * 1024;

@ApiTags('enrollments')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('api/v1/courses/:id')
export class CourseEnrollmentsController {
  constructor(private readonly enrollments: EnrollmentsService) {}

  @Post('enroll')
  @Roles(Role.Learner)
  @ApiCreatedResponse({ type: EnrollResultView, description: 'Enrolled' })
  @ApiOkResponse({ type: EnrollResultView, description: 'Already enrolled: the same id' })
  @ApiErrors(404, 409)
  async enroll(
    @Param('id', UuidParam) courseId: string,
    @CurrentUser() actor: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EnrollResultView> {
    const result = await this.enrollments.enrollSelf(courseId, actor);
    void reply.status(result.created ? 201 : 200);
    return result;
  }

  @Post('assignments')
  @HttpCode(200)
  @Roles(Role.Hr)
  @ApiOkResponse({ type: AssignmentResultView })
  @ApiErrors(404, 409)
  assign(
    @Param('id', UuidParam) courseId: string,
    @Body() dto: AssignDto,
    @CurrentUser() hr: AuthUser,
  ): Promise<AssignmentResultView> {
    return this.enrollments.assign(courseId, dto, hr);
  }

  @Post('assignments/preview')
  @HttpCode(200)
  @Roles(Role.Hr)
  @ApiOkResponse({
    type: AssignmentPreviewView,
    description: 'What POST assignments with these userIds would do to each; nothing is written',
  })
  @ApiErrors(404)
  previewAssignment(
    @Param('id', UuidParam) courseId: string,
    @Body() dto: AssignmentPreviewDto,
    @CurrentUser() hr: AuthUser,
  ): Promise<AssignmentPreviewView> {
    return this.enrollments.previewAssignment(courseId, dto.userIds, hr);
  }

  @Post('assignments/due-date')
  @HttpCode(200)
  @Roles(Role.Hr)
  @ApiOkResponse({
    type: DueDateExtensionView,
    description:
      "Sets dueAt on the selected learners' active enrollments on the course. All or nothing: " +
      '422 DUE_DATE_IN_PAST when dueAt is not in the future, 422 DUE_DATE_NOT_LATER when it is ' +
      'earlier than the current due date of one of them (details.userIds)',
  })
  @ApiErrors(404, 422)
  extendDueDates(
    @Param('id', UuidParam) courseId: string,
    @Body() dto: ExtendDueDatesDto,
    @CurrentUser() hr: AuthUser,
  ): Promise<DueDateExtensionView> {
    return this.enrollments.extendDueDates(courseId, dto, hr);
  }

  @Post('assignments/import')
  @HeavyRoute()
  @HttpCode(200)
  @Roles(Role.Hr)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description:
      'CSV (field "file", at most 2 MB, UTF-8, comma or semicolon separated) with the header ' +
      'employee_id[,due_at]; due_at is YYYY-MM-DD (end of that day, Asia/Jakarta) or an ISO ' +
      'date-time. An optional dueAt form field (sent before the file) applies to rows without ' +
      'due_at. All or nothing: a bad row rejects the file with 422 CSV_INVALID and per-line ' +
      'errors; assigning again is idempotent (unchanged). With ?dryRun=true nothing is written: ' +
      'the same checks (and 422), then the answer of assignments/preview for those employees.',
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        dueAt: { type: 'string', format: 'date-time' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiExtraModels(AssignmentResultView, AssignmentPreviewView)
  @ApiOkResponse({
    description: 'AssignmentResultView; with ?dryRun=true, AssignmentPreviewView',
    schema: {
      anyOf: [
        { $ref: getSchemaPath(AssignmentResultView) },
        { $ref: getSchemaPath(AssignmentPreviewView) },
      ],
    },
  })
  @ApiErrors(404, 409, 413, 415, 422)
  async importAssignments(
    @Param('id', UuidParam) courseId: string,
    @Query() query: AssignmentImportQueryDto,
    @Req() request: FastifyRequest,
    @CurrentUser() hr: AuthUser,
  ): Promise<AssignmentResultView | AssignmentPreviewView> {
    const file = await readSingleUpload(request, CSV_MAX_BYTES);
    if (query.dryRun === 'true') {
      return this.enrollments.previewAssignmentImport(courseId, uploadAsText(file), hr);
    }
    let dueAt: Date | null = null;
    if (file.fields.dueAt) {
      dueAt = parseDueDate(file.fields.dueAt);
      if (!dueAt) throw new DomainError('VALIDATION_FAILED', 'dueAt is not a date');
    }
    return this.enrollments.importAssignments(courseId, uploadAsText(file), dueAt, hr);
  }

  @Get('roster')
  @Roles(Role.Admin, Role.Instructor)
  @CourseStaffOnly()
  @ApiOkResponse({ type: PageOf(RosterItemView) })
  @ApiErrors(404)
  roster(
    @Param('id', UuidParam) courseId: string,
    @Query() query: EnrollmentListQueryDto,
  ): Promise<Page<RosterItemView>> {
    return this.enrollments.roster(courseId, query);
  }
}

/** HR: the training of one employee of their organization (the employee detail page). */
@ApiTags('employees')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('api/v1/employees/:id/enrollments')
export class EmployeeEnrollmentsController {
  constructor(private readonly enrollments: EnrollmentsService) {}

  @Get()
  @Roles(Role.Hr)
  @ApiOkResponse({ type: EmployeeTrainingView })
  list(
    @Param('id', UuidParam) userId: string,
    @Query() query: EnrollmentListQueryDto,
    @CurrentUser() hr: AuthUser,
  ): Promise<EmployeeTrainingView> {
    return this.enrollments.employeeTraining(userId, query, hr);
  }
}

@ApiTags('enrollments')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('api/v1/me/courses')
export class MyCoursesController {
  constructor(private readonly enrollments: EnrollmentsService) {}

  @Get()
  @Roles(Role.Learner)
  @ApiOkResponse({ type: PageOf(EnrollmentView) })
  list(
    @Query() query: EnrollmentListQueryDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<Page<EnrollmentView>> {
    return this.enrollments.myCourses(actor, query);
  }
}

@ApiTags('enrollments')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('api/v1/enrollments/:id')
export class EnrollmentsController {
  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly progress: ProgressService,
    private readonly content: LessonContentService,
  ) {}

  @Get()
  @Roles(Role.Admin, Role.Instructor, Role.Hr, Role.Learner)
  @ApiOkResponse({ type: EnrollmentView })
  get(@Param('id', UuidParam) id: string, @CurrentUser() actor: AuthUser): Promise<EnrollmentView> {
    return this.enrollments.detail(id, actor);
  }

  @Post('withdraw')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Hr, Role.Learner)
  @ApiOkResponse({ type: EnrollmentView })
  @ApiErrors(409)
  withdraw(
    @Param('id', UuidParam) id: string,
    @CurrentUser() actor: AuthUser,
  ): Promise<EnrollmentView> {
    return this.enrollments.withdraw(id, actor);
  }

  @Get('lessons/:lessonId')
  @Roles(Role.Learner)
  @ApiOkResponse({ type: LessonContentView })
  @ApiErrors(409)
  lesson(
    @Param('id', UuidParam) id: string,
    @Param('lessonId', UuidParam) lessonId: string,
    @CurrentUser() actor: AuthUser,
  ): Promise<LessonContentView> {
    return this.content.lesson(id, lessonId, actor);
  }

  @Get('lessons/:lessonId/file')
  @Roles(Role.Learner)
  @ApiFileResponse(
    [
      'application/pdf',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    'The lesson file (PDF or slides)',
  )
  @ApiErrors(409)
  async file(
    @Param('id', UuidParam) id: string,
    @Param('lessonId', UuidParam) lessonId: string,
    @CurrentUser() actor: AuthUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.content.file(id, lessonId, actor);
    await reply
      .header('Content-Type', file.contentType)
      .header('Content-Length', String(file.size))
      .header('Content-Disposition', file.disposition)
      .send(file.stream);
  }

  @Post('lessons/:lessonId/start')
  @HttpCode(200)
  @Roles(Role.Learner)
  @ApiOkResponse({ type: ProgressResultView })
  @ApiErrors(409)
  start(
    @Param('id', UuidParam) id: string,
    @Param('lessonId', UuidParam) lessonId: string,
    @CurrentUser() actor: AuthUser,
  ): Promise<ProgressResultView> {
    return this.progress.start(id, lessonId, actor);
  }

  @Post('lessons/:lessonId/heartbeat')
  @HttpCode(200)
  @Roles(Role.Learner)
  @ApiOkResponse({
    type: HeartbeatResultView,
    description:
      'Send one about every 60 s while the lesson is open. The time since the last credited ' +
      'heartbeat is credited, at most 90 s per heartbeat (a longer gap, e.g. a closed laptop, ' +
      'counts 90 s); one less than 10 s after the last credited one answers accepted: false ' +
      'and credits nothing, so two tabs count once.',
  })
  @ApiErrors(409)
  heartbeat(
    @Param('id', UuidParam) id: string,
    @Param('lessonId', UuidParam) lessonId: string,
    @CurrentUser() actor: AuthUser,
  ): Promise<HeartbeatResultView> {
    return this.progress.heartbeat(id, lessonId, actor);
  }

  @Post('lessons/:lessonId/complete')
  @HttpCode(200)
  @Roles(Role.Learner)
  @ApiOkResponse({ type: ProgressResultView })
  @ApiErrors(409)
  complete(
    @Param('id', UuidParam) id: string,
    @Param('lessonId', UuidParam) lessonId: string,
    @CurrentUser() actor: AuthUser,
  ): Promise<ProgressResultView> {
    return this.progress.complete(id, lessonId, actor);
  }
}
