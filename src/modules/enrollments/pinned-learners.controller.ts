import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '../../common/auth/roles';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { UuidParam } from '../../common/http/uuid-param';
import { PageQueryDto } from '../../common/paging/cursor';
import { CourseStaffOnly } from '../courses';
import { PinnedLearnersPageView } from './dto/pinned-learners.dto';
import { PinnedLearnersService } from './pinned-learners.service';

@ApiTags('enrollments')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('api/v1/courses/:id/pinned-learners')
export class PinnedLearnersController {
  constructor(private readonly pinned: PinnedLearnersService) {}

  /** Course staff, before and after publishing: who stays on an older version. */
  @Get()
  @Roles(Role.Admin, Role.Instructor)
  @CourseStaffOnly()
  @ApiErrors(404)
  @ApiOkResponse({ type: PinnedLearnersPageView })
  page(
    @Param('id', UuidParam) courseId: string,
    @Query() query: PageQueryDto,
  ): Promise<PinnedLearnersPageView> {
    return this.pinned.page(courseId, query);
  }
}
