import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { Job } from 'bullmq';
import { QueueName } from '@app/queue';
import { JobHandler } from './job-handler';
import { DECLARED_JOBS, JobRegistry } from './job-registry';

@Injectable()
class RenderJobs {
  readonly seen: string[] = [];
  @JobHandler('certificate.render')
  render({ certificateId }: { certificateId: string }) {
    this.seen.push(certificateId);
    return 'rendered';
  }
}

@Injectable()
class SweepJobs {
  @JobHandler('certificate.sweep')
  sweep() {
    return 0;
  }
}

@Injectable()
class SecondRenderer {
  @JobHandler('certificate.render')
  render() {
    return 'again';
  }
}

/** Boots a Nest context the way the worker does: init runs the registry's boot check. */
async function boot(declared: string[], providers: (new (...args: never[]) => unknown)[]) {
  const moduleRef = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [JobRegistry, { provide: DECLARED_JOBS, useValue: declared }, ...providers],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}

const job = (name: string, data: unknown) => ({ name, data }) as Job;

describe('JobRegistry boot check', () => {
  it('refuses to boot when a declared job has no handler', async () => {
    await expect(boot(['certificate.render', 'certificate.sweep'], [RenderJobs])).rejects.toThrow(
      'Job handlers: certificate.sweep has no handler',
    );
  });

  it('refuses to boot when a job has two handlers', async () => {
    await expect(
      boot(['certificate.render', 'certificate.sweep'], [RenderJobs, SweepJobs, SecondRenderer]),
    ).rejects.toThrow(
      'certificate.render has 2 handlers (RenderJobs.render, SecondRenderer.render)',
    );
  });

  it('refuses a handler for a job @app/queue does not declare', async () => {
    await expect(boot(['certificate.render'], [RenderJobs, SweepJobs])).rejects.toThrow(
      'SweepJobs.sweep handles certificate.sweep, which @app/queue does not declare',
    );
  });

  it('boots with one handler per job and routes each job to it', async () => {
    const app = await boot(['certificate.render', 'certificate.sweep'], [RenderJobs, SweepJobs]);
    const registry = app.get(JobRegistry);
    await expect(
      registry.run(QueueName.Certificates, job('certificate.render', { certificateId: 'c1' })),
    ).resolves.toBe('rendered');
    expect(app.get(RenderJobs).seen).toEqual(['c1']);
    await expect(registry.run(QueueName.Certificates, job('certificate.sweep', {}))).resolves.toBe(
      0,
    );
    await expect(registry.run(QueueName.Email, job('certificate.sweep', {}))).rejects.toThrow(
      'unknown job certificate.sweep on the email queue',
    );
    await expect(registry.run(QueueName.Certificates, job('nope', {}))).rejects.toThrow(
      'unknown job nope',
    );
    await app.close();
  });
});
