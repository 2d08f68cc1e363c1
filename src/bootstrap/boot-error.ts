import { ConfigValidationError } from '../config/env.schema';

/** Boot failures print one clear line (no stack for configuration mistakes) and exit 1. */
export function exitOnBootError(error: unknown): never {
  if (error instanceof ConfigValidationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
}
