import { FormatError, MAX_IMPORT_BYTES, ParseResult } from './model';

export class ErrorCollector {
  readonly errors: FormatError[] = [];

  add(line: number, code: string, message: string): void {
    const safeLine = Number.isInteger(line) && line > 0 ? line : 1;
    this.errors.push({ line: safeLine, code, message });
  }

  get count(): number {
    return this.errors.length;
  }

  /** Errors in source order; errors on the same line keep the order they were found in. */
  sorted(): FormatError[] {
    return [...this.errors].sort((a, b) => a.line - b.line);
  }
}

/** Returns a ready ParseResult when the input cannot be parsed at all, otherwise null. */
export function rejectUnusableInput(input: unknown): ParseResult | null {
  if (typeof input !== 'string') {
    return singleError('INVALID_INPUT', 'The import content must be text.');
  }
  // Every UTF-16 code unit needs at least one UTF-8 byte, so the length check avoids
  // encoding a huge string just to learn that it is too large.
  if (input.length > MAX_IMPORT_BYTES || Buffer.byteLength(input, 'utf8') > MAX_IMPORT_BYTES) {
    return singleError(
      'INPUT_TOO_LARGE',
      `The import file is larger than the limit of ${MAX_IMPORT_BYTES / (1024 * 1024)} MiB.`,
    );
  }
  return null;
}

/** Last line of defence so that a parser bug never turns into an exception for the caller. */
export function internalError(error: unknown): ParseResult {
  const detail = error instanceof Error ? error.message : String(error);
  return singleError('INTERNAL_PARSER_ERROR', `The file could not be processed: ${detail}`);
}

function singleError(code: string, message: string): ParseResult {
  return { questions: [], errors: [{ line: 1, code, message }] };
}

export function normaliseLineEndings(input: string): string {
  const withoutBom = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  return withoutBom.replace(/\r\n?/g, '\n');
}
