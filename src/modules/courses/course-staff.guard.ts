import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthUser } from '../../common/auth/roles';
import { CourseAccess } from './course-access.service';

const COURSE_PARAM_KEY = 'k3:course-staff-param';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * For routes whose path names the course (`:id` unless told otherwise): the caller must be
 * on the course staff (admins always are), else 404. Runs after the global role check.
 */
export const CourseStaffOnly = (param = 'id') =>
  applyDecorators(SetMetadata(COURSE_PARAM_KEY, param), UseGuards(CourseStaffGuard));

@Injectable()
export class CourseStaffGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: CourseAccess,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const param = this.reflector.getAllAndOverride<string>(COURSE_PARAM_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context
      .switchToHttp()
      .getRequest<{ params: Record<string, string>; user: AuthUser }>();
    const courseId = request.params[param ?? 'id'];
    // A malformed id is left to the route's UuidParam pipe (404 without a query).
    if (!courseId || !UUID.test(courseId)) return true;
    await this.access.assertStaff(request.user, courseId);
    return true;
  }
}
