/**
 * A new user's first minutes with payspec, played for real (issue 11): this working tree packed by npm (its own
 * `prepack`), installed from the tarball into an empty project with TypeScript and @types/node, then:
 * `npx payspec --help`, `npx payspec generate` on the user's own specs, `tsc` over the user's code with a Node ESM
 * config (strict, Node16, ES2023, @types/node, no DOM), the compiled code calling a local server, the four curated
 * clients sharing one error hierarchy, `payspec mock` without Prism saying what to install, and nothing under
 * node_modules/payspec changing while the bin runs.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, hashTree } from "../generator/helpers.js";
import { newProject, npm, packWorkingTree, writeJson } from "../support/packed-install.js";

const exec = promisify(execFile);
const NPX = process.platform === "win32" ? "npx.cmd" : "npx";

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let work: string;
let project: string;
let payspecBefore: Record<string, string>;

async function npx(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  try {
    const { stdout, stderr } = await exec(NPX, ["--no-install", ...args], { cwd: project, env, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof code === "number" ? code : 1, stdout: stdout ?? "", stderr: stderr ?? "" };
  }
}

beforeAll(async () => {
  // Outside this repository, so that nothing resolves from its node_modules (Node looks in every parent folder).
  work = await mkdtemp(path.join(tmpdir(), "payspec-new-user-"));
  const tarball = await packWorkingTree(work);
  project = path.join(work, "my-app");
  await newProject(project, tarball, ["typescript", "@types/node"]);
  payspecBefore = await hashTree(path.join(project, "node_modules/payspec"));
  // The user's own specs: one OpenAPI 3.0 file, and a 3.1 one split across two files.
  await cp(path.join(FIXTURES, "legacy-30.yaml"), path.join(project, "my-api.yaml"));
  await mkdir(path.join(project, "specs"), { recursive: true });
  await cp(path.join(FIXTURES, "shop-31.yaml"), path.join(project, "specs/shop.yaml"));
  await cp(path.join(FIXTURES, "shared"), path.join(project, "specs/shared"), { recursive: true });
}, 600_000);

describe("payspec installed from its packed tarball into an empty project", () => {
  it("`npx payspec --help` lists the commands", async () => {
    const run = await npx(["payspec", "--help"]);
    expect(run.code).toBe(0);
    for (const command of ["generate", "mock", "docs", "lint", "diff"]) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
  });

  it("`npx payspec <command> --help` explains the command; a wrong option is a usage error (exit 2)", async () => {
    const help = await npx(["payspec", "generate", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: payspec generate");
    const wrong = await npx(["payspec", "generate", "--no-such-option"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("Usage: payspec generate");
  });

  it("`npx payspec generate <spec> --out src/...` writes the user's clients, and the user's code compiles with tsc under Node ESM settings", async () => {
    const first = await npx(["payspec", "generate", "my-api.yaml", "--out", "src/api"]);
    expect(first.code).toBe(0);
    // The generated code's own run-time dependencies are the app's to declare: the command says which, and how.
    const note = /^note: src\/api\/ import packages that package\.json does not list in its dependencies; the app needs them at run time: (npm i .+)$/.exec(first.stderr.trim());
    expect(note, first.stderr).not.toBeNull();
    await npm(note![1]!.split(" ").slice(1).concat("--prefer-offline"), project);
    const second = await npx(["payspec", "generate", "specs/shop.yaml", "--out", "src/shop", "--client-name", "ShopClient"]);
    expect(second.code).toBe(0);

    await writeFile(
      path.join(project, "src/main.ts"),
      [
        `import { LegacyBillingClient, NotFoundError, isInvoice } from "./api/index.js";`,
        `import { ShopClient } from "./shop/index.js";`,
        `const client = new LegacyBillingClient({ baseUrl: process.env["API_URL"]!, maxRetries: 0 });`,
        `const invoice = await client.getInvoice({ path: { id: "inv_1" } });`,
        `const amount: string = invoice.amount;`,
        `let missing = "found";`,
        `try { await client.getInvoice({ path: { id: "nope" } }); } catch (error) { if (error instanceof NotFoundError) missing = error.name; }`,
        `console.log(JSON.stringify({ amount, valid: isInvoice(invoice), missing, shop: typeof ShopClient }));`,
        "",
      ].join("\n"),
    );
    await writeJson(path.join(project, "tsconfig.json"), {
      compilerOptions: {
        strict: true,
        module: "Node16",
        moduleResolution: "Node16",
        target: "ES2022",
        lib: ["ES2023"],
        types: ["node"],
        skipLibCheck: true,
        outDir: "build",
        rootDir: "src",
      },
      include: ["src"],
    });
    const tsc = await npx(["tsc", "-p", "."]);
    expect(`${tsc.stdout}${tsc.stderr}`).toBe("");
    expect(tsc.code).toBe(0);

    // The compiled code runs against a server, with nothing from payspec's repository around.
    const server: Server = createServer((request, response) => {
      const found = request.url === "/invoices/inv_1";
      response.writeHead(found ? 200 : 404, { "content-type": "application/json" });
      response.end(JSON.stringify(found ? { id: "inv_1", amount: "10.00" } : { message: "no such invoice" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { stdout } = await exec(process.execPath, ["build/main.js"], { cwd: project, env: { ...process.env, API_URL: url } });
      expect(JSON.parse(stdout)).toEqual({ amount: "10.00", valid: true, missing: "NotFoundError", shop: "function" });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("the four curated clients share one runtime: an error class is the same object whichever platform's module exports it", async () => {
    const script = [
      `const [next, big, medusa, payments, runtime] = await Promise.all(["nextcommerce", "bigcommerce", "medusa", "payments", "runtime"].map((name) => import("payspec/" + name)));`,
      `console.log(JSON.stringify({`,
      `  rateLimit: next.RateLimitError === big.RateLimitError && big.RateLimitError === medusa.RateLimitError && medusa.RateLimitError === payments.RateLimitError && payments.RateLimitError === runtime.RateLimitError,`,
      `  apiError: next.APIError === runtime.APIError && new big.NotFoundError("x", { status: 404, body: null, headers: {}, operationId: "op" }) instanceof next.APIError,`,
      `  clients: [typeof next.NextCommerceClient, typeof big.BigCommerceClient, typeof medusa.MedusaClient, typeof payments.PaymentsClient],`,
      `}));`,
    ].join("\n");
    const { stdout } = await exec(process.execPath, ["--input-type=module", "-e", script], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({ rateLimit: true, apiError: true, clients: ["function", "function", "function", "function"] });
  });

  it("`payspec mock` without Prism (an optional peer) says what to install, and exits 1", async () => {
    const run = await npx(["payspec", "mock", "my-api.yaml"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("npm i -D @stoplight/prism-cli");
  });

  it("`payspec lint` and `payspec diff` work on the user's spec", async () => {
    const lint = await npx(["payspec", "lint", "my-api.yaml"]);
    expect(lint.stdout).toMatch(/^1 spec: \d+ errors?, \d+ warnings?\.$/m);
    const changed = (await readFile(path.join(project, "my-api.yaml"), "utf8")).replace("required: [id, amount]", "required: [id, amount, dueDate]");
    await writeFile(path.join(project, "my-api-v2.yaml"), changed);
    const diff = await npx(["payspec", "diff", "my-api.yaml", "my-api-v2.yaml", "--format", "json", "--fail-on", "breaking"]);
    expect(diff.stderr).toBe("");
    expect([0, 1]).toContain(diff.code);
    const report = JSON.parse(diff.stdout) as { changes: Array<{ pointer: string }> };
    expect(report.changes.some((change) => change.pointer.includes("/components/schemas/Invoice"))).toBe(true);
  });

  it("nothing under node_modules/payspec changed while the bin ran", async () => {
    expect(await hashTree(path.join(project, "node_modules/payspec"))).toEqual(payspecBefore);
  });
});

afterAll(async () => {
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});
