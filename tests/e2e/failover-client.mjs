// The client side of the multi-process failover test (tests/EndToEnd.Tests/Cluster/ClusterFailoverTests.cs), on the
// official MCP TS SDK client (@modelcontextprotocol/sdk 1.32.2).
//
//   node tests/e2e/failover-client.mjs <url> <count> <seconds> <deadline-seconds> [<bearer-token>...]
//
// Opens one session per bearer token (two anonymous sessions when none is given), starts <count> tasks through the
// gateway at <url>, alternating `slow_whoami` and the mounted child's `child_slow_whoami` (each waits <seconds>) and
// the sessions, and waits until every task reports `working`. It then prints
//
//   STARTED [{"taskId","tool","session","sessionId"}...]
//
// and polls every task with tasks/get (every 500 ms, each task on its own, errors recorded and retried) until all are
// terminal or <deadline-seconds> have passed; the test kills a silo meanwhile. Last it reads each task's result twice
// with tasks/result, gets it once more, lists each session's tasks, and prints one line per task
//
//   TASK {"taskId","tool","session","sessionId","statuses":[{"status","count","firstAt"}],"lastUpdatedAt",
//         "finalStatus","result","resultAgain","listed","errors","firstErrors"}
//
// then DONE and exits 0. The verdict is the test's: this script only observes. It exits 1 (FATAL ...) only when it
// cannot connect or start the tasks.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema, CreateTaskResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { listAllTasks } from './tasks.mjs';

const [url, countText, secondsText, deadlineText, ...tokens] = process.argv.slice(2);
const count = Number(countText);
const seconds = Number(secondsText);
const deadlineSeconds = Number(deadlineText);
if (!url || !/^https?:\/\//.test(url) || !(count > 0) || !(seconds >= 0) || !(deadlineSeconds > 0)) {
  console.error('usage: node failover-client.mjs <url> <count> <seconds> <deadline-seconds> [<bearer-token>...]');
  process.exit(2);
}

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);
const TOOLS = ['slow_whoami', 'child_slow_whoami'];
const TTL = 10 * 60_000;
const POLL_MS = 500;
const REQUEST_TIMEOUT_MS = 30_000;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function connect(token) {
  const client = new Client({ name: 'taskactors-failover-client', version: '1.0.0' }, { capabilities: {} });
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
  await client.connect(transport);
  return { client, transport, tasks: client.experimental.tasks };
}

/** tasks/get that never throws: the task, or the error it met. */
async function observe(session, taskId) {
  try {
    return { task: await session.tasks.getTask(taskId, { timeout: REQUEST_TIMEOUT_MS }) };
  } catch (error) {
    return { error: `${error?.code ?? ''} ${error?.message ?? error}`.trim() };
  }
}

let sessions;
const started = [];
try {
  sessions = await Promise.all((tokens.length > 0 ? tokens : [undefined, undefined]).map(connect));
  await Promise.all(sessions.map(async (session, index) => {
    for (let i = index; i < count; i += sessions.length) {
      const tool = TOOLS[i % TOOLS.length];
      const created = await session.client.request(
        { method: 'tools/call', params: { name: tool, arguments: { seconds }, task: { ttl: TTL } } },
        CreateTaskResultSchema,
        { timeout: REQUEST_TIMEOUT_MS });
      started[i] = { taskId: created.task.taskId, tool, session: index, sessionId: session.transport.sessionId };
    }
  }));

  for (const task of started) {
    const { task: seen, error } = await observe(sessions[task.session], task.taskId);
    if (seen?.status !== 'working') {
      throw new Error(`task ${task.taskId} (${task.tool}) is ${seen?.status ?? error} right after it started, not working`);
    }
  }
} catch (error) {
  console.log(`FATAL ${error?.stack ?? error}`);
  process.exit(1);
}

console.log(`STARTED ${JSON.stringify(started)}`);

const deadline = Date.now() + deadlineSeconds * 1000;
const records = started.map(task => ({ ...task, statuses: [], lastUpdatedAt: null, errors: 0, firstErrors: [] }));
const allTerminal = () => records.every(r => TERMINAL.has(r.statuses.at(-1)?.status));

await Promise.all(records.map(async record => {
  const session = sessions[record.session];
  // Every task keeps being polled until all are terminal, so early finishers are seen again after they finished.
  while (!allTerminal() && Date.now() < deadline) {
    const { task, error } = await observe(session, record.taskId);
    if (task) {
      const last = record.statuses.at(-1);
      if (last?.status === task.status) {
        last.count++;
      } else {
        record.statuses.push({ status: task.status, count: 1, firstAt: Date.now() });
      }
      record.lastUpdatedAt = task.lastUpdatedAt;
    } else {
      record.errors++;
      if (record.firstErrors.length < 3) {
        record.firstErrors.push(error);
      }
    }
    await sleep(POLL_MS);
  }
}));

console.log(allTerminal() ? 'ALL TERMINAL' : `DEADLINE: ${records.filter(r => !TERMINAL.has(r.statuses.at(-1)?.status)).length} tasks not terminal`);

const listings = await Promise.all(sessions.map(async session => {
  try {
    return await listAllTasks(session.tasks);
  } catch (error) {
    return [];
  }
}));

for (const record of records) {
  const session = sessions[record.session];
  const result = async () => {
    try {
      return await session.tasks.getTaskResult(record.taskId, CallToolResultSchema, { timeout: REQUEST_TIMEOUT_MS });
    } catch (error) {
      return { error: `${error?.code ?? ''} ${error?.message ?? error}`.trim() };
    }
  };
  record.result = await result();
  record.resultAgain = await result();
  const { task, error } = await observe(session, record.taskId);
  record.finalStatus = task?.status ?? `error: ${error}`;
  record.listed = listings[record.session].filter(t => t.taskId === record.taskId).map(t => t.status);
  console.log(`TASK ${JSON.stringify(record)}`);
}

await Promise.all(sessions.map(session => session.client.close()));
console.log('DONE');
process.exit(0);
