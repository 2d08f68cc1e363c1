import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { AuthUser, Role, Roles } from '../../common/auth/roles';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { ApiFileResponse, PageOf } from '../../common/http/api-responses.decorator';
import { UuidParam } from '../../common/http/uuid-param';
import { CertificateExportsService } from './certificate-exports.service';
import { CertificatesService } from './certificates.service';
import { VC_JWT } from './credentials.controller';
import { CredentialsService } from './credentials.service';
import { attachmentDisposition } from '../../common/http/content-disposition';
import { abortOnClose } from '../../common/http/abort-on-close';
import {
  CertificateFilterDto,
  CertificateView,
  ListCertificatesQueryDto,
  ReasonDto,
  RegisterQueryDto,
  RenewDto,
  RenewalView,
} from './dto/certificate.dto';
import { HeavyRoute } from '../rate-limit';

function stamp() {
  return new Date().toISOString().slice(0, 10);
}

@ApiTags('certificates')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('api/v1/certificates')
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly exports: CertificateExportsService,
    private readonly credentials: CredentialsService,
  ) {}

  @Get()
  @Roles(Role.Learner, Role.Hr, Role.Admin)
  @ApiOkResponse({ type: PageOf(CertificateView) })
  async list(@Query() query: ListCertificatesQueryDto, @CurrentUser() actor: AuthUser) {
    const page = await this.certificates.list(query, actor);
    return {
      items: await this.certificates.viewsFor(page.items, actor),
      nextCursor: page.nextCursor,
    };
  }

  @Get('export.zip')
  @HeavyRoute()
  @Roles(Role.Hr, Role.Admin)
  @ApiFileResponse(['application/zip'], 'One PDF per certificate, streamed')
  zip(
    @Query() filter: CertificateFilterDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const stream = this.exports.zip(filter, actor, abortOnClose(request, reply));
    return this.send(reply, stream, 'application/zip', `certificates-${stamp()}.zip`);
  }

  @Get('register')
  @HeavyRoute()
  @Roles(Role.Hr, Role.Admin)
  @ApiFileResponse(
    ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    'The certificate register as CSV (UTF-8 with BOM, comma separated, one header row) or XLSX',
  )
  register(
    @Query() query: RegisterQueryDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const { format, ...filter } = query;
    const signal = abortOnClose(request, reply);
    if (format === 'xlsx') {
      return this.send(
        reply,
        this.exports.xlsx(filter, actor, signal),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        `certificate-register-${stamp()}.xlsx`,
      );
    }
    return this.send(
      reply,
      this.exports.csv(filter, actor, signal),
      'text/csv; charset=utf-8',
      `certificate-register-${stamp()}.csv`,
    );
  }

  @Get(':id')
  @Roles(Role.Learner, Role.Hr, Role.Admin)
  @ApiOkResponse({ type: CertificateView })
  @ApiErrors(404)
  async get(
    @Param('id', UuidParam) id: string,
    @CurrentUser() actor: AuthUser,
  ): Promise<CertificateView> {
    const [view] = await this.certificates.viewsFor(
      [await this.certificates.getScoped(id, actor)],
      actor,
    );
    return view;
  }

  @Get(':id/pdf')
  @Roles(Role.Learner, Role.Hr, Role.Admin)
  @ApiFileResponse(['application/pdf'], 'The certificate PDF (ETag = its SHA-256)')
  @ApiResponse({ status: 304, description: 'If-None-Match matched the ETag' })
  @ApiErrors(404, 409)
  async pdf(
    @Param('id', UuidParam) id: string,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.certificates.download(id, actor);
    const etag = `"${file.sha256}"`;
    void reply
      .header('ETag', etag)
      .header('Cache-Control', 'private, no-cache')
      .header('X-Content-Type-Options', 'nosniff');
    if (request.headers['if-none-match'] === etag) {
      file.stream.destroy();
      return reply.status(304).send();
    }
    return reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Length', String(file.byteSize))
      .header('Content-Disposition', file.contentDisposition)
      .send(file.stream);
  }

  @Get(':id/credential')
  @Roles(Role.Learner, Role.Hr, Role.Admin)
  @ApiFileResponse([VC_JWT], 'The Open Badges 3.0 credential (compact JWS, VC-JWT)')
  @ApiErrors(404, 409)
  async credential(
    @Param('id', UuidParam) id: string,
    @CurrentUser() actor: AuthUser,
    @Res() reply: FastifyReply,
  ) {
    const { jwt, fileName } = await this.credentials.forCertificate(id, actor);
    return reply
      .header('Content-Type', VC_JWT)
      .header('Content-Disposition', attachmentDisposition(fileName))
      .header('Cache-Control', 'private, no-store')
      .send(jwt);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Instructor)
  @ApiOkResponse({ type: CertificateView })
  @ApiErrors(404, 409)
  async revoke(
    @Param('id', UuidParam) id: string,
    @Body() dto: ReasonDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<CertificateView> {
    return this.certificates.toView(await this.certificates.revoke(id, dto.reason, actor));
  }

  @Post(':id/reissue')
  @HttpCode(201)
  @Roles(Role.Admin, Role.Instructor)
  @ApiCreatedResponse({ type: CertificateView, description: 'The new certificate' })
  @ApiErrors(404, 409)
  async reissue(
    @Param('id', UuidParam) id: string,
    @Body() dto: ReasonDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<CertificateView> {
    return this.certificates.toView(await this.certificates.reissue(id, dto.reason, actor));
  }

  @Post(':id/renew')
  @HttpCode(201)
  @Roles(Role.Hr, Role.Learner)
  @ApiCreatedResponse({ type: RenewalView })
  @ApiErrors(404, 409)
  async renew(
    @Param('id', UuidParam) id: string,
    @Body() dto: RenewDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<RenewalView> {
    const enrollment = await this.certificates.renew(id, dto.dueAt, actor);
    return { enrollmentId: enrollment.id };
  }

  private send(reply: FastifyReply, stream: Readable, type: string, filename: string) {
    return reply
      .header('Content-Type', type)
      .header('Content-Disposition', attachmentDisposition(filename))
      .header('Cache-Control', 'no-store')
      .send(stream);
  }
}

@ApiTags('admin certificates')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('api/v1/admin/certificates')
@Roles(Role.Admin)
export class AdminCertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('failed')
  @ApiOkResponse({ type: PageOf(CertificateView) })
  async failed(@Query() query: ListCertificatesQueryDto, @CurrentUser() actor: AuthUser) {
    const page = await this.certificates.listFailed(query, actor);
    return {
      items: page.items.map((c) => this.certificates.toView(c)),
      nextCursor: page.nextCursor,
    };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: CertificateView })
  @ApiErrors(404, 409)
  async retry(
    @Param('id', UuidParam) id: string,
    @CurrentUser() actor: AuthUser,
  ): Promise<CertificateView> {
    return this.certificates.toView(await this.certificates.retry(id, actor));
  }
}
