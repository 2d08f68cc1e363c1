import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse } from '@nestjs/swagger';

export class ErrorBodyDoc {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable error code' }) error!: string;
  @ApiProperty() message!: string;
  @ApiProperty({
    required: false,
    description: 'Per-field or per-row details',
    oneOf: [
      { type: 'object', additionalProperties: true },
      { type: 'array', items: {} },
    ],
  })
  details?: unknown;
  @ApiProperty({ description: 'Echoes the x-request-id header' }) requestId!: string;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (VALIDATION_FAILED, INVALID_CURSOR, …)',
  401: 'Not authenticated (UNAUTHENTICATED, INVALID_CREDENTIALS, …)',
  403: 'Role not allowed (FORBIDDEN)',
  404: 'Not found or not in your scope (NOT_FOUND)',
  409: 'Conflict with existing data',
  413: 'Upload too large (PAYLOAD_TOO_LARGE)',
  415: 'Unsupported file type (UNSUPPORTED_MEDIA_TYPE)',
  422: 'Semantically invalid (e.g. CSV_INVALID with per-row errors)',
  429: 'Rate limited (TOO_MANY_REQUESTS, TOO_MANY_LOGIN_ATTEMPTS, …); see Retry-After',
};

/** Documents the error responses a route can give, all with the one error body. */
export const ApiErrors = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', type: ErrorBodyDoc }),
    ),
  );
