/** Every BullMQ queue the system uses. One queue per concern so workers can be scaled separately. */
export const QueueName = {
  Certificates: 'certificates',
  Email: 'email',
  Quizzes: 'quizzes',
  Maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];
export const ALL_QUEUE_NAMES: QueueName[] = Object.values(QueueName);

/** Job names and their payloads. Payloads carry ids only; workers read current state from Postgres. */
export interface JobPayloads {
  'certificate.render': { certificateId: string };
  'certificate.sweep': Record<string, never>;
  'email.send': { outboxId: string };
  'email.sweep': Record<string, never>;
  'reminders.scan': { now?: string };
  'reminders.hr-digest': { now?: string };
  'quiz.auto-submit': { attemptId: string };
  'quiz.sweep': Record<string, never>;
  'storage.sweep-orphans': Record<string, never>;
}
export type JobName = keyof JobPayloads;
