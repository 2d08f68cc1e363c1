import { Worker } from 'node:worker_threads';
import { FuzzFormat, fuzzInput } from './fuzz-inputs';
import type { FuzzMessage, FuzzOptions } from './fuzz-worker';

const CASES_PER_PARSER = 2500;
const SEED = 0x4b33;
/** Hang detector, not a performance target: a single parse must not take this long. */
const CASE_BUDGET_MS = 2000;
const STARTUP_BUDGET_MS = 60_000;

// The worker runs outside Jest, so it compiles the TypeScript sources itself with SWC.
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { transformSync } = require(workerData.swcPath);
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require(workerData.modulePath).runFuzzCases(workerData.options, (message) =>
  parentPort.postMessage(message),
);
`;

function runInWorker(options: FuzzOptions): Promise<{ cases: number; failures: string[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: {
        options,
        swcPath: require.resolve('@swc/core'),
        modulePath: require.resolve('./fuzz-worker.ts'),
      },
    });
    let currentCase = -1;
    let timer: NodeJS.Timeout | undefined;
    const finish = (callback: () => void) => {
      clearTimeout(timer);
      void worker.terminate();
      callback();
    };
    const arm = (budget: number) => {
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          finish(() =>
            reject(
              new Error(
                `${options.format} case ${currentCase} did not finish within ${budget} ms ` +
                  `(seed ${options.seed}); input starts with ${JSON.stringify(
                    options.format === 'hang-self-test'
                      ? ''
                      : fuzzInput(options.format, options.seed, currentCase).slice(0, 300),
                  )}`,
              ),
            ),
          ),
        budget,
      );
    };
    arm(STARTUP_BUDGET_MS);
    worker.on('message', (message: FuzzMessage) => {
      if (message.kind === 'start') {
        currentCase = message.index;
        arm(CASE_BUDGET_MS);
      } else {
        finish(() => resolve(message));
      }
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`fuzz worker exited early with code ${code}`))),
    );
  });
}

describe('fuzzing the parsers (seeded, hang-checked in a worker thread)', () => {
  it.each<FuzzFormat>(['gift', 'aiken', 'moodlexml'])(
    '%s: never throws, always returns a well-formed result, round-trips what it accepts',
    async (format) => {
      const outcome = await runInWorker({ format, seed: SEED, cases: CASES_PER_PARSER });
      expect(outcome.failures).toEqual([]);
      expect(outcome.cases).toBe(CASES_PER_PARSER);
    },
    120_000,
  );

  it('the hang detector fails a case that never finishes', async () => {
    await expect(runInWorker({ format: 'hang-self-test', seed: SEED, cases: 10 })).rejects.toThrow(
      /hang-self-test case 3 did not finish within 2000 ms/,
    );
  }, 30_000);

  it('generates reproducible inputs from the seed', () => {
    expect(fuzzInput('gift', SEED, 42)).toBe(fuzzInput('gift', SEED, 42));
    expect(fuzzInput('gift', SEED, 42)).not.toBe(fuzzInput('gift', SEED, 43));
  });
});
