// The client side of the shutdown tests (tests/EndToEnd.Tests/Shutdown), on the official MCP TS SDK client
// (@modelcontextprotocol/sdk 1.32.2: Client, StreamableHTTPClientTransport, client.experimental.tasks.getTaskResult).
//
//   node tests/e2e/shutdown-client.mjs '<config json>'
//
//   {"gateways": [url...], "token": string | null, "seconds": n, "awaitResult": bool, "resultTimeoutMs": n}
//
// Its requests go through a fetch that plays a load balancer over "gateways": each goes to the current gateway, and one
// that gets 503 or finds the gateway unreachable goes on to the next one (the same request, the same Mcp-Session-Id:
// sessions live in grains, so any gateway serves them). It opens a session on the first gateway, starts slow_whoami
// ("seconds") as a task and calls getTaskResult, whose tasks/result stream opens on the first gateway; then it prints
//
//   STREAMING {"taskId", "sessionId"}
//
// and waits for a line on stdin: the test sends SIGTERM to that gateway, then writes TERM. From then on it asks the first
// gateway `ping` (raw fetch, every 25 ms), then its /health/ready, until it cannot be reached, recording each answer, and
// waits until the tasks/result stream the gateway served has ended (how it ended, and its last event). With "awaitResult" it also waits
// until getTaskResult settles (the SDK resumes the stream with Last-Event-ID, which the balancer sends on to the next
// gateway). Last it prints
//
//   RESULT {"stream": {"clean", "afterTermMs", "lastEvent": {"id", "retry", "data"}}, "probes": [{"afterTermMs",
//           "status", "retryAfter", "contentType", "body", "ready"} | {"afterTermMs", "unreachable"}], "settled": {"ok",
//           "afterTermMs", "text" | "error"} | null, "routed": [{"gateway", "method", "status" | "unreachable", "afterTermMs"}]}
//
// and exits 0. The verdict is the test's: this script only observes. It exits 1 (FATAL ...) when it cannot get that far.
import { createInterface } from 'node:readline';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema, CreateTaskResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { jsonRpcMethodOf } from './requests.mjs';

const config = JSON.parse(process.argv[2] ?? 'null');
if (!config || !Array.isArray(config.gateways) || config.gateways.length === 0 || !(config.seconds > 0)) {
  console.error(`usage: node shutdown-client.mjs '{"gateways": [url...], "token", "seconds", "awaitResult", "resultTimeoutMs"}'`);
  process.exit(2);
}

const PROTOCOL_VERSION = '2025-11-25';
const PROBE_MS = 25;
const PROBE_LIMIT_MS = 30_000;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const now = () => Date.now();
const authorization = config.token ? { Authorization: `Bearer ${config.token}` } : {};

// ---- the stream the first gateway serves: what it carried last, and how it ended ---------------------------------

let streaming;
const streamOpened = new Promise(resolve => (streaming = resolve));
let streamEnded;
const streamEnd = new Promise(resolve => (streamEnded = resolve));
let termAt = null;

/** The fields of the last event in <text> (SSE: events end with a blank line; comments are not events). */
function lastEvent(text) {
  const events = text.split(/\r?\n\r?\n/).map(block => block.split(/\r?\n/).filter(line => line.length > 0 && !line.startsWith(':'))).filter(lines => lines.length > 0);
  const fields = {};
  for (const line of events.at(-1) ?? []) {
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    fields[name] = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
  }
  return { id: fields.id ?? null, retry: fields.retry ?? null, data: fields.data ?? null };
}

/** The same response, with its body read through a recorder that notes the last event and how the stream ended. */
function observed(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const end = (clean, error) => streamEnded({ clean, error: error ? `${error?.message ?? error}` : null, afterTermMs: termAt === null ? null : now() - termAt, lastEvent: lastEvent(text) });
  const body = new ReadableStream({
    async pull(controller) {
      try {
        const { value, done } = await reader.read();
        if (done) {
          end(true);
          controller.close();
          return;
        }
        text += decoder.decode(value, { stream: true });
        controller.enqueue(value);
      } catch (error) {
        end(false, error);
        controller.error(error);
      }
    },
    cancel(reason) {
      end(false, reason ?? 'cancelled by the reader');
      return reader.cancel(reason);
    }
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

// ---- a load balancer over the gateways ------------------------------------------------------------------------------

const routed = [];
let current = 0;

async function balancedFetch(_url, init) {
  const method = jsonRpcMethodOf(init);
  for (let tried = 0; tried < config.gateways.length; tried++) {
    const gateway = current;
    try {
      const response = await fetch(config.gateways[gateway], init);
      routed.push({ gateway, method, status: response.status, afterTermMs: termAt === null ? null : now() - termAt });
      if (response.status !== 503 || tried === config.gateways.length - 1) {
        if (gateway === 0 && method === 'tasks/result' && response.ok && response.headers.get('content-type')?.startsWith('text/event-stream')) {
          streaming();
          return observed(response);
        }
        return response;
      }
      await response.body?.cancel();
    } catch (error) {
      routed.push({ gateway, method, unreachable: `${error?.cause?.code ?? error?.message ?? error}`, afterTermMs: termAt === null ? null : now() - termAt });
      if (tried === config.gateways.length - 1) {
        throw error;
      }
    }
    current = (gateway + 1) % config.gateways.length;
  }
  throw new Error('unreachable');
}

// ---- the run ----------------------------------------------------------------------------------------------------------

const client = new Client({ name: 'taskactors-shutdown-client', version: '1.0.0' }, { capabilities: {} });
const transport = new StreamableHTTPClientTransport(new URL(config.gateways[0]), {
  requestInit: { headers: authorization },
  fetch: balancedFetch,
  reconnectionOptions: { initialReconnectionDelay: 500, maxReconnectionDelay: 2000, reconnectionDelayGrowFactor: 1.5, maxRetries: 5 }
});

let taskId;
let settled = null;
let result;
try {
  await client.connect(transport);
  const created = await client.request(
    { method: 'tools/call', params: { name: 'slow_whoami', arguments: { seconds: config.seconds }, task: { ttl: 10 * 60_000 } } },
    CreateTaskResultSchema,
    { timeout: 30_000 });
  taskId = created.task.taskId;
  result = client.experimental.tasks.getTaskResult(taskId, CallToolResultSchema, { timeout: config.resultTimeoutMs ?? 60_000 }).then(
    value => (settled = { ok: true, afterTermMs: now() - termAt, text: value.content?.[0]?.text ?? JSON.stringify(value) }),
    error => (settled = { ok: false, afterTermMs: termAt === null ? null : now() - termAt, error: `${error?.code ?? ''} ${error?.message ?? error}`.trim() }));
  await Promise.race([streamOpened, result.then(() => Promise.reject(new Error(`getTaskResult settled before its stream opened: ${JSON.stringify(settled)}`)))]);
} catch (error) {
  console.log(`FATAL ${error?.stack ?? error}`);
  process.exit(1);
}

console.log(`STREAMING ${JSON.stringify({ taskId, sessionId: transport.sessionId })}`);
const input = createInterface({ input: process.stdin });
for await (const line of input) {
  if (line.trim() === 'TERM') {
    break;
  }
}
termAt = now();

// What a request that reaches the stopping gateway gets, until it no longer answers.
const probes = [];
while (now() - termAt < PROBE_LIMIT_MS) {
  const at = now() - termAt;
  try {
    const response = await fetch(config.gateways[0], {
      method: 'POST',
      headers: {
        ...authorization,
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
        'Mcp-Session-Id': transport.sessionId,
        'Mcp-Protocol-Version': PROTOCOL_VERSION
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: `probe-${probes.length}`, method: 'ping' })
    });
    const body = (await response.text()).slice(0, 400);
    const ready = await fetch(new URL('/health/ready', config.gateways[0])).then(r => r.status, () => null);
    probes.push({ afterTermMs: at, status: response.status, retryAfter: response.headers.get('retry-after'), contentType: response.headers.get('content-type'), body, ready });
  } catch (error) {
    probes.push({ afterTermMs: at, unreachable: `${error?.cause?.code ?? error?.message ?? error}` });
    break;
  }
  await sleep(PROBE_MS);
}

const stream = await streamEnd;
if (config.awaitResult) {
  await result;
}

console.log(`RESULT ${JSON.stringify({ stream, probes, settled: config.awaitResult ? settled : null, routed })}`);
process.exit(0);
