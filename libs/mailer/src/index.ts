export type { Locale, RenderContext, RenderedEmail, TemplateCategory, TemplateName } from './types';
export { TemplateDataError } from './template-data-error';
export { renderEmail, templateCategory, TEMPLATE_NAMES } from './render-email';
export { sampleTemplateData } from './sample-data';
export {
  listUnsubscribeHeaders,
  signUnsubscribeToken,
  verifyUnsubscribeToken,
  type UnsubscribePayload,
} from './unsubscribe';
export {
  createSmtpSender,
  IDEMPOTENCY_HEADER,
  type OutgoingAttachment,
  type OutgoingEmail,
  type SmtpSender,
  type SmtpSenderOptions,
  type SmtpSendResult,
} from './smtp-sender';
export { classifySmtpError, type SmtpFailureKind } from './smtp-errors';
