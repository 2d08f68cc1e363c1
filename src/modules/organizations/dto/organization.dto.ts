import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/paging/cursor';

export class CreateOrganizationDto {
  @ApiProperty({ example: 'PTMAJU', description: 'Short unique code, A-Z 0-9 _ -' })
  @Matches(/^[A-Z0-9_-]{2,32}$/, { message: 'code must be 2-32 characters of A-Z, 0-9, _ or -' })
  code!: string;

  @ApiProperty({ example: 'PT Maju Bersama' })
  @IsString()
  @Length(2, 200)
  name!: string;
}

export class UpdateOrganizationDto extends PartialType(CreateOrganizationDto) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;
}

export class OrganizationView {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() isActive!: boolean;
  @ApiProperty() createdAt!: Date;
}

export class ListOrganizationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or the code, any case' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}
