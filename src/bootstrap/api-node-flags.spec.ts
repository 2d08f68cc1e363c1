import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const read = (file: string) => readFileSync(join(__dirname, '..', '..', file), 'utf8');

// The API's node flags are set where it is started, not in code (V8 sizes its heap before any
// JavaScript runs); the benches read them from package.json. These three must agree.
describe('the node flags the API process starts with', () => {
  const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
  const command = packageJson.scripts['start:api'].split(' ');

  it('cap the young generation (docs/operations.md, Memory)', () => {
    expect(command).toEqual([
      'node',
      '--max-semi-space-size=4',
      '--v8-pool-size=2',
      'dist/src/main.js',
    ]);
  });

  it('are the same in the Dockerfile and the compose file', () => {
    expect(read('docker/Dockerfile')).toContain(
      `CMD [${command.map((word) => `"${word}"`).join(', ')}]`,
    );
    expect(read('docker/compose.yaml')).toContain(
      `command: [${command.map((word) => `'${word}'`).join(', ')}]`,
    );
  });
});
