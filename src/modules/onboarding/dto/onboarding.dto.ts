import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength } from 'class-validator';

const lower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class SetPasswordDto {
  @ApiProperty({ description: 'The token from the set-password or reset link', maxLength: 128 })
  @IsString()
  @MaxLength(128)
  token!: string;

  @ApiProperty({
    minLength: 8,
    maxLength: 256,
    description:
      'At least 8 characters, not a common password and not the e-mail address; no composition rules',
  })
  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class ForgotPasswordDto {
  @ApiProperty({ example: 'siti@example.co.id' })
  @Transform(lower)
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class PasswordTokenQueryDto {
  @ApiProperty({ maxLength: 128 })
  @IsString()
  @MaxLength(128)
  token!: string;
}

export class PasswordTokenView {
  @ApiProperty({ enum: ['invite', 'reset'] }) purpose!: 'invite' | 'reset';
  @ApiProperty({ description: "The user's name, to greet them" }) name!: string;
  @ApiProperty() expiresAt!: Date;
}

export class ForgotPasswordAcceptedView {
  @ApiProperty({
    example: 'If the address belongs to an account, a reset link is on its way',
    description: 'The same answer whether or not the address exists',
  })
  message!: string;
}

export class InvitationView {
  @ApiProperty() userId!: string;
  @ApiProperty({ description: 'When the new link expires' }) expiresAt!: Date;
}
