import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/roles';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { ApiFileResponse } from '../../common/http/api-responses.decorator';
import { attachmentDisposition } from '../../common/http/content-disposition';
import { CredentialCheck, CredentialsService } from './credentials.service';
import {
  CredentialCheckDoc,
  DidDocumentDoc,
  StatusListParamDto,
  VerifyCodeParamDto,
  VerifyCredentialDto,
} from './dto/certificate.dto';
import { VerifyThrottle } from './verify-throttle';

export const VC_JWT = 'application/vc+jwt';

/** Public side of the Open Badges credentials: issuer DID, revocation list, verification. */
@ApiTags('credentials')
@Controller()
@Public()
export class CredentialsController {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly throttle: VerifyThrottle,
  ) {}

  @Get('.well-known/did.json')
  @ApiOkResponse({ type: DidDocumentDoc, description: 'The issuer did:web DID document' })
  didDocument(@Res({ passthrough: true }) reply: FastifyReply): DidDocumentDoc {
    void reply.header('Cache-Control', 'public, max-age=300');
    return this.credentials.didDocument() as DidDocumentDoc;
  }

  @Get('api/v1/credentials/status/:list')
  @ApiFileResponse([VC_JWT], 'BitstringStatusListCredential (revocation) as a VC-JWT')
  @ApiErrors(400)
  async statusList(@Param() params: StatusListParamDto, @Res() reply: FastifyReply) {
    const jwt = await this.credentials.statusList(params.list);
    return reply
      .header('Content-Type', VC_JWT)
      .header('Cache-Control', 'public, max-age=60')
      .send(jwt);
  }

  @Get('api/v1/verify/:code/credential')
  @ApiFileResponse([VC_JWT], 'The Open Badges 3.0 credential (compact JWS)')
  @ApiErrors(404, 429)
  async byCode(
    @Param() params: VerifyCodeParamDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.throttle.consume(request.ip);
    const { jwt, fileName } = await this.credentials.forCode(params.code);
    return reply
      .header('Content-Type', VC_JWT)
      .header('Content-Disposition', attachmentDisposition(fileName))
      .header('Cache-Control', 'no-store')
      .send(jwt);
  }

  @Post('api/v1/verify/credential')
  @HttpCode(200)
  @ApiOkResponse({
    type: CredentialCheckDoc,
    description: 'A signature that does not verify is a 200 with signatureValid: false',
  })
  @ApiErrors(400, 429)
  async verify(
    @Body() dto: VerifyCredentialDto,
    @Req() request: FastifyRequest,
  ): Promise<CredentialCheck> {
    await this.throttle.consume(request.ip);
    return this.credentials.verify(dto.credential);
  }
}
