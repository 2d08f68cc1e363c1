import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
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
}
