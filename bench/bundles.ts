/**
 * What a browser app ships: small apps bundled with esbuild as a browser build would be (bundle, minify, ESM,
 * browser platform, `splitting` so that a dynamic import is a chunk of its own), measured as the entry chunk plus
 * every chunk it imports statically (what loads before the app runs), each gzipped. Chunks loaded on demand (the
 * response validators behind `validate: { response: true }`) are printed apart.
 *
 * Beside payspec's apps: openapi-fetch alone making the same call, and hey-api's fetch SDK (with and without its
 * zod request schema), generated from the same spec by its CLI as bench/generation.ts runs it.
 *
 * Targets (issue 13): one Next Commerce call with request validation on <= 12 KB gzip; `isOrder` alone <= 6 KB gzip;
 * a second client imported but unused adds 0 bytes. (KB = 1,000 bytes.) Sizes do not depend on machine load.
 *
 *   tsx bench/bundles.ts
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const GENERATED = path.join(REPO, "generated");
const KB = 1000;

interface Size {
  readonly raw: number;
  readonly gzip: number;
}

interface Measured {
  /** The entry chunk and the chunks it imports statically. */
  readonly initial: Size;
  /** Chunks only a dynamic import reaches. */
  readonly lazy: Size;
}

/** Bundles `source` (an entry module written in `dir`) and measures what it loads up front and on demand. */
export async function measureApp(source: string, dir: string): Promise<Measured> {
  const entry = path.join(dir, `app-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    splitting: true,
    outdir: path.join(dir, "out"),
    write: false,
    metafile: true,
    nodePaths: [path.join(REPO, "node_modules")],
    logLevel: "silent",
  });
  const bytes = new Map(result.outputFiles.map((file) => [path.relative(REPO, file.path), file.contents]));
  const outputs = result.metafile.outputs;
  const entryOutput = Object.keys(outputs).find((output) => outputs[output]!.entryPoint !== undefined);
  if (entryOutput === undefined) throw new Error("esbuild produced no entry chunk");
  const initial = staticClosure(outputs, entryOutput);
  const size = (files: Iterable<string>): Size => {
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const contents = bytes.get(file);
      if (contents === undefined) continue;
      raw += contents.byteLength;
      gzip += gzipSync(contents, { level: 9 }).byteLength;
    }
    return { raw, gzip };
  };
  const lazy = Object.keys(outputs).filter((output) => output.endsWith(".js") && !initial.has(output));
  return { initial: size(initial), lazy: size(lazy) };
}

function staticClosure(outputs: Metafile["outputs"], start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const imported of outputs[queue.pop()!]?.imports ?? []) {
      if (imported.kind !== "import-statement" || imported.external || seen.has(imported.path)) continue;
      seen.add(imported.path);
      queue.push(imported.path);
    }
  }
  return seen;
}

const from = (spec: string): string => JSON.stringify(path.join(GENERATED, spec, "index.js"));

const ONE_CALL = `
import { NextCommerceClient } from ${from("nextcommerce")};
const client = new NextCommerceClient({ serverVariables: { store: "acme" }, credentials: { bearerAuth: "token" } });
export const capture = () => client.transactionsCaptureCreate({ path: { id: 1 }, body: { amount: "10.00" } });
`;

/** The hey-api SDK of the Next Commerce spec, generated into `dir`; its path, or an error. */
function heyApi(dir: string, withZod: boolean): string | { error: string } {
  const out = path.join(dir, withZod ? "hey-api-zod" : "hey-api");
  const result = spawnSync(
    process.execPath,
    [
      path.join(REPO, "node_modules/@hey-api/openapi-ts/bin/run.js"),
      ...["-i", path.join(REPO, "specs/nextcommerce.yaml"), "-o", out],
      ...["-c", "@hey-api/client-fetch", "-p", "@hey-api/typescript", "@hey-api/sdk", ...(withZod ? ["zod"] : []), "--silent", "--no-log-file"],
    ],
    { cwd: dir, encoding: "utf8" },
  );
  return result.status === 0 ? out : { error: (result.stderr || result.stdout).trim().split("\n")[0] ?? `exit ${result.status}` };
}

interface Row {
  readonly app: string;
  readonly measured: Measured | { readonly error: string };
  readonly target?: string;
  readonly met?: boolean;
}

function format(size: Size): string {
  return `${(size.raw / KB).toFixed(1)} KB / ${(size.gzip / KB).toFixed(1)} KB gzip`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "payspec-bundles-"));
  try {
    const rows: Row[] = [];
    const add = async (app: string, source: string, target?: { label: string; met: (measured: Measured) => boolean }): Promise<Measured> => {
      const measured = await measureApp(source, dir);
      rows.push({ app, measured, ...(target ? { target: target.label, met: target.met(measured) } : {}) });
      return measured;
    };

    const oneCall = await add("payspec: one Next Commerce call, request validation on", ONE_CALL, {
      label: "<= 12 KB gzip",
      met: (m) => m.initial.gzip <= 12 * KB,
    });
    await add(
      "payspec: isOrder alone",
      `import { isOrder } from ${from("nextcommerce")};\nexport const check = (value: unknown) => isOrder(value);\n`,
      { label: "<= 6 KB gzip", met: (m) => m.initial.gzip <= 6 * KB },
    );
    const withSecond = await measureApp(`import { BigCommerceClient } from ${from("bigcommerce")};\n${ONE_CALL}`, dir);
    const added: Size = { raw: withSecond.initial.raw - oneCall.initial.raw, gzip: withSecond.initial.gzip - oneCall.initial.gzip };
    rows.push({
      app: "payspec: + a second client imported, unused (difference)",
      measured: { initial: added, lazy: { raw: withSecond.lazy.raw - oneCall.lazy.raw, gzip: withSecond.lazy.gzip - oneCall.lazy.gzip } },
      target: "0 bytes",
      met: added.raw === 0,
    });
    await add(
      "openapi-fetch alone, the same call",
      `import createClient from "openapi-fetch";
const client = createClient({ baseUrl: "https://acme.29next.store/api/admin" });
export const capture = () => client.POST("/transactions/{id}/capture/", { params: { path: { id: 1 }, header: { "X-29next-API-Version": "2023-02-10" } }, body: { amount: "10.00" }, headers: { Authorization: "Bearer token" } });
`,
    );
    for (const withZod of [false, true]) {
      const app = withZod ? "hey-api fetch SDK + zod request schema, the same call" : "hey-api fetch SDK, the same call";
      const sdk = heyApi(dir, withZod);
      if (typeof sdk !== "string") {
        rows.push({ app, measured: sdk });
        continue;
      }
      const call = `transactionsCaptureCreate({ baseUrl: "https://acme.29next.store/api/admin", auth: "token", path: { id: 1 }, headers: { "X-29next-API-Version": "2023-02-10" }, body: { amount: "10.00" } } as never)`;
      await add(
        app,
        withZod
          ? `import { transactionsCaptureCreate } from ${JSON.stringify(path.join(sdk, "sdk.gen.js"))};
import { zTransactionsCaptureCreateBody, zTransactionsCaptureCreatePath } from ${JSON.stringify(path.join(sdk, "zod.gen.js"))};
export const capture = () => { zTransactionsCaptureCreatePath.parse({ id: 1 }); zTransactionsCaptureCreateBody.parse({ amount: "10.00" }); return ${call}; };
`
          : `import { transactionsCaptureCreate } from ${JSON.stringify(path.join(sdk, "sdk.gen.js"))};\nexport const capture = () => ${call};\n`,
      );
    }

    const width = Math.max(...rows.map((row) => row.app.length));
    console.log("Browser bundles (esbuild: minify, ESM, browser, splitting): what loads up front, and what only a dynamic");
    console.log("import loads (payspec's response validators, on the first call with validate: { response: true })\n");
    console.log(`${"app".padEnd(width)}  ${"up front".padEnd(26)}  ${"on demand".padEnd(26)}  target`);
    for (const row of rows) {
      if ("error" in row.measured) {
        console.log(`${row.app.padEnd(width)}  n/a: ${row.measured.error}`);
        continue;
      }
      const lazy = row.measured.lazy.raw === 0 ? "-" : format(row.measured.lazy);
      const target = row.target === undefined ? "" : `${row.target}: ${row.met ? "MET" : "MISSED"}`;
      console.log(`${row.app.padEnd(width)}  ${format(row.measured.initial).padEnd(26)}  ${lazy.padEnd(26)}  ${target}`);
    }
    console.log("\n(esbuild emits the on-demand chunk of a client's dynamic import even where the client itself is left out,");
    console.log("as for isOrder alone: nothing loads it there.)");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
