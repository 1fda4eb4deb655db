// The memory-burst measurement of docs/reliability.md ("Bounded input"): against a running TaskActors endpoint whose
// process id is given, it sends what once cost the server most memory and reports the server's resident set (VmRSS of
// /proc/<pid>/status) before, at its peak (sampled every 50 ms) and once the burst's tasks have expired.
// With --gcdump <dotnet-gcdump> it then has that tool take a heap snapshot, which runs a full blocking collection, and
// reports the live managed heap it found and the resident set a few seconds after it.
//   node bench/memory-burst/memory-burst.mjs <mcp-url> <pid> [--sessions N] [--tasks-per-session N] [--mib N] [--ttl-ms N] [--gcdump PATH]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [url, pidText, ...rest] = process.argv.slice(2);
if (!url || !pidText) {
  console.error("usage: memory-burst.mjs <mcp-url> <pid> [--sessions N] [--tasks-per-session N] [--mib N] [--ttl-ms N]");
  process.exit(2);
}
const flag = (name) => {
  const at = rest.indexOf(name);
  return at >= 0 ? rest[at + 1] : undefined;
};
const option = (name, fallback) => (flag(name) === undefined ? fallback : Number(flag(name)));
const gcdump = flag("--gcdump");
const sessions = option("--sessions", 5);
const tasksPerSession = option("--tasks-per-session", 20);
const mib = option("--mib", 3);
const ttlMs = option("--ttl-ms", 5000);
const pid = Number(pidText);

const rssMiB = () => {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  return Number(line.split(/\s+/)[1]) / 1024;
};
let peak = 0;
const sampler = setInterval(() => { peak = Math.max(peak, rssMiB()); }, 50);

const headers = (session, version) => ({
  "content-type": "application/json",
  accept: "application/json, text/event-stream",
  ...(session ? { "mcp-session-id": session, "mcp-protocol-version": version } : {}),
});
async function rpc(session, version, body) {
  const response = await fetch(url, { method: "POST", headers: headers(session, version), body: typeof body === "string" ? body : JSON.stringify(body) });
  const text = await response.text();
  const data = text.startsWith("{") || text.startsWith("[") ? JSON.parse(text) : JSON.parse(text.split("\n").filter((l) => l.startsWith("data:")).pop().slice(5));
  return { status: response.status, session: response.headers.get("mcp-session-id"), data };
}
async function open(version) {
  const init = await rpc(null, version, { jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: version, capabilities: {}, clientInfo: { name: "memory-burst", version: "1" } } });
  await fetch(url, { method: "POST", headers: headers(init.session, version), body: JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }) });
  return init.session;
}

const settle = async () => { if (global.gc) global.gc(); await new Promise((r) => setTimeout(r, 0)); };
await settle();
const before = rssMiB();
const figures = { before: before.toFixed(0) };

// 1. A batch of 30,000 tools/list (protocol 2025-03-26 allows batches): refused whole by the batch cap.
const batchSession = await open("2025-03-26");
const batch = JSON.stringify(Array.from({ length: 30000 }, (_, i) => ({ jsonrpc: "2.0", id: i + 1, method: "tools/list" })));
const batchStarted = performance.now();
const batchReply = await rpc(batchSession, "2025-03-26", batch);
figures.batch = `${(batch.length / 1048576).toFixed(2)} MiB batch -> HTTP ${batchReply.status} ${batchReply.data.error?.code ?? ""} in ${(performance.now() - batchStarted).toFixed(0)} ms; RSS after ${rssMiB().toFixed(0)} MiB`;

// 2. Large tasks with a short ttl, several sessions at once.
const argument = "x".repeat(mib * 1048576);
const outcomes = {};
const count = (key) => { outcomes[key] = (outcomes[key] ?? 0) + 1; };
const burstStarted = performance.now();
await Promise.all(Array.from({ length: sessions }, async () => {
  const session = await open("2025-11-25");
  for (let i = 0; i < tasksPerSession; i++) {
    const reply = await rpc(session, "2025-11-25", { jsonrpc: "2.0", id: i + 1, method: "tools/call", params: { name: "slow_echo", arguments: { text: argument, seconds: 0 }, task: { ttl: ttlMs } } });
    count(reply.data.error ? `${reply.status} ${reply.data.error.code}` : `${reply.status} created`);
  }
}));
const burstMs = performance.now() - burstStarted;
const afterBurst = rssMiB();
const expiry = Date.now() + ttlMs;
await new Promise((r) => setTimeout(r, Math.max(0, expiry - Date.now()) + 10000));
clearInterval(sampler);
const settled = rssMiB();

figures.burst = `${sessions} sessions x ${tasksPerSession} tasks of ${mib} MiB arguments, ttl ${ttlMs} ms, in ${(burstMs / 1000).toFixed(1)} s: ${Object.entries(outcomes).map(([k, v]) => `${v} x ${k}`).join(", ")}`;
figures.rss = `before ${before.toFixed(0)} MiB, after the burst ${afterBurst.toFixed(0)} MiB, peak ${peak.toFixed(0)} MiB, 10 s after the ttl ended ${settled.toFixed(0)} MiB`;
if (gcdump) {
  const dir = mkdtempSync(join(tmpdir(), "memory-burst-"));
  const file = join(dir, "heap.gcdump");
  execFileSync(gcdump, ["collect", "-p", String(pid), "-o", file], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 5000));
  const report = execFileSync(gcdump, ["report", file], { encoding: "utf8" });
  rmSync(dir, { recursive: true, force: true });
  const heap = Number(report.match(/([\d,]+)\s+GC Heap bytes/)[1].replaceAll(",", "")) / 1048576;
  figures.collected = `after a full collection (dotnet-gcdump): live managed heap ${heap.toFixed(0)} MiB, RSS 5 s later ${rssMiB().toFixed(0)} MiB`;
  console.log(report.split("\n").slice(0, 14).join("\n"));
}
for (const [name, value] of Object.entries(figures)) console.log(`FIGURE memory burst | ${name}: ${value}`);
