import { ApiProperty } from '@nestjs/swagger';
import { DISPLAY_STATUSES } from './enrollment.dto';

export class PinnedLearnerView {
  @ApiProperty({ format: 'uuid' }) enrollmentId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ description: 'The version the learner stays on' }) versionNo!: number;
  @ApiProperty({ enum: DISPLAY_STATUSES }) status!: string;
  @ApiProperty() percent!: number;
  @ApiProperty({ type: String, format: 'date-time' }) enrolledAt!: Date;
}

class PinnedVersionCountView {
  @ApiProperty() versionNo!: number;
  @ApiProperty() count!: number;
}

/** Active learners on a version older than the course's newest (the draft, when there is one). */
export class PinnedLearnersPageView {
  @ApiProperty({ description: 'All of them, on every page' }) total!: number;
  @ApiProperty({ type: [PinnedVersionCountView], description: 'How many on each version' })
  byVersion!: PinnedVersionCountView[];
  @ApiProperty({ type: [PinnedLearnerView] }) items!: PinnedLearnerView[];
  @ApiProperty({ type: String, nullable: true, description: 'null on the last page' })
  nextCursor!: string | null;
}
