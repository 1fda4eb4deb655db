// Checks a TaskActors gateway running as an OAuth resource server (TaskActors:Auth:Mode=Jwt) with the official MCP
// TS SDK client (@modelcontextprotocol/sdk 1.32.2) and plain HTTP: the 401 challenge and the protected-resource
// metadata, rejected tokens, and task isolation between two users of one OAuth client.
//
//   node tests/e2e/auth-client.mjs <url> <alice-token> <bob-token> <alice-fresh-token>
//
// The tokens are bearer tokens for the gateway's audience: two for the user alice (the second plays a refreshed one)
// and one for bob, all with the same client_id (e.g. from `taskactors token mint`). Prints one line per check, then
// "ALL OK" and exits 0, or "FAILED: n of m checks" and exits 1.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { check, expect, expectError, finish } from './checks.mjs';
import { listAllTasks, streamTask, textOf } from './tasks.mjs';

const [url, aliceToken, bobToken, aliceFreshToken] = process.argv.slice(2);
if (!url || !/^https?:\/\//.test(url) || !aliceToken || !bobToken || !aliceFreshToken) {
  console.error('usage: node auth-client.mjs <url> <alice-token> <bob-token> <alice-fresh-token>');
  process.exit(2);
}

const INVALID_PARAMS = -32602;
const PROTOCOL_VERSION = '2025-11-25';

/** A plain POST with the given Authorization header (or none): initialize, or a ping on an existing session. */
function probe(authorization, sessionId) {
  const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  if (authorization) {
    headers.authorization = authorization;
  }
  if (sessionId) {
    headers['mcp-session-id'] = sessionId;
    headers['mcp-protocol-version'] = PROTOCOL_VERSION;
  }
  const body = sessionId
    ? { jsonrpc: '2.0', id: 2, method: 'ping' }
    : { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'auth-probe', version: '1.0.0' } } };
  return fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
}

async function connect(token) {
  const client = new Client({ name: 'taskactors-auth-client', version: '1.0.0' }, { capabilities: {}, defaultTaskPollInterval: 100 });
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
  await client.connect(transport);
  return { client, transport, tasks: client.experimental.tasks };
}

async function whoamiTask(tasks) {
  const { taskId, result } = await streamTask(tasks, 'whoami', {}, 60_000);
  return { taskId, me: JSON.parse(textOf(result)) };
}

async function listTaskIds(tasks) {
  return (await listAllTasks(tasks)).map(t => t.taskId);
}

await check('no token: 401 with WWW-Authenticate naming the protected-resource metadata', async () => {
  const response = await probe(undefined);
  expect(response.status === 401, `status ${response.status}`);
  const challenge = response.headers.get('www-authenticate') ?? '';
  const metadataUrl = /resource_metadata="([^"]+)"/.exec(challenge)?.[1];
  expect(challenge.startsWith('Bearer ') && metadataUrl, `WWW-Authenticate is ${JSON.stringify(challenge)}`);
  const metadata = await (await fetch(metadataUrl)).json();
  expect(metadata.resource === url, `metadata resource is ${metadata.resource}, expected ${url}`);
  expect(Array.isArray(metadata.authorization_servers) && metadata.authorization_servers.length > 0, 'no authorization_servers');
  return metadataUrl;
});

await check('tampered token: 401 invalid_token', async () => {
  const [header, payload, signature] = aliceToken.split('.');
  const forged = JSON.parse(Buffer.from(payload, 'base64url').toString());
  forged.sub = 'mallory';
  const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
  const response = await probe(`Bearer ${tampered}`);
  expect(response.status === 401, `status ${response.status}`);
  expect((response.headers.get('www-authenticate') ?? '').includes('error="invalid_token"'), `WWW-Authenticate is ${response.headers.get('www-authenticate')}`);
});

const alice = await connect(aliceToken);
const bob = await connect(bobToken);
let aliceTask;

await check("alice's whoami task sees alice's identity and token", async () => {
  const { taskId, me } = await whoamiTask(alice.tasks);
  aliceTask = taskId;
  expect(me.sub === 'alice', `sub ${me.sub}`);
  expect(me.scope === `${me.client_id}|alice`, `scope ${me.scope}`);
  expect(me.hasAccessToken === true, 'the task saw no access token');
  return `scope ${me.scope}`;
});

await check("bob's whoami task sees bob's identity", async () => {
  const { me } = await whoamiTask(bob.tasks);
  expect(me.sub === 'bob', `sub ${me.sub}`);
});

await check("bob cannot get alice's task (-32602, as if unknown)", () => expectError(bob.tasks.getTask(aliceTask), INVALID_PARAMS));
await check("bob cannot fetch alice's result (-32602)", () => expectError(bob.tasks.getTaskResult(aliceTask, CallToolResultSchema), INVALID_PARAMS));
await check("bob cannot cancel alice's task (-32602)", () => expectError(bob.tasks.cancelTask(aliceTask), INVALID_PARAMS));
await check("bob's tasks/list does not show alice's task", async () => {
  const ids = await listTaskIds(bob.tasks);
  expect(!ids.includes(aliceTask), "alice's task is listed for bob");
  return `${ids.length} tasks`;
});

await check("bob's token on alice's session: 404, as if unknown", async () => {
  const response = await probe(`Bearer ${bobToken}`, alice.transport.sessionId);
  expect(response.status === 404, `status ${response.status}`);
});

await check('alice reconnects with a fresh token and a new session: her task is still hers', async () => {
  const again = await connect(aliceFreshToken);
  try {
    expect(again.transport.sessionId !== alice.transport.sessionId, 'the session was reused');
    const task = await again.tasks.getTask(aliceTask);
    expect(task.status === 'completed', `status ${task.status}`);
    const result = await again.tasks.getTaskResult(aliceTask, CallToolResultSchema);
    expect(JSON.parse(textOf(result)).sub === 'alice', 'the stored result changed');
    const ids = await listTaskIds(again.tasks);
    expect(ids.includes(aliceTask), 'her task is not listed');
  } finally {
    await again.client.close();
  }
});

await alice.client.close();
await bob.client.close();

finish();
