import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
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
import { MAX_IMPORT_BYTES } from '@app/question-formats';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { AuthUser, AUTHORS, Roles } from '../../common/auth/roles';
import { DomainError } from '../../common/errors/domain-error';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { ApiFileResponse, PageOf } from '../../common/http/api-responses.decorator';
import type { Page } from '../../common/paging/cursor';
import { readSingleUpload, uploadAsText } from '../../common/http/upload';
import { UuidParam } from '../../common/http/uuid-param';
import { attachmentDisposition } from '../../common/http/content-disposition';
import {
  CreateCategoryDto,
  ExportQueryDto,
  ImportQueryDto,
  ListQuestionsQueryDto,
  QuestionInputDto,
} from './dto/question.dto';
import { CourseStaffOnly } from '../courses';
import {
  CategoryListView,
  CategoryView,
  QuestionImportView,
  QuestionPreviewView,
  QuestionView,
} from './dto/quiz-views.dto';
import { QuestionBankService } from './question-bank.service';
import { QuestionTransferService } from './question-transfer.service';
import { HeavyRoute } from '../rate-limit';

@ApiTags('question bank')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('api/v1/courses/:id/question-bank')
@Roles(...AUTHORS)
@CourseStaffOnly()
export class QuestionBankController {
  constructor(
    private readonly bank: QuestionBankService,
    private readonly transfer: QuestionTransferService,
  ) {}

  @Get('categories')
  @ApiOkResponse({ type: CategoryListView })
  categories(@Param('id', UuidParam) courseId: string): Promise<CategoryListView> {
    return this.bank.listCategories(courseId);
  }

  @Post('categories')
  @ApiCreatedResponse({ type: CategoryView })
  @ApiErrors(409)
  createCategory(
    @Param('id', UuidParam) courseId: string,
    @Body() dto: CreateCategoryDto,
  ): Promise<CategoryView> {
    return this.bank.createCategory(courseId, dto.name);
  }

  @Get('questions')
  @ApiOkResponse({ type: PageOf(QuestionView) })
  list(
    @Param('id', UuidParam) courseId: string,
    @Query() query: ListQuestionsQueryDto,
  ): Promise<Page<QuestionView>> {
    return this.bank.list(courseId, query);
  }

  @Post('questions')
  @ApiCreatedResponse({ type: QuestionView })
  @ApiErrors(422)
  create(
    @Param('id', UuidParam) courseId: string,
    @Body() dto: QuestionInputDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<QuestionView> {
    return this.bank.create(courseId, dto, actor);
  }

  @Post('import')
  @HeavyRoute()
  @HttpCode(200)
  @ApiConsumes('multipart/form-data', 'text/plain')
  @ApiBody({
    description:
      'GIFT, Aiken or Moodle XML (?format=), as multipart field "file" or a text/plain body; ' +
      '?dryRun=true only reports what would be created. Errors: 422 IMPORT_INVALID with ' +
      'line-numbered errors in details.',
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOkResponse({ type: QuestionImportView })
  @ApiErrors(413, 415, 422)
  async import(
    @Param('id', UuidParam) courseId: string,
    @Query() query: ImportQueryDto,
    @Req() request: FastifyRequest,
    @CurrentUser() actor: AuthUser,
  ): Promise<QuestionImportView> {
    const text = await importText(request);
    return this.transfer.import(courseId, query.format, text, query.dryRun === 'true', actor);
  }

  @Get('export')
  @HeavyRoute()
  @ApiFileResponse(['text/plain', 'application/xml'], 'GIFT (text/plain) or Moodle XML')
  async export(
    @Param('id', UuidParam) courseId: string,
    @Query() query: ExportQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const body = await this.transfer.export(courseId, query.format);
    const code = await this.transfer.courseCode(courseId);
    const gift = query.format === 'gift';
    await reply
      .header('Content-Type', gift ? 'text/plain; charset=utf-8' : 'application/xml; charset=utf-8')
      .header(
        'Content-Disposition',
        attachmentDisposition(`${code}-questions.${gift ? 'gift.txt' : 'xml'}`),
      )
      .send(body);
  }
}

@ApiTags('question bank')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('api/v1/questions/:id')
@Roles(...AUTHORS)
export class QuestionsController {
  constructor(private readonly bank: QuestionBankService) {}

  @Get()
  @ApiOkResponse({ type: QuestionView })
  get(@Param('id', UuidParam) id: string, @CurrentUser() actor: AuthUser): Promise<QuestionView> {
    return this.bank.get(id, actor);
  }

  @Get('preview')
  @ApiOkResponse({
    type: QuestionPreviewView,
    description: 'The current version as a learner sees it in an attempt: never the answers',
  })
  preview(
    @Param('id', UuidParam) id: string,
    @CurrentUser() actor: AuthUser,
  ): Promise<QuestionPreviewView> {
    return this.bank.learnerPreview(id, actor);
  }

  @Put()
  @ApiOkResponse({ type: QuestionView, description: 'A new version becomes current' })
  @ApiErrors(422)
  update(
    @Param('id', UuidParam) id: string,
    @Body() dto: QuestionInputDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<QuestionView> {
    return this.bank.update(id, dto, actor);
  }

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted (kept for attempts that showed it)' })
  async remove(@Param('id', UuidParam) id: string, @CurrentUser() actor: AuthUser) {
    await this.bank.remove(id, actor);
  }
}

async function importText(request: FastifyRequest): Promise<string> {
  if (request.isMultipart?.()) {
    return uploadAsText(await readSingleUpload(request, MAX_IMPORT_BYTES));
  }
  if (typeof request.body === 'string') {
    if (Buffer.byteLength(request.body) > MAX_IMPORT_BYTES) {
      throw new DomainError('PAYLOAD_TOO_LARGE', 'The file is too large', {
        maxBytes: MAX_IMPORT_BYTES,
      });
    }
    return request.body;
  }
  throw new DomainError(
    'UNSUPPORTED_MEDIA_TYPE',
    'Send the file as multipart/form-data field "file" or as a text/plain body',
  );
}
