// Prints one closing line for `npm test` from the unit (Vitest) and e2e (Playwright) JSON reports.
import { readFileSync } from 'node:fs';

const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
const unit = read('.test-reports/unit.json');
const e2e = read('.test-reports/e2e.json');
const unitPassed = unit.numPassedTests;
const unitFailed = unit.numFailedTests;
const e2ePassed = e2e.stats.expected + e2e.stats.flaky;
const e2eFailed = e2e.stats.unexpected;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.stats.skipped;
console.log(`unit: ${unitPassed} passed, ${unitFailed} failed`);
console.log(`e2e: ${e2ePassed} passed, ${e2eFailed} failed`);
const tail = skipped > 0 ? `, ${skipped} skipped` : '';
console.log(`${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed} failed${tail}`);
process.exit(unitFailed + e2eFailed > 0 ? 1 : 0);
