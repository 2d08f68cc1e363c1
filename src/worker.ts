import 'reflect-metadata';
import { exitOnBootError } from './bootstrap/boot-error';
import { releaseBootGarbage } from './bootstrap/boot-garbage';
import { closeOnSignals } from './bootstrap/shutdown';
import { createWorkerContext } from './bootstrap/worker-app';
import { AppConfig } from './config/app-config';

/** Worker process: BullMQ processors and job schedulers, no HTTP. */
async function main(): Promise<void> {
  const config = AppConfig.fromEnv();
  const context = await createWorkerContext(config);
  closeOnSignals(() => context.close());
  releaseBootGarbage();
}

main().catch(exitOnBootError);
