/** Thrown when the data handed to a template lacks a field or holds an unusable value. */
export class TemplateDataError extends Error {
  override readonly name = 'TemplateDataError';

  constructor(
    readonly template: string,
    readonly field: string,
    reason: string,
  ) {
    super(`E-mail template "${template}": field "${field}" ${reason}`);
  }
}
