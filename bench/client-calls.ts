/**
 * Per-call overhead of a generated client method (`NextCommerceClient.transactionsCaptureCreate`: path parameter,
 * constant version header, bearer credential, JSON body, JSON answer) against openapi-fetch used directly and
 * against plain `fetch`, on a local node:http server running in a child process (so its work does not share our
 * event loop). Variants are interleaved in rounds, each round starting with the next variant, so that machine load
 * drifts over all of them alike and none always pays for running first.
 *
 * Target: the generated client's median within 10% of openapi-fetch's, in the default configuration
 * (request validation on; it only does work when validators are generated).
 *
 *   tsx bench/client-calls.ts        (BENCH_CALLS=5000 for more calls per variant; default 3000)
 */
import { spawn, type ChildProcess } from "node:child_process";
import createClient from "openapi-fetch";
import { NextCommerceClient } from "../generated/nextcommerce/index.js";
import type { paths } from "../generated/nextcommerce/schema.js";

const CALLS = Math.max(500, Number(process.env["BENCH_CALLS"] ?? 3000));
// Many short rounds rather than a few long ones: on a shared 2-core machine, load from other processes comes and
// goes within seconds, and short rounds spread it over every variant alike. 100 calls per round still keep each
// variant's own garbage collection inside its own measurements.
const ROUNDS = 30;
const WARMUP = 300;

const SERVER_SOURCE = `
const { createServer } = require("node:http");
const answer = JSON.stringify({ id: 1, amount: "10.00", currency: "USD", status: "captured" });
const server = createServer((request, response) => {
  request.resume();
  request.on("end", () => response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(answer) }).end(answer));
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => process.send(server.address().port));
`;

async function startServer(): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, ["-e", SERVER_SOURCE], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (message) => resolve(Number(message)));
    child.once("exit", (code) => reject(new Error(`benchmark server exited (${code})`)));
  });
  return { child, baseUrl: `http://127.0.0.1:${port}` };
}

type Call = () => Promise<unknown>;

function variants(baseUrl: string): Record<string, Call> {
  const body = { amount: "10.00" };
  const defaultClient = new NextCommerceClient({ baseUrl, credentials: { bearerAuth: "bench-token" }, maxRetries: 0 });
  const noValidation = new NextCommerceClient({ baseUrl, credentials: { bearerAuth: "bench-token" }, maxRetries: 0, validate: { request: false } });
  const openapiFetch = createClient<paths>({ baseUrl });
  const headers = { Authorization: "Bearer bench-token" };
  // For attributing the difference: the part of the runtime's work every call needs whatever the implementation,
  // a per-attempt timeout (an AbortController, a timer, the signal handed to fetch).
  const openapiFetchWithTimeout = createClient<paths>({ baseUrl });
  return {
    "generated client (default: validate.request on)": () => defaultClient.transactionsCaptureCreate({ path: { id: 1 }, body }),
    "generated client (validate.request off)": () => noValidation.transactionsCaptureCreate({ path: { id: 1 }, body }),
    "openapi-fetch directly": async () => {
      const { data, error } = await openapiFetch.POST("/transactions/{id}/capture/", {
        params: { path: { id: 1 }, header: { "X-29next-API-Version": "2023-02-10" } },
        body,
        headers,
      });
      if (error !== undefined) throw new Error("unexpected error answer");
      return data;
    },
    "(diagnostic) openapi-fetch + timeout signal": async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 60_000);
      try {
        const { data, error } = await openapiFetchWithTimeout.POST("/transactions/{id}/capture/", {
          params: { path: { id: 1 }, header: { "X-29next-API-Version": "2023-02-10" } },
          body,
          headers,
          fetch: (request) => fetch(request, { signal: controller.signal }),
        });
        if (error !== undefined) throw new Error("unexpected error answer");
        return data;
      } finally {
        clearTimeout(timer);
      }
    },
    "plain fetch": async () => {
      const response = await fetch(`${baseUrl}/transactions/1/capture/`, {
        method: "POST",
        headers: { ...headers, "X-29next-API-Version": "2023-02-10", "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`status ${response.status}`);
      return response.json();
    },
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function main(): Promise<void> {
  const { child, baseUrl } = await startServer();
  try {
    const calls = variants(baseUrl);
    const samples: Record<string, number[]> = Object.fromEntries(Object.keys(calls).map((name) => [name, []]));
    for (const call of Object.values(calls)) for (let i = 0; i < WARMUP; i++) await call();
    const perRound = Math.ceil(CALLS / ROUNDS);
    const order = Object.entries(calls);
    for (let round = 0; round < ROUNDS; round++) {
      // Each round starts with the next variant: whichever runs first in a round measured ~30 µs slower (seen when
      // two variants were swapped), so every variant takes every position equally often.
      const rotated = [...order.slice(round % order.length), ...order.slice(0, round % order.length)];
      for (const [name, call] of rotated) {
        const bucket = samples[name] as number[];
        for (let i = 0; i < perRound; i++) {
          const started = performance.now();
          await call();
          bucket.push(performance.now() - started);
        }
      }
    }

    console.log(`Client call overhead: ${perRound * ROUNDS} sequential calls per variant (after ${WARMUP} warm-up), local node:http server in a child process.`);
    console.log(`Operation: NextCommerceClient.transactionsCaptureCreate (POST, path param, constant header, bearer auth, JSON body).\n`);
    const rows = Object.entries(samples).map(([name, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return { name, median: percentile(sorted, 50), p95: percentile(sorted, 95) };
    });
    const width = Math.max(...rows.map((row) => row.name.length));
    console.log(`${"variant".padEnd(width)}  median µs  p95 µs`);
    console.log(`${"-".repeat(width)}  ---------  ------`);
    for (const row of rows) {
      console.log(`${row.name.padEnd(width)}  ${(row.median * 1000).toFixed(0).padStart(9)}  ${(row.p95 * 1000).toFixed(0).padStart(6)}`);
    }
    const base = rows.find((row) => row.name === "openapi-fetch directly")!;
    console.log("\nTarget: generated client median within 10% of openapi-fetch:");
    for (const row of rows.filter((r) => r.name.startsWith("generated client"))) {
      const ratio = row.median / base.median;
      console.log(`  ${row.name}: ${ratio.toFixed(3)}x openapi-fetch (p95 ${(row.p95 / base.p95).toFixed(3)}x) ${ratio <= 1.1 ? "MET" : "MISSED"}`);
    }
  } finally {
    child.kill();
  }
}

await main();
