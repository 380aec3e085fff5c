import { spawn, type ChildProcessByStdio } from "node:child_process";
import { createServer } from "node:net";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { specNames } from "../../mock/index.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
type Cli = ChildProcessByStdio<null, Readable, Readable> & { output: () => string; exited: Promise<number | null> };
const running: Cli[] = [];

afterEach(() => {
  for (const cli of running.splice(0)) if (cli.exitCode === null && cli.pid) process.kill(-cli.pid, "SIGKILL");
});

/** `payspec mock <args>` (bin/payspec.js, the compiled CLI), in its own process group like a terminal's foreground job. */
function runCli(args: readonly string[]): Cli {
  const child = spawn(process.execPath, ["bin/payspec.js", "mock", ...args], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  }) as Cli;
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.output = () => out;
  child.exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  running.push(child);
  return child;
}

async function waitForOutput(cli: Cli, pattern: RegExp): Promise<RegExpMatchArray> {
  for (;;) {
    const match = pattern.exec(cli.output());
    if (match) return match;
    if (cli.exitCode !== null) throw new Error(`the CLI exited (${cli.exitCode}) before printing ${pattern}:\n${cli.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A first port such that the ports of all four specs (first .. first+3) are free now. */
async function freePortBlock(): Promise<number> {
  for (let first = 20_000 + Math.floor(Math.random() * 20_000); ; first += specNames.length) {
    const all = await Promise.all(specNames.map((_, offset) => canListen(first + offset)));
    if (all.every(Boolean)) return first;
  }
}

describe("payspec mock", () => {
  it("serves the named spec, prints spec, URL and mode, and stops cleanly on Ctrl-C (SIGINT to the group)", async () => {
    const first = await freePortBlock();
    const port = first;
    const cli = runCli(["payments", "--port", String(first)]);
    await waitForOutput(cli, /Ctrl-C stops them all/);
    expect(cli.output()).toMatch(/spec\s+URL\s+mode\n/);
    expect(cli.output()).toMatch(new RegExp(`payments\\s+http://127\\.0\\.0\\.1:${port}\\s+static\\n`));
    expect(cli.output()).not.toMatch(/nextcommerce|bigcommerce|medusa/);
    const answer = await fetch(`http://127.0.0.1:${port}/payments`, { headers: { authorization: "Bearer test" } });
    expect(answer.status).toBe(200);

    process.kill(-cli.pid!, "SIGINT");
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toContain("SIGINT: stopping 1 mock");
    expect(await canListen(port)).toBe(true);
  });

  it("serves every spec, each on its own port, in dynamic mode with --dynamic, and stops on SIGTERM", async () => {
    const first = await freePortBlock();
    const cli = runCli(["--dynamic", "--port", String(first), "--quiet"]);
    await waitForOutput(cli, /Ctrl-C stops them all/);
    specNames.forEach((spec, offset) => {
      expect(cli.output()).toMatch(new RegExp(`${spec}\\s+http://127\\.0\\.0\\.1:${first + offset}\\s+dynamic\\n`));
    });
    process.kill(cli.pid!, "SIGTERM");
    expect(await cli.exited).toBe(0);
    const free = await Promise.all(specNames.map((_, offset) => canListen(first + offset)));
    expect(free).toEqual(specNames.map(() => true));
  });

  it("fails with a clear message and exit code 1 when a port is taken, leaving nothing running", async () => {
    const first = await freePortBlock();
    const port = first; // medusa's: the specs take the ports from --port on, in the order given
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const cli = runCli(["medusa", "payments", "--port", String(first)]);
      expect(await cli.exited).toBe(1);
      expect(cli.output()).toContain(`listen EADDRINUSE: address already in use 127.0.0.1:${port}`);
      expect(cli.output()).toContain(`Port ${port} is taken`);
      expect(await canListen(first + 1)).toBe(true);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("rejects a spec that is neither an API of redocly.yaml nor a file, with exit code 1 and the path it looked for", async () => {
    const cli = runCli(["shopify"]);
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toMatch(/Cannot mock spec ".*shopify": .*shopify does not exist\./);
  });
});
