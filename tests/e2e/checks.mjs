// The check runner the e2e clients share: one line per check ("ok ..." or "FAIL ...: why"), every check runs even
// after a failure, and finish() prints "ALL OK" (exit 0) or "FAILED: n of m checks" (exit 1).
import { McpError } from '@modelcontextprotocol/sdk/types.js';

let passed = 0;
let failed = 0;

/** Runs one named check; its optional return value is printed as detail. */
export async function check(name, body) {
  try {
    const detail = await body();
    passed++;
    console.log(`ok   ${name}${detail ? ` (${detail})` : ''}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${error?.message ?? error}`);
  }
}

export function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

/** Expects the promise to fail with the MCP (JSON-RPC) error code. */
export async function expectError(promise, code) {
  let result;
  try {
    result = await promise;
  } catch (error) {
    expect(error instanceof McpError, `expected MCP error ${code}, got ${error?.message ?? error}`);
    expect(error.code === code, `expected MCP error ${code}, got ${error.code}: ${error.message}`);
    return `${code} ${error.message}`;
  }
  throw new Error(`expected MCP error ${code}, got a result: ${JSON.stringify(result)}`);
}

/** Prints the verdict and exits. */
export function finish() {
  if (failed === 0) {
    console.log('ALL OK');
    process.exit(0);
  }
  console.log(`FAILED: ${failed} of ${passed + failed} checks`);
  process.exit(1);
}
