// Child process of crashSafety.test.ts: writes label batches through the real repository until it is killed.
// Usage: crashWriter <database file> <first batch number>
import { openDatabase } from '../../src/main/store/database';
import { LabelsRepository } from '../../src/main/store/labelsRepository';
import { batchLabels } from './crashBatches';

const [file, first] = process.argv.slice(2);
const labels = new LabelsRepository(openDatabase(String(file)));
process.stdout.write('ready\n');
for (let batch = Number(first); ; batch++) {
  labels.setMany(batchLabels(batch));
  // Pipes are written synchronously on POSIX, so the parent hears of a commit only once it has happened.
  process.stdout.write(`committed ${batch}\n`);
}
