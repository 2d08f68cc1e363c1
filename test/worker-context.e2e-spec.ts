import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { APP_GUARD, ModulesContainer } from '@nestjs/core';
import { Queue } from 'bullmq';
import { QueueName } from '@app/queue';
import { JobRegistry } from '../src/modules/queue/job-registry';
import { createTestContext, TestContext } from './support/test-app';

/** What a Nest context has loaded: controllers, and guards (global APP_GUARD or per route). */
function loaded(context: INestApplicationContext) {
  const controllers: string[] = [];
  const guards: string[] = [];
  for (const module of context.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) controllers.push(wrapper.name);
    for (const [token, wrapper] of [...module.providers, ...module.injectables]) {
      const name = typeof token === 'string' ? token : String(wrapper.name);
      if (name.startsWith(APP_GUARD) || /Guard$/.test(name)) guards.push(name);
    }
  }
  return { controllers, guards };
}

/** Names of the classes a Nest context provides. */
function providerNames(context: INestApplicationContext): string[] {
  const names: string[] = [];
  for (const module of context.get(ModulesContainer).values()) {
    for (const token of module.providers.keys()) {
      if (typeof token === 'function') names.push(token.name);
    }
  }
  return names;
}

describe('worker process context', () => {
  let ctx: TestContext;
  let worker: INestApplicationContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    // A scheduler under the id used before ids were spelled as job names.
    await ctx.app
      .get<Queue>(getQueueToken(QueueName.Email))
      .upsertJobScheduler('reminders-scan', { every: 3_600_000 }, { name: 'reminders.scan' });
    worker = await ctx.startWorker();
  });
  afterAll(() => ctx?.close());

  it('loads no controller and no HTTP guard', () => {
    expect(loaded(worker)).toEqual({ controllers: [], guards: [] });
  });

  it('while the API context does load them (the check above can fail)', () => {
    const api = loaded(ctx.app);
    expect(api.controllers).toEqual(
      expect.arrayContaining(['CoursesController', 'MetricsController']),
    );
    expect(api.guards.some((g) => g.startsWith(APP_GUARD))).toBe(true);
  });

  it('provides the services its jobs use, and not those only controllers use', () => {
    const apiOnly = ['CoursePublishing', 'ManualGradingService', 'QuestionTransferService'];
    const inWorker = providerNames(worker);
    expect(providerNames(ctx.app)).toEqual(expect.arrayContaining(apiOnly));
    expect(inWorker.filter((name) => apiOnly.includes(name))).toEqual([]);
    expect(inWorker).toEqual(
      expect.arrayContaining(['CourseCatalog', 'GradingService', 'AttemptResults']),
    );
  });

  it('declares every schedule under its job name and removes the legacy ids', async () => {
    const keysOf = async (name: QueueName) =>
      (await ctx.app.get<Queue>(getQueueToken(name)).getJobSchedulers()).map((s) => s.key).sort();
    expect(await keysOf(QueueName.Email)).toEqual([
      'email.sweep',
      'reminders.hr-digest',
      'reminders.scan',
    ]);
    expect(await keysOf(QueueName.Certificates)).toEqual(['certificate.sweep']);
    expect(await keysOf(QueueName.Quizzes)).toEqual(['quiz.sweep']);
  });

  it('booted with one handler for every declared job (the registry check passed)', () => {
    expect(worker.get(JobRegistry)).toBeInstanceOf(JobRegistry);
  });
});
