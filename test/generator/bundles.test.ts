/**
 * What a bundler keeps of the committed clients (esbuild as a browser build: minify, ESM, splitting): a client that
 * is imported but unused adds nothing, the response validators are not in what an app loads up front (only in the
 * chunk its dynamic import reaches), and a validator imported alone brings no client. Behaviour, not sizes: the
 * sizes are printed by bench/bundles.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build, type Metafile } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { REPO } from "./helpers.js";

const dir = mkdtempSync(path.join(tmpdir(), "payspec-bundle-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const from = (spec: string, module = "index.js"): string => JSON.stringify(path.join(REPO, "generated", spec, module));

interface Bundle {
  /** Input files (relative to the repo) with bytes in the entry chunk or a chunk it imports statically. */
  readonly upFront: ReadonlySet<string>;
  /** Input files with bytes only in chunks reached by a dynamic import. */
  readonly onDemand: ReadonlySet<string>;
}

async function bundle(name: string, source: string): Promise<Bundle> {
  const entry = path.join(dir, `${name}.ts`);
  writeFileSync(entry, source);
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    splitting: true,
    outdir: path.join(dir, `${name}-out`),
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const outputs = metafile.outputs;
  const start = Object.keys(outputs).find((output) => outputs[output]!.entryPoint !== undefined)!;
  const initial = new Set([start]);
  for (const queue = [start]; queue.length > 0; ) {
    for (const imported of outputs[queue.pop()!]!.imports) {
      if (imported.kind === "import-statement" && !initial.has(imported.path)) {
        initial.add(imported.path);
        queue.push(imported.path);
      }
    }
  }
  const inputsOf = (chunks: Iterable<string>): Set<string> =>
    new Set([...chunks].flatMap((chunk) => Object.entries((outputs[chunk] as Metafile["outputs"][string]).inputs).filter(([, input]) => input.bytesInOutput > 0).map(([file]) => path.relative(REPO, path.resolve(file)))));
  const upFront = inputsOf(initial);
  const onDemand = new Set([...inputsOf(Object.keys(outputs).filter((output) => output.endsWith(".js") && !initial.has(output)))].filter((file) => !upFront.has(file)));
  return { upFront, onDemand };
}

const ONE_CALL = `import { NextCommerceClient } from ${from("nextcommerce")};
const client = new NextCommerceClient({ credentials: { bearerAuth: "token" } });
export const capture = () => client.transactionsCaptureCreate({ path: { id: 1 }, body: { amount: "10.00" } });
`;

describe("bundles of the generated clients", () => {
  it("leave out a second client that is imported but unused, entirely", async () => {
    const { upFront, onDemand } = await bundle("second-client", `import { BigCommerceClient } from ${from("bigcommerce")};\n${ONE_CALL}`);
    expect([...upFront, ...onDemand].filter((file) => file.startsWith("generated/bigcommerce/"))).toEqual([]);
    expect(upFront).toContain("generated/nextcommerce/client.ts");
  });

  it("load the response validators only on demand, and the request validators up front", async () => {
    const { upFront, onDemand } = await bundle("one-call", ONE_CALL);
    expect(upFront).toContain("generated/nextcommerce/validation/compiled.ts");
    expect([...upFront].filter((file) => /response-validators|compiled-responses/.test(file))).toEqual([]);
    expect(onDemand).toEqual(new Set(["generated/nextcommerce/response-validators.ts", "generated/nextcommerce/validation/compiled-responses.ts"]));
  });

  it("give a validator imported alone without the client or its runtime", async () => {
    const { upFront } = await bundle("is-order", `import { isOrder } from ${from("nextcommerce")};\nexport const check = (value: unknown) => isOrder(value);\n`);
    expect([...upFront].sort()).toEqual(["generated/nextcommerce/validation/compiled.ts", "generated/nextcommerce/validators.ts", expect.stringMatching(/is-order\.ts$/)].sort());
  });
});
