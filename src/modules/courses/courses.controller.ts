import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { ALL_ROLES, AuthUser, AUTHORS, Roles } from '../../common/auth/roles';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { PageOf } from '../../common/http/api-responses.decorator';
import { readSingleUpload } from '../../common/http/upload';
import { UuidParam } from '../../common/http/uuid-param';
import { AppConfig } from '../../config/app-config';
import { CourseAccess } from './course-access.service';
import { CourseStaffOnly } from './course-staff.guard';
import { CourseAuthoring } from './course-authoring.service';
import { CourseCatalog } from './course-catalog.service';
import { CoursePublishing } from './course-publishing.service';
import { toLessonView, toModuleSummary } from './courses.views';
import {
  CourseSummaryView,
  CourseView,
  CreateCourseDto,
  CreateLessonDto,
  LessonView,
  ListCoursesQueryDto,
  ModuleDto,
  MoveLessonDto,
  AddStaffDto,
  CourseStaffMemberView,
  ModuleSummaryView,
  ReorderDto,
  UpdateCourseDto,
  UpdateLessonDto,
  UpdateModuleDto,
  VersionView,
} from './dto/course.dto';
import { PublishPreviewView } from './dto/publish-preview.dto';
import { LessonFilesService } from './lesson-files.service';

@ApiTags('courses')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('api/v1/courses')
export class CoursesController {
  constructor(
    private readonly catalog: CourseCatalog,
    private readonly authoring: CourseAuthoring,
    private readonly publishing: CoursePublishing,
    private readonly files: LessonFilesService,
    private readonly access: CourseAccess,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @Roles(...AUTHORS)
  @ApiErrors(409)
  @ApiCreatedResponse({ type: CourseView })
  create(@Body() dto: CreateCourseDto, @CurrentUser() actor: AuthUser): Promise<CourseView> {
    return this.authoring.create(dto, actor);
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: PageOf(CourseSummaryView) })
  list(@Query() query: ListCoursesQueryDto, @CurrentUser() actor: AuthUser) {
    return this.catalog.list(query, actor);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiErrors(404)
  @ApiOkResponse({ type: CourseView })
  get(@Param('id', UuidParam) id: string, @CurrentUser() actor: AuthUser): Promise<CourseView> {
    return this.catalog.get(id, actor);
  }

  @Patch(':id')
  @Roles(...AUTHORS)
  @CourseStaffOnly()
  @ApiErrors(404, 409)
  @ApiOkResponse({ type: CourseView })
  update(
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateCourseDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<CourseView> {
    return this.authoring.update(id, dto, actor);
  }

  @Get(':id/versions')
  @Roles(...AUTHORS)
  @CourseStaffOnly()
  @ApiErrors(404)
  @ApiOkResponse({ type: [VersionView] })
  versions(@Param('id', UuidParam) id: string): Promise<VersionView[]> {
    return this.catalog.listVersions(id);
  }

  @Post(':id/versions')
  @Roles(...AUTHORS)
  @CourseStaffOnly()
  @ApiErrors(404, 409)
  @ApiCreatedResponse({ type: CourseView })
  newDraft(
    @Param('id', UuidParam) id: string,
    @CurrentUser() actor: AuthUser,
  ): Promise<CourseView> {
    return this.publishing.createDraft(id, actor);
  }

  @Get(':id/publish-preview')
  @Roles(...AUTHORS)
  @CourseStaffOnly()
  @ApiErrors(404, 409)
  @ApiOkResponse({
    type: PublishPreviewView,
    description:
      'The draft compared with the published version; 409 DRAFT_REQUIRED without a draft',
  })
  publishPreview(@Param('id', UuidParam) id: string): Promise<PublishPreviewView> {
    return this.publishing.preview(id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles(...AUTHORS)
  @CourseStaffOnly()
  @ApiErrors(404, 409, 422)
  @ApiOkResponse({ type: CourseView })
  publish(@Param('id', UuidParam) id: string, @CurrentUser() actor: AuthUser): Promise<CourseView> {
    return this.publishing.publish(id, actor);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles(...AUTHORS)
  @CourseStaffOnly()
  @ApiErrors(404, 409)
  @ApiOkResponse({ type: CourseView })
  archive(@Param('id', UuidParam) id: string, @CurrentUser() actor: AuthUser): Promise<CourseView> {
    return this.publishing.archive(id, actor);
  }

  @Get(':id/staff')
  @Roles(...AUTHORS)
  @ApiErrors(404)
  @ApiOkResponse({ type: [CourseStaffMemberView] })
  staff(
    @Param('id', UuidParam) id: string,
    @CurrentUser() actor: AuthUser,
  ): Promise<CourseStaffMemberView[]> {
    return this.access.list(id, actor);
  }

  @Post(':id/staff')
  @Roles(...AUTHORS)
  @ApiCreatedResponse({ type: [CourseStaffMemberView], description: 'The staff list after adding' })
  @ApiOkResponse({ type: [CourseStaffMemberView], description: 'Already on the staff: unchanged' })
  @ApiErrors(403, 404, 422)
  async addStaff(
    @Param('id', UuidParam) id: string,
    @Body() dto: AddStaffDto,
    @CurrentUser() actor: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CourseStaffMemberView[]> {
    const result = await this.access.add(id, dto, actor);
    void reply.status(result.created ? 201 : 200);
    return result.staff;
  }

  @Delete(':id/staff/:userId')
  @HttpCode(204)
  @Roles(...AUTHORS)
  @ApiNoContentResponse({ description: 'Removed from the staff' })
  @ApiErrors(403, 404, 409)
  async removeStaff(
    @Param('id', UuidParam) id: string,
    @Param('userId', UuidParam) userId: string,
    @CurrentUser() actor: AuthUser,
  ): Promise<void> {
    await this.access.remove(id, userId, actor);
  }

  @Post(':id/modules')
  @Roles(...AUTHORS)
  @CourseStaffOnly()
  @ApiErrors(404, 409)
  @ApiCreatedResponse({ type: ModuleSummaryView })
  async addModule(
    @Param('id', UuidParam) id: string,
    @Body() dto: ModuleDto,
  ): Promise<ModuleSummaryView> {
    return toModuleSummary(await this.authoring.addModule(id, dto));
  }

  @Post(':id/modules/reorder')
  @HttpCode(204)
  @Roles(...AUTHORS)
  @CourseStaffOnly()
  @ApiErrors(404, 409, 422)
  @ApiNoContentResponse({ description: 'Reordered' })
  async reorderModules(@Param('id', UuidParam) id: string, @Body() dto: ReorderDto) {
    await this.authoring.reorderModules(id, dto.ids);
  }

  @Patch(':id/modules/:moduleId')
  @Roles(...AUTHORS)
  @CourseStaffOnly()
  @ApiErrors(404, 409)
  @ApiOkResponse({ type: ModuleSummaryView })
  async updateModule(
    @Param('id', UuidParam) id: string,
    @Param('moduleId', UuidParam) moduleId: string,
    @Body() dto: UpdateModuleDto,
  ): Promise<ModuleSummaryView> {
    return toModuleSummary(await this.authoring.updateModule(id, moduleId, dto));
  }

  @Delete(':id/modules/:moduleId')
  @HttpCode(204)
  @Roles(...AUTHORS)
  @CourseStaffOnly()
  @ApiErrors(404, 409)
  @ApiNoContentResponse({ description: 'Deleted' })
  async deleteModule(
    @Param('id', UuidParam) id: string,
    @Param('moduleId', UuidParam) moduleId: string,
  ) {
    await this.authoring.deleteModule(id, moduleId);
  }

  @Post(':id/modules/:moduleId/lessons')
  @Roles(...AUTHORS)
  @CourseStaffOnly()
  @ApiErrors(404, 409, 422)
  @ApiCreatedResponse({ type: LessonView })
  async addLesson(
    @Param('id', UuidParam) id: string,
    @Param('moduleId', UuidParam) moduleId: string,
    @Body() dto: CreateLessonDto,
  ): Promise<LessonView> {
    return toLessonView(await this.authoring.addLesson(id, moduleId, dto));
  }

  @Post(':id/modules/:moduleId/lessons/reorder')
  @HttpCode(204)
  @Roles(...AUTHORS)
  @CourseStaffOnly()
  @ApiErrors(404, 409, 422)
  @ApiNoContentResponse({ description: 'Reordered' })
  async reorderLessons(
    @Param('id', UuidParam) id: string,
    @Param('moduleId', UuidParam) moduleId: string,
    @Body() dto: ReorderDto,
  ) {
    await this.authoring.reorderLessons(id, moduleId, dto.ids);
  }

  @Post(':id/lessons/:lessonId/move')
  @HttpCode(200)
  @Roles(...AUTHORS)
  @CourseStaffOnly()
  @ApiErrors(404, 409, 422)
  @ApiOkResponse({ type: LessonView, description: 'The lesson in its new module and place' })
  async moveLesson(
    @Param('id', UuidParam) id: string,
    @Param('lessonId', UuidParam) lessonId: string,
    @Body() dto: MoveLessonDto,
  ): Promise<LessonView> {
    return toLessonView(await this.authoring.moveLesson(id, lessonId, dto));
  }

  @Patch(':id/lessons/:lessonId')
  @Roles(...AUTHORS)
  @CourseStaffOnly()
  @ApiErrors(404, 409, 422)
  @ApiOkResponse({ type: LessonView })
  async updateLesson(
    @Param('id', UuidParam) id: string,
    @Param('lessonId', UuidParam) lessonId: string,
    @Body() dto: UpdateLessonDto,
  ): Promise<LessonView> {
    return toLessonView(await this.authoring.updateLesson(id, lessonId, dto));
  }

  @Delete(':id/lessons/:lessonId')
  @HttpCode(204)
  @Roles(...AUTHORS)
  @CourseStaffOnly()
  @ApiErrors(404, 409)
  @ApiNoContentResponse({ description: 'Deleted' })
  async deleteLesson(
    @Param('id', UuidParam) id: string,
    @Param('lessonId', UuidParam) lessonId: string,
  ) {
    await this.authoring.deleteLesson(id, lessonId);
  }

  @Post(':id/lessons/:lessonId/file')
  @Roles(...AUTHORS)
  @CourseStaffOnly()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: 'A PDF or PPT/PPTX in the field "file"; the type is checked by magic bytes',
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors(404, 409, 413, 415, 422)
  @ApiCreatedResponse({ type: LessonView })
  async uploadFile(
    @Param('id', UuidParam) id: string,
    @Param('lessonId', UuidParam) lessonId: string,
    @Req() request: FastifyRequest,
  ): Promise<LessonView> {
    await this.authoring.draftLesson(id, lessonId);
    const file = await readSingleUpload(request, this.config.maxUploadBytes);
    return toLessonView(await this.files.attach(id, lessonId, file));
  }
}
