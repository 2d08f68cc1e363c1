import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { Role } from '../../../common/auth/roles';
import { PageQueryDto } from '../../../common/paging/cursor';

const lower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

/**
 * Length and the common-password list are checked by the service (PASSWORD_TOO_SHORT / _LONG /
 * _COMMON, 422), the same rule as the set-password link; the DTO only bounds the input.
 */
export class PasswordField {
  @ApiPropertyOptional({
    minLength: 8,
    maxLength: 256,
    description: 'At least 8 characters, not a common password; no composition rules',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;
}

export class CreateUserDto extends PasswordField {
  @ApiProperty({ example: 'budi@example.co.id' })
  @Transform(lower)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Budi Santoso' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role)
  role!: Role;

  @ApiPropertyOptional({
    description: 'Required for hr and learner; forbidden for admin and instructor',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ example: 'E-001' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._/-]{1,64}$/)
  employeeId?: string;

  @ApiPropertyOptional({ example: '3171234567890001' })
  @IsOptional()
  @Matches(/^\d{16}$/, { message: 'nik must be exactly 16 digits' })
  nik?: string;

  @ApiPropertyOptional({ enum: ['id', 'en'] })
  @IsOptional()
  @IsIn(['id', 'en'])
  locale?: 'id' | 'en';
}

export class UpdateUserDto extends PasswordField {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(2, 200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(lower)
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9._/-]{1,64}$/)
  employeeId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\d{16}$/, { message: 'nik must be exactly 16 digits' })
  nik?: string;

  @ApiPropertyOptional({ enum: ['id', 'en'] })
  @IsOptional()
  @IsIn(['id', 'en'])
  locale?: 'id' | 'en';

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;
}

/** What HR may set on an employee: never the role or the organization. */
export class CreateEmployeeDto extends PasswordField {
  @ApiProperty({ example: 'siti@example.co.id' })
  @Transform(lower)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Siti Rahayu' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ example: 'E-002' })
  @Matches(/^[A-Za-z0-9._/-]{1,64}$/)
  employeeId!: string;

  @ApiPropertyOptional({ example: '3171234567890002' })
  @IsOptional()
  @Matches(/^\d{16}$/, { message: 'nik must be exactly 16 digits' })
  nik?: string;

  @ApiPropertyOptional({ enum: ['id', 'en'] })
  @IsOptional()
  @IsIn(['id', 'en'])
  locale?: 'id' | 'en';
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    description: 'Case-insensitive match on name, e-mail, NIK or employee id (part of any)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class UserView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Role }) role!: Role;
  @ApiProperty({ nullable: true, type: String }) organizationId!: string | null;
  @ApiProperty({ nullable: true, type: String }) employeeId!: string | null;
  @ApiProperty({ nullable: true, type: String }) nik!: string | null;
  @ApiProperty() locale!: string;
  @ApiProperty() isActive!: boolean;
  @ApiProperty() createdAt!: Date;
}

export class ImportResultView {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
}

export class ImportQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: check the file and answer the preview; nothing is written',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

export class ImportRowErrorView {
  @ApiProperty({ description: '1-based line of the file (1 is the header)' }) line!: number;
  @ApiPropertyOptional({ description: 'CSV column the error is about' }) field?: string;
  @ApiProperty({
    description:
      'MISSING_COLUMN, UNKNOWN_COLUMN, TOO_MANY_ROWS, CSV_EMPTY, COLUMN_COUNT, INVALID_NAME, ' +
      'INVALID_EMAIL, INVALID_EMPLOYEE_ID, INVALID_NIK, DUPLICATE_IN_FILE, NOT_A_LEARNER, ' +
      'EMPLOYEE_CONFLICT, or a CSV syntax code',
  })
  code!: string;
  @ApiProperty() message!: string;
}

export class ImportLineView {
  @ApiProperty() line!: number;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty() employeeId!: string;
  @ApiProperty({ description: 'Empty when the file has no nik column or the cell is empty' })
  nik!: string;
  @ApiProperty({ enum: ['create', 'update', 'invalid'] }) action!: string;
}

export class ImportPreviewView {
  @ApiProperty({ description: 'No error: importing the same file without dryRun will succeed' })
  valid!: boolean;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() invalid!: number;
  @ApiProperty({ type: [ImportRowErrorView], description: 'Every error (first 1000)' })
  errors!: ImportRowErrorView[];
  @ApiProperty({ type: [ImportLineView], description: 'Every data line of the file' })
  lines!: ImportLineView[];
}
