import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/roles';
import { DomainError } from '../../common/errors/domain-error';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { readSingleUpload } from '../../common/http/upload';
import { AppConfig } from '../../config/app-config';
import { pickLanguage } from './domain/verification-view';
import { renderNotFoundPage, renderVerifyPage, VERIFY_PAGE_CSP } from './views/verify-page';
import {
  DocumentCheckDoc,
  VerificationDoc,
  VerifyCodeParamDto,
  VerifyPageQueryDto,
} from './dto/certificate.dto';
import { DocumentCheck, VerificationService } from './verification.service';
import { VerifyThrottle } from './verify-throttle';

const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;
const HTML = { 'text/html': { schema: { type: 'string' } } };

/** Public verification: anyone holding the QR code or the PDF, no account, rate-limited per IP. */
@ApiTags('verification')
@Controller()
@Public()
export class VerificationController {
  constructor(
    private readonly verification: VerificationService,
    private readonly throttle: VerifyThrottle,
    private readonly config: AppConfig,
  ) {}

  @Get('verify/:code')
  @ApiResponse({ status: 200, description: 'Verification page', content: HTML })
  @ApiResponse({ status: 404, description: 'No such certificate', content: HTML })
  @ApiErrors(429)
  async page(
    @Param() params: VerifyCodeParamDto,
    @Query() query: VerifyPageQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.throttle.consume(request.ip);
    const lang = pickLanguage(
      query.lang,
      request.headers['accept-language'],
      this.config.defaultLocale,
    );
    const switchHref = `?lang=${lang === 'id' ? 'en' : 'id'}`;
    void reply
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Content-Language', lang)
      .header('Content-Security-Policy', VERIFY_PAGE_CSP)
      .header('Cache-Control', 'no-store')
      .header('Vary', 'Accept-Language');
    try {
      const view = await this.verification.byCode(params.code);
      return reply.send(renderVerifyPage(view, lang, this.config.timeZone, switchHref));
    } catch (e) {
      if (e instanceof DomainError && e.code === 'NOT_FOUND') {
        return reply.status(404).send(renderNotFoundPage(lang, switchHref));
      }
      throw e;
    }
  }

  @Get('api/v1/verify/:code')
  @ApiOkResponse({ type: VerificationDoc })
  @ApiErrors(404, 429)
  async json(
    @Param() params: VerifyCodeParamDto,
    @Req() request: FastifyRequest,
  ): Promise<VerificationDoc> {
    await this.throttle.consume(request.ip);
    return this.verification.byCode(params.code);
  }

  @Post('api/v1/verify/document')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: 'The certificate PDF (max 5 MB); matched by SHA-256',
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOkResponse({ type: DocumentCheckDoc })
  @ApiErrors(400, 413, 415, 429)
  async document(@Req() request: FastifyRequest): Promise<DocumentCheck> {
    await this.throttle.consume(request.ip);
    const file = await readSingleUpload(request, DOCUMENT_MAX_BYTES);
    return this.verification.byDocument(file.data);
  }
}
