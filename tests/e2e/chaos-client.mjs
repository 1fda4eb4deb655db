// The client side of the chaos suite (tests/EndToEnd.Tests/Chaos), on the official MCP TS SDK client
// (@modelcontextprotocol/sdk 1.32.2: Client, StreamableHTTPClientTransport, client.experimental.tasks).
//
//   node tests/e2e/chaos-client.mjs <config.json>
//
// The config (written by the test) names the gateways' MCP URLs, the workload's sessions (a user's bearer token and the
// gateway it starts on), an optional prober (another user's token), the tasks to start and how:
//
//   {"gateways": [url...], "sessions": [{"user", "token", "gateway"}...], "prober": {"user", "token", "gateways": [i...],
//    "intervalMs"} | null, "initial": [{"tool", "args", "secondsRange"?, "count", "kind"}...],
//    "stream": {"perSecond", "mix": [{"tool", "args", "secondsRange"?, "weight", "kind"}...], "max"} | null,
//    "createConcurrency", "pollWorkers", "pollIntervalMs", "answerDelayMs": [min, max], "requestTimeoutMs",
//    "resultTimeoutMs", "drainSeconds", "failover", "reportPath"}
//
// What it does:
// - Opens one session per entry of "sessions" (initialize through its gateway), and the prober's session.
// - Starts the "initial" tasks (tools/call with params.task, "createConcurrency" at a time, spread over the sessions) and
//   prints  INITIAL {"tasks": n, "ms": elapsed}.  Then starts "stream" tasks at "perSecond" until it reads STOP on stdin
//   (or "max" were started), and prints  STOPPED {"tasks": n}.  Without a stream it stops after the initial tasks.
// - Polls every task with tasks/get ("pollWorkers" requests in flight, each task at most every "pollIntervalMs") until it
//   is terminal. An input-requesting task (kind "input", the ask_user tool) is answered: its elicitation arrives on the
//   session's GET stream or on a tasks/result stream the client opens when it sees input_required (that call blocks
//   until the task is done, so it has its own timeout, "resultTimeoutMs"), and is answered
//   "answer-<taskId>" once "answerDelayMs" (a random delay in that range, from the task's creation) has passed.
// - Meanwhile the prober asks tasks/get, tasks/result and tasks/cancel about the workload's task ids, in turn, every
//   "intervalMs": each must answer -32602, as for an unknown task. It also lists its own tasks (none) at the end.
// - Every request that fails is recorded (method, session, gateway, JSON-RPC code or HTTP status, Retry-After, message,
//   latency) and retried by this client; a tools/call that failed is retried as a new call. With "failover", a session
//   whose gateway cannot be reached (connection refused or reset) moves to the next gateway with the same session id.
// - Once every task is terminal (or "drainSeconds" after the stop), it reads each task's result twice with tasks/result
//   and its status once more, lists each session's tasks, writes the report to "reportPath" (JSON: tasks, failed
//   creations, errors, HTTP errors, transport events, latencies by method, probes, listings, failovers) and prints
//   DONE <reportPath>.  Progress lines (PROGRESS {...}) come every 2 s.
//
// The verdict is the test's: this script only observes. It exits 1 (FATAL ...) only when it cannot open its sessions.
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema, CreateTaskResultSchema, ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { jsonRpcMethodOf } from './requests.mjs';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const PROTOCOL_VERSION = '2025-11-25';
const RELATED_TASK = 'io.modelcontextprotocol/related-task';
const TERMINAL = new Set(['completed', 'failed', 'cancelled']);
const INVALID_PARAMS = -32602;
const TTL = 30 * 60_000;
const SLOW_MS = 5_000;
const KEPT_ERRORS = 5_000;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const now = () => Date.now();
const startedAt = now();

// ---- what the client saw ------------------------------------------------------------------------------------------

const tasks = [];
const byId = new Map();
const failedCreations = [];
const errors = [];
const httpErrors = [];
const transportEvents = [];
const slowRequests = [];
const latency = {};
const failovers = [];
const probes = { count: 0, notFound: 0, leaks: [], errors: [], byMethod: {}, listing: null };
let stopping = false;
let lostErrors = 0;

function keep(list, item) {
  if (list.length < KEPT_ERRORS) {
    list.push(item);
  } else {
    lostErrors++;
  }
}

function describe(error) {
  const message = `${error?.message ?? error}`;
  const cause = error?.cause ? ` (${error.cause.code ?? error.cause.message ?? error.cause})` : '';
  return `${message}${cause}`.slice(0, 600);
}

/** Whether a failure says the gateway itself is gone (so another replica should be tried). */
function isUnreachable(error) {
  const text = describe(error);
  return error instanceof TypeError || /fetch failed|ECONNREFUSED|ECONNRESET|other side closed|terminated|socket hang up|UND_ERR/i.test(text);
}

function record(method, session, elapsed, error) {
  const stats = (latency[method] ??= { count: 0, errors: 0, maxMs: 0, totalMs: 0 });
  stats.count++;
  stats.totalMs += elapsed;
  stats.maxMs = Math.max(stats.maxMs, elapsed);
  if (elapsed >= SLOW_MS) {
    keep(slowRequests, { at: now(), method, session: session.name, gateway: session.gateway, ms: elapsed, failed: !!error });
  }
  if (error) {
    stats.errors++;
    keep(errors, {
      at: now(),
      method,
      session: session.name,
      gateway: session.gateway,
      code: typeof error.code === 'number' ? error.code : null,
      message: describe(error),
      ms: elapsed,
      unreachable: isUnreachable(error)
    });
  }
}

// ---- sessions -----------------------------------------------------------------------------------------------------

/** A fetch that records every answer that is not 2xx (status, Retry-After, body), then hands it on unchanged. */
function recordingFetch(session) {
  return async (url, init) => {
    const method = jsonRpcMethodOf(init);
    const response = await fetch(url, init);
    if (!response.ok && response.status !== 405) {
      const body = await response.clone().text().catch(() => '');
      keep(httpErrors, {
        at: now(),
        session: session.name,
        gateway: session.gateway,
        method,
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: body.slice(0, 400)
      });
    }
    return response;
  };
}

class Session {
  constructor(name, spec) {
    this.name = name;
    this.user = spec.user;
    this.token = spec.token;
    this.gateway = spec.gateway;
    this.client = null;
    this.transport = null;
    this.sessionId = undefined;
    this.moving = null;
  }

  newClient() {
    const client = new Client({ name: `taskactors-chaos-${this.name}`, version: '1.0.0' }, { capabilities: { elicitation: { form: {} } } });
    client.setRequestHandler(ElicitRequestSchema, request => answer(request));
    client.onerror = error => keep(transportEvents, { at: now(), session: this.name, gateway: this.gateway, message: describe(error) });
    const transport = new StreamableHTTPClientTransport(new URL(config.gateways[this.gateway]), {
      sessionId: this.sessionId,
      requestInit: { headers: { Authorization: `Bearer ${this.token}` } },
      fetch: recordingFetch(this),
      reconnectionOptions: { initialReconnectionDelay: 500, maxReconnectionDelay: 2000, reconnectionDelayGrowFactor: 1.5, maxRetries: 10 }
    });
    return { client, transport };
  }

  async open() {
    const { client, transport } = this.newClient();
    await client.connect(transport, { timeout: config.requestTimeoutMs });
    this.client = client;
    this.transport = transport;
    this.sessionId = transport.sessionId;
  }

  /** Moves the session to the next gateway, keeping its session id (sessions live in grains, not in a gateway). */
  async failover(reason) {
    if (!config.failover || config.gateways.length < 2) {
      return;
    }
    this.moving ??= (async () => {
      const from = this.gateway;
      this.gateway = (this.gateway + 1) % config.gateways.length;
      const old = this.client;
      const { client, transport } = this.newClient();
      await client.connect(transport);
      transport.setProtocolVersion(PROTOCOL_VERSION);
      this.client = client;
      this.transport = transport;
      failovers.push({ at: now(), session: this.name, from, to: this.gateway, reason: reason.slice(0, 200) });
      old?.close().catch(() => {});
    })().finally(() => {
      this.moving = null;
    });
    await this.moving;
  }

  /** One request through the current client, timed and recorded (unless <expected> says the failure was the answer wanted); throws what it failed with. */
  async call(method, send, expected = () => false) {
    const client = this.client;
    const gateway = this.gateway;
    const begun = now();
    try {
      const result = await send(client);
      record(method, this, now() - begun);
      return result;
    } catch (error) {
      record(method, { name: this.name, gateway }, now() - begun, expected(error) ? null : error);
      if (isUnreachable(error) && this.gateway === gateway) {
        await this.failover(describe(error)).catch(e => keep(transportEvents, { at: now(), session: this.name, message: `failover failed: ${describe(e)}` }));
      }
      throw error;
    }
  }

  /** Like call, but retries (after the Retry-After the gateway asked for, else 500 ms) until it succeeds or the deadline. */
  async retrying(method, send, deadline = Infinity) {
    for (;;) {
      try {
        return await this.call(method, send);
      } catch (error) {
        if (now() > deadline) {
          throw error;
        }
        await sleep(retryDelay(error));
      }
    }
  }
}

function retryDelay(error) {
  const asked = /retry in (\d+) ?ms/i.exec(describe(error));
  return asked ? Math.min(Number(asked[1]), 2000) : 500;
}

const options = () => ({ timeout: config.requestTimeoutMs });

// ---- answering input requests -------------------------------------------------------------------------------------

async function answer(request) {
  const taskId = request.params?._meta?.[RELATED_TASK]?.taskId;
  // The question can come before the tools/call answer that names the task has been read: wait for it a little.
  for (let waited = 0; taskId && !byId.has(taskId) && waited < 10_000; waited += 50) {
    await sleep(50);
  }
  const task = byId.get(taskId);
  if (task) {
    task.asked++;
    const due = task.answerAt - now();
    if (due > 0) {
      await sleep(due);
    }
    task.answered++;
  }
  return { action: 'accept', content: { answer: `answer-${taskId}` } };
}

// ---- creating tasks -----------------------------------------------------------------------------------------------

const sessions = config.sessions.map((spec, index) => new Session(`${spec.user}-${index}`, spec));
let nextSession = 0;

function argumentsOf(spec) {
  const args = { ...spec.args };
  if (spec.secondsRange) {
    const [low, high] = spec.secondsRange;
    args.seconds = Math.round((low + Math.random() * (high - low)) * 100) / 100;
  }
  return args;
}

/** Creates one task of <spec>, retrying a failed tools/call as a new call; returns its record. */
async function create(spec) {
  const session = sessions[nextSession++ % sessions.length];
  const args = argumentsOf(spec);
  for (let attempt = 1; ; attempt++) {
    const begun = now();
    try {
      const created = await session.call('tools/call', client =>
        client.request({ method: 'tools/call', params: { name: spec.tool, arguments: args, task: { ttl: TTL } } }, CreateTaskResultSchema, options()));
      const [low, high] = config.answerDelayMs ?? [0, 0];
      const task = {
        taskId: created.task.taskId,
        tool: spec.tool,
        kind: spec.kind,
        args,
        session: sessions.indexOf(session),
        user: session.user,
        sessionId: session.sessionId,
        createdAt: now(),
        createMs: now() - begun,
        createAttempts: attempt,
        firstStatus: created.task.status,
        statuses: [],
        lastUpdatedAt: null,
        polls: 0,
        pollErrors: 0,
        asked: 0,
        answered: 0,
        answerAt: begun + low + Math.random() * (high - low),
        resultCalls: 0,
        resultErrors: 0,
        inResult: false,
        lastPolledAt: 0,
        inFlight: false,
        terminal: false
      };
      tasks.push(task);
      byId.set(task.taskId, task);
      return task;
    } catch (error) {
      failedCreations.push({ at: now(), tool: spec.tool, session: session.name, attempt, message: describe(error), ms: now() - begun });
      await sleep(retryDelay(error));
    }
  }
}

async function createAll(specs) {
  const queue = specs.flatMap(spec => Array.from({ length: spec.count }, () => spec));
  let next = 0;
  await Promise.all(Array.from({ length: config.createConcurrency }, async () => {
    while (next < queue.length) {
      await create(queue[next++]);
    }
  }));
}

async function stream(plan) {
  const total = plan.mix.reduce((sum, spec) => sum + spec.weight, 0);
  const pick = () => {
    let roll = Math.random() * total;
    return plan.mix.find(spec => (roll -= spec.weight) < 0) ?? plan.mix.at(-1);
  };
  const inFlight = new Set();
  let started = 0;
  const period = 1000 / plan.perSecond;
  let due = now();
  while (!stopping && started < (plan.max ?? Infinity)) {
    if (inFlight.size < config.createConcurrency) {
      const creating = create(pick()).finally(() => inFlight.delete(creating));
      inFlight.add(creating);
      started++;
    }
    due += period;
    await sleep(Math.max(0, due - now()));
  }
  await Promise.all(inFlight);
  return started;
}

// ---- polling ------------------------------------------------------------------------------------------------------

function observe(task, view) {
  const last = task.statuses.at(-1);
  if (last?.status === view.status) {
    last.count++;
  } else {
    task.statuses.push({ status: view.status, count: 1, firstAt: now() });
  }
  task.lastUpdatedAt = view.lastUpdatedAt;
  if (TERMINAL.has(view.status)) {
    task.terminal = true;
  }
}

async function poll(task) {
  const session = sessions[task.session];
  task.inFlight = true;
  try {
    const view = await session.call('tasks/get', client => client.experimental.tasks.getTask(task.taskId, options()));
    task.polls++;
    observe(task, view);
    if (view.status === 'input_required' && !task.inResult) {
      // Its question is kept until answered and comes on each new tasks/result stream.
      task.inResult = true;
      fetchResult(task).finally(() => {
        task.inResult = false;
      });
    }
  } catch {
    task.pollErrors++;
  } finally {
    task.inFlight = false;
    task.lastPolledAt = now();
  }
}

async function fetchResult(task) {
  const session = sessions[task.session];
  task.resultCalls++;
  try {
    // tasks/result blocks until the task is done: past the answer's delay, and a re-drive if its silo is lost.
    await session.call('tasks/result', client => client.experimental.tasks.getTaskResult(task.taskId, CallToolResultSchema, { timeout: config.resultTimeoutMs }));
  } catch {
    task.resultErrors++;
  }
}

async function pollUntil(done) {
  let cursor = 0;
  await Promise.all(Array.from({ length: config.pollWorkers }, async () => {
    while (!done()) {
      const due = now() - config.pollIntervalMs;
      let found = null;
      for (let scanned = 0; scanned < tasks.length; scanned++) {
        const task = tasks[(cursor + scanned) % tasks.length];
        if (!task.terminal && !task.inFlight && task.lastPolledAt <= due) {
          found = task;
          cursor = (cursor + scanned + 1) % tasks.length;
          break;
        }
      }
      if (found) {
        await poll(found);
      } else {
        await sleep(50);
      }
    }
  }));
}

// ---- probing another user's tasks ---------------------------------------------------------------------------------

const PROBES = ['tasks/get', 'tasks/result', 'tasks/cancel'];
const isNotFound = error => error?.code === INVALID_PARAMS && /not found/i.test(describe(error));

async function probeOnce(prober, taskId, method) {
  const stats = (probes.byMethod[method] ??= { count: 0, notFound: 0, errors: 0 });
  probes.count++;
  stats.count++;
  try {
    const answered = await prober.call(`probe ${method}`, client =>
      method === 'tasks/get' ? client.experimental.tasks.getTask(taskId, options())
        : method === 'tasks/result' ? client.experimental.tasks.getTaskResult(taskId, CallToolResultSchema, options())
          : client.experimental.tasks.cancelTask(taskId, options()), isNotFound);
    probes.leaks.push({ at: now(), method, taskId, answer: JSON.stringify(answered).slice(0, 400) });
  } catch (error) {
    if (isNotFound(error)) {
      probes.notFound++;
      stats.notFound++;
    } else {
      stats.errors++;
      keep(probes.errors, { at: now(), method, taskId, code: typeof error?.code === 'number' ? error.code : null, message: describe(error) });
    }
  }
}

async function probeLoop(prober, until) {
  let turn = 0;
  while (!until()) {
    const victims = tasks.filter(task => task.user !== prober.user);
    if (victims.length > 0) {
      const task = victims[Math.floor(Math.random() * victims.length)];
      await probeOnce(prober, task.taskId, PROBES[turn++ % PROBES.length]);
    }
    await sleep(config.prober.intervalMs);
  }
}

// ---- the run ------------------------------------------------------------------------------------------------------

function progress(phase) {
  const counts = { created: tasks.length, terminal: 0, input_required: 0, working: 0 };
  for (const task of tasks) {
    const status = task.statuses.at(-1)?.status;
    if (task.terminal) {
      counts.terminal++;
    } else if (status === 'input_required') {
      counts.input_required++;
    } else {
      counts.working++;
    }
  }
  console.log(`PROGRESS ${JSON.stringify({ phase, t: now() - startedAt, ...counts, errors: errors.length, failedCreations: failedCreations.length, probes: probes.count })}`);
}

let prober;
try {
  await Promise.all(sessions.map(session => session.open()));
  if (config.prober) {
    prober = new Session(`${config.prober.user}-prober`, { ...config.prober, gateway: config.prober.gateways[0] });
    await prober.open();
  }
} catch (error) {
  console.log(`FATAL ${error?.stack ?? error}`);
  process.exit(1);
}

const input = createInterface({ input: process.stdin });
input.on('line', line => {
  if (line.trim() === 'STOP') {
    stopping = true;
  }
});

let phase = 'initial';
const ticker = setInterval(() => progress(phase), 2000);
let creationsDone = false;
let drainDeadline = Infinity;
const allTerminal = () => creationsDone && tasks.every(task => task.terminal);
const pollDone = () => allTerminal() || now() > drainDeadline;
const polling = pollUntil(pollDone);
const probing = prober ? probeLoop(prober, pollDone) : Promise.resolve();

const initialBegun = now();
await createAll(config.initial ?? []);
console.log(`INITIAL ${JSON.stringify({ tasks: tasks.length, ms: now() - initialBegun })}`);
phase = 'stream';
if (config.stream) {
  await stream(config.stream);
}
stopping = true;
creationsDone = true;
drainDeadline = now() + config.drainSeconds * 1000;
console.log(`STOPPED ${JSON.stringify({ tasks: tasks.length })}`);
phase = 'drain';
await polling;
await probing;
clearInterval(ticker);
progress('drained');
console.log(allTerminal() ? 'ALL TERMINAL' : `DEADLINE: ${tasks.filter(task => !task.terminal).length} tasks not terminal`);

// ---- reading back every result ------------------------------------------------------------------------------------

phase = 'results';
const finalDeadline = now() + 60_000;
let nextResult = 0;
await Promise.all(Array.from({ length: config.createConcurrency }, async () => {
  while (nextResult < tasks.length) {
    const task = tasks[nextResult++];
    const session = sessions[task.session];
    const read = async () => {
      try {
        return await session.retrying('tasks/result', client => client.experimental.tasks.getTaskResult(task.taskId, CallToolResultSchema, options()), finalDeadline);
      } catch (error) {
        return { error: describe(error), code: error?.code ?? null };
      }
    };
    task.result = await read();
    task.resultAgain = await read();
    try {
      const view = await session.retrying('tasks/get', client => client.experimental.tasks.getTask(task.taskId, options()), finalDeadline);
      task.finalStatus = view.status;
    } catch (error) {
      task.finalStatus = `error: ${describe(error)}`;
    }
  }
}));

const listings = await Promise.all(sessions.map(async session => {
  const listed = [];
  try {
    let cursor;
    do {
      const page = await session.retrying('tasks/list', client => client.experimental.tasks.listTasks(cursor, options()), finalDeadline);
      listed.push(...page.tasks.map(task => ({ taskId: task.taskId, status: task.status })));
      cursor = page.nextCursor;
    } while (cursor);
    return { session: session.name, user: session.user, sessionId: session.sessionId, tasks: listed };
  } catch (error) {
    return { session: session.name, user: session.user, sessionId: session.sessionId, tasks: listed, error: describe(error) };
  }
}));

if (prober) {
  // A last sweep: every probe kind over a sample of the workload's ids, now that every task is terminal.
  const sample = tasks.filter(task => task.user !== prober.user).slice(0, 30);
  for (const [index, task] of sample.entries()) {
    await probeOnce(prober, task.taskId, PROBES[index % PROBES.length]);
  }
  try {
    const page = await prober.retrying('tasks/list', client => client.experimental.tasks.listTasks(undefined, options()), finalDeadline);
    probes.listing = page.tasks.map(task => task.taskId);
  } catch (error) {
    probes.listing = { error: describe(error) };
  }
}

const report = {
  startedAt,
  endedAt: now(),
  tasks: tasks.map(({ inFlight, inResult, lastPolledAt, terminal, answerAt, ...task }) => task),
  failedCreations,
  errors,
  httpErrors,
  transportEvents,
  slowRequests,
  lostErrors,
  latency,
  probes,
  listings,
  failovers,
  sessions: sessions.map(session => ({ name: session.name, user: session.user, sessionId: session.sessionId, gateway: session.gateway }))
};
writeFileSync(config.reportPath, JSON.stringify(report));
await Promise.all([...sessions, prober].filter(Boolean).map(session => session.client.close().catch(() => {})));
console.log(`DONE ${config.reportPath}`);
process.exit(0);
