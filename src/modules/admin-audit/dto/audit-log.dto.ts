import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsIsoTimestamp } from '../../../common/http/iso-timestamp.decorator';
import { PageQueryDto } from '../../../common/paging/cursor';

const trimmedLower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class ListAuditLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: "The actor's user id or e-mail address" })
  @IsOptional()
  @Transform(trimmedLower)
  @MaxLength(254)
  @Matches(/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[^\s@]+@[^\s@]+)$/, {
    message: 'actor must be a user id or an e-mail address',
  })
  actor?: string;

  @ApiPropertyOptional({ example: 'certificate.retried' })
  @IsOptional()
  @Matches(/^[a-z0-9_.-]{1,64}$/)
  action?: string;

  @ApiPropertyOptional({ example: 'certificate', description: 'The entity type' })
  @IsOptional()
  @Matches(/^[a-z0-9_.-]{1,64}$/)
  entityType?: string;

  @ApiPropertyOptional({ description: 'The entity id' })
  @IsOptional()
  @IsUUID('all')
  entityId?: string;

  @ApiPropertyOptional({ description: 'Entries about this organization' })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;

  @ApiPropertyOptional({ description: 'From this instant (inclusive), ISO 8601' })
  @IsOptional()
  @IsIsoTimestamp()
  from?: Date;

  @ApiPropertyOptional({ description: 'Until this instant (exclusive), ISO 8601; after from' })
  @IsOptional()
  @IsIsoTimestamp()
  to?: Date;
}

export class AuditActorView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty() role!: string;
}

export class AuditEntryView {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: done by the system' })
  actorId!: string | null;
  @ApiProperty({ type: AuditActorView, nullable: true, description: 'null: system or deleted' })
  actor!: AuditActorView | null;
  @ApiProperty() action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ type: String, nullable: true }) organizationId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty() createdAt!: Date;
}
