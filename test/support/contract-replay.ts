/**
 * Re-checks responses recorded with CONTRACT_RECORD_DIR against the current document, without
 * running the suite again: `npx ts-node --swc -r tsconfig-paths/register test/support/contract-replay.ts DIR`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocumentOffline } from '../../src/bootstrap/openapi-offline';
import { ContractValidator, RecordedResponse } from './contract';

async function main(dir: string): Promise<void> {
  const validator = new ContractValidator((await openApiDocumentOffline()) as never);
  const responses = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as RecordedResponse[]);
  const violations = validator.checkAll(responses);
  console.log(violations.sort().join('\n'));
  console.log(`${responses.length} responses, ${violations.length} violations`);
  process.exit(violations.length ? 1 : 0);
}

void main(process.argv[2] ?? '');
