import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { AuthUser, AUTHORS, Roles } from '../../common/auth/roles';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { GradingQueuePageView, GradingQueueQueryDto } from './dto/grading-queue.dto';
import { GradingQueueService } from './grading-queue.service';

@ApiTags('quizzes')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('api/v1/grading')
export class GradingQueueController {
  constructor(private readonly queue: GradingQueueService) {}

  @Get('queue')
  @Roles(...AUTHORS)
  @ApiOkResponse({
    type: GradingQueuePageView,
    description:
      'Essays of submitted attempts across the courses the caller staffs (admins: all courses)',
  })
  list(
    @Query() query: GradingQueueQueryDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<GradingQueuePageView> {
    return this.queue.list(query, actor);
  }
}
