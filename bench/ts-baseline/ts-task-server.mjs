// The TypeScript SDK's own task server, as the baseline bench/TaskLoad drives beside TaskActors: MCP Streamable
// HTTP with stateful sessions (one McpServer and transport per session), the SDK's InMemoryTaskStore and
// InMemoryTaskMessageQueue shared by all sessions, and one tool, `noop`, the same no-op the TaskActors samples serve.
//
// Usage: node ts-task-server.mjs <port>      Endpoint: http://127.0.0.1:<port>/mcp (POST, GET, DELETE)
// Prints "TS SDK task server on <url>" once it listens.
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { InMemoryTaskStore, InMemoryTaskMessageQueue } from '@modelcontextprotocol/sdk/experimental/tasks';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node ts-task-server.mjs <port>');
  process.exit(2);
}

// tasks/result re-checks a non-terminal task every pollInterval (the SDK's default is 1000 ms). A small interval
// keeps the comparison about the servers rather than about a sleep; a noop is normally terminal before it is asked.
const POLL_INTERVAL_MS = 10;
const DEFAULT_TTL_MS = 60_000;

// Tasks are scoped to the session that created them; the store answers "not found" to any other.
const taskStore = new InMemoryTaskStore();
const taskMessageQueue = new InMemoryTaskMessageQueue();

function createServer() {
  const server = new McpServer(
    { name: 'ts-sdk-task-baseline', version: '1.0.0' },
    {
      capabilities: { tools: {}, tasks: { list: {}, cancel: {}, requests: { tools: { call: {} } } } },
      taskStore,
      taskMessageQueue
    }
  );

  server.experimental.tasks.registerToolTask('noop', {
    description: 'Does nothing and returns "ok" at once. May run as a task.',
    execution: { taskSupport: 'optional' }
  }, {
    async createTask(extra) {
      const store = extra.taskStore;
      const task = await store.createTask({ ttl: extra.taskRequestedTtl ?? DEFAULT_TTL_MS, pollInterval: POLL_INTERVAL_MS });
      // The work runs beside the request, as a real tool's would; a no-op finishes at once.
      setImmediate(() => {
        store.storeTaskResult(task.taskId, 'completed', { content: [{ type: 'text', text: 'ok' }] })
          .catch(error => console.error(`noop ${task.taskId}: ${error?.message ?? error}`));
      });
      return { task };
    },
    // In SDK 1.32.2 the protocol layer reads the store itself for tasks/get and tasks/result.
    async getTask(extra) { return await extra.taskStore.getTask(extra.taskId); },
    async getTaskResult(extra) { return await extra.taskStore.getTaskResult(extra.taskId); }
  });

  return server;
}

const app = createMcpExpressApp(); // host 127.0.0.1 by default, so Host-header (DNS-rebinding) checks are on
const sessions = new Map();        // session id -> transport

app.post('/mcp', async (req, res) => {
  const sid = req.headers['mcp-session-id'];
  try {
    if (sid && sessions.has(sid)) {
      await sessions.get(sid).handleRequest(req, res, req.body);
      return;
    }
    if (!sid && isInitializeRequest(req.body)) {
      const transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: id => sessions.set(id, transport)
      });
      transport.onclose = () => { if (transport.sessionId) sessions.delete(transport.sessionId); };
      await createServer().connect(transport);
      await transport.handleRequest(req, res, req.body);
      return;
    }
    res.status(sid ? 404 : 400).json({
      jsonrpc: '2.0', id: null,
      error: { code: sid ? -32001 : -32000, message: sid ? 'Session not found' : 'Bad Request: No valid session ID' }
    });
  } catch (error) {
    console.error(error);
    if (!res.headersSent) {
      res.status(500).json({ jsonrpc: '2.0', id: null, error: { code: -32603, message: 'Internal server error' } });
    }
  }
});

const bySession = async (req, res) => {
  const sid = req.headers['mcp-session-id'];
  const transport = sid && sessions.get(sid);
  if (!transport) {
    res.status(sid ? 404 : 400).send(sid ? 'Session not found' : 'Missing session ID');
    return;
  }
  await transport.handleRequest(req, res);
};
app.get('/mcp', bySession);    // the standalone SSE stream
app.delete('/mcp', bySession); // ends a session

const listener = app.listen(port, '127.0.0.1', () => console.log(`TS SDK task server on http://127.0.0.1:${port}/mcp`));
const stop = () => listener.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
