import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsString,
  IsTimeZone,
  Length,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { UserView } from '../../users';

export class LoginDto {
  @ApiProperty({ example: 'admin@k3-lms.local' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'password' })
  @IsString()
  @Length(1, 128)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  refreshToken!: string;
}

export class TokenPairView {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ description: 'Opaque; rotate with /auth/refresh' }) refreshToken!: string;
  @ApiProperty() tokenType!: 'Bearer';
}

export class MeView extends UserView {
  @ApiProperty({ nullable: true, type: String }) organizationName!: string | null;
  @ApiProperty({ example: 'Asia/Jakarta', description: 'IANA time zone used in e-mails' })
  timeZone!: string;
}

/** What every user may change about themselves (PATCH /me). */
export class UpdateMeDto {
  @ApiPropertyOptional({ enum: ['id', 'en'], description: 'Language of the web app and e-mails' })
  // Absent means unchanged; null is refused (both columns are NOT NULL).
  @ValidateIf((o: UpdateMeDto) => o.locale !== undefined)
  @IsIn(['id', 'en'])
  locale?: 'id' | 'en';

  @ApiPropertyOptional({ example: 'Asia/Makassar', description: 'IANA time zone' })
  @ValidateIf((o: UpdateMeDto) => o.timeZone !== undefined)
  @IsString()
  @MaxLength(64)
  @IsTimeZone()
  timeZone?: string;
}
