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

/**
 * The queue that carries each job. A new job is its payload above, its queue here and one
 * `@JobHandler(name)` method in a provider the worker loads; the worker refuses to boot
 * while a declared job has no handler or two.
 */
export const JOB_QUEUE: { readonly [N in JobName]: QueueName } = {
  'certificate.render': QueueName.Certificates,
  'certificate.sweep': QueueName.Certificates,
  'email.send': QueueName.Email,
  'email.sweep': QueueName.Email,
  'reminders.scan': QueueName.Email,
  'reminders.hr-digest': QueueName.Email,
  'quiz.auto-submit': QueueName.Quizzes,
  'quiz.sweep': QueueName.Quizzes,
  'storage.sweep-orphans': QueueName.Maintenance,
};
export const ALL_JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];
