import { Module } from '@nestjs/common';
import { CoursesController } from './courses.controller';
import { CoursesCoreModule } from './courses-core.module';

/** API side of courses. */
@Module({
  imports: [CoursesCoreModule],
  controllers: [CoursesController],
  exports: [CoursesCoreModule],
})
export class CoursesModule {}
