import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { Job } from 'bullmq';
import { ALL_JOB_NAMES, JOB_QUEUE, type JobName, type QueueName } from '@app/queue';
import { JOB_HANDLER } from './job-handler';

export const DECLARED_JOBS = Symbol('DECLARED_JOBS');

type Run = (data: unknown, job: Job, token?: string) => unknown;

export interface FoundHandler {
  name: string;
  /** `Class.method`, for the boot error. */
  where: string;
  run: Run;
}

/** Job name -> its one handler; throws naming every job without a handler or with several. */
export function buildJobTable(
  declared: readonly string[],
  found: readonly FoundHandler[],
): Map<string, Run> {
  const byName = new Map<string, FoundHandler[]>();
  for (const handler of found) {
    byName.set(handler.name, [...(byName.get(handler.name) ?? []), handler]);
  }
  const problems: string[] = [];
  for (const name of declared) {
    const handlers = byName.get(name) ?? [];
    if (handlers.length === 0) problems.push(`${name} has no handler`);
    if (handlers.length > 1) {
      problems.push(
        `${name} has ${handlers.length} handlers (${handlers.map((h) => h.where).join(', ')})`,
      );
    }
  }
  for (const [name, handlers] of byName) {
    if (!declared.includes(name)) {
      problems.push(`${handlers[0].where} handles ${name}, which @app/queue does not declare`);
    }
  }
  if (problems.length) throw new Error(`Job handlers: ${problems.join('; ')}`);
  return new Map([...byName].map(([name, [handler]]) => [name, handler.run]));
}

/** Every `@JobHandler` method of the worker's providers, checked against the declared jobs at boot. */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private table?: Map<string, Run>;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(DECLARED_JOBS) private readonly declared: readonly string[],
  ) {}

  onModuleInit(): void {
    this.handlers();
  }

  /** Runs the handler of `job.name`; the processor of `queue` calls this for every job. */
  async run(queue: QueueName, job: Job, token?: string): Promise<unknown> {
    const name = job.name as JobName;
    const run = this.handlers().get(name);
    if (!run || JOB_QUEUE[name] !== queue)
      throw new Error(`unknown job ${job.name} on the ${queue} queue`);
    return run(job.data, job, token);
  }

  private handlers(): Map<string, Run> {
    this.table ??= buildJobTable(this.declared, this.discover());
    return this.table;
  }

  private discover(): FoundHandler[] {
    const found: FoundHandler[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const key of this.scanner.getAllMethodNames(prototype)) {
        const method = instance[key] as Run;
        const name = this.reflector.get<string | undefined>(JOB_HANDLER, method);
        if (!name) continue;
        found.push({
          name,
          where: `${instance.constructor.name}.${key}`,
          run: (data, job, token) => method.call(instance, data, job, token),
        });
      }
    }
    return found;
  }
}

export const DEFAULT_DECLARED_JOBS = { provide: DECLARED_JOBS, useValue: ALL_JOB_NAMES };
