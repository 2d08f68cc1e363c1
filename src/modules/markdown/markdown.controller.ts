import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AUTHORS, Roles } from '../../common/auth/roles';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { renderMarkdown } from '../../common/text/render-markdown';
import { MarkdownPreviewDto, MarkdownPreviewView } from './dto/markdown.dto';

/**
 * The authors' live preview: the one server renderer, so what the editor shows is what a
 * learner's lesson route returns for the same text (the browser never renders markdown itself).
 */
@ApiTags('markdown')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 413)
@Controller('api/v1/markdown')
export class MarkdownController {
  @Post('preview')
  @HttpCode(200)
  @Roles(...AUTHORS)
  @ApiOkResponse({ type: MarkdownPreviewView })
  preview(@Body() dto: MarkdownPreviewDto): MarkdownPreviewView {
    return { html: renderMarkdown(dto.markdown) };
  }
}
