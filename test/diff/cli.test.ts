/**
 * `payspec diff` as a CI step uses it: the exit codes (0, 1 with --fail-on, 2 for usage and spec errors), and the
 * three formats. Expected texts are written by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, type Doc } from "./corpus.js";
import { runDiff, tempFolder } from "./support.js";

let folder: Awaited<ReturnType<typeof tempFolder>>;
const files: Record<string, string> = {};

function edited(edit: (doc: Doc) => void): Doc {
  const doc = structuredClone(BASE);
  edit(doc);
  return doc;
}

beforeAll(async () => {
  folder = await tempFolder("payspec-diff-cli-");
  files["old"] = await folder.write("shop.json", BASE);
  // A required request property: breaking on the wire, and code that leaves it out does not compile.
  files["breaking"] = await folder.write("breaking.json", edited((d) => {
    d.components.schemas.NewOrder.properties.currency = { type: "string" };
    d.components.schemas.NewOrder.required.push("currency");
  }));
  // A response maximum raised: possibly breaking (for clients that validate responses); the types do not change.
  files["possibly"] = await folder.write("possibly.json", edited((d) => d.components.schemas.Order.properties.items_count.maximum = 5000));
  files["non-breaking"] = await folder.write("non-breaking.json", edited((d) => (d.components.schemas.NewOrder.properties.gift_note = { type: "string" })));
  // Nothing on the wire (clients never send readOnly properties), but the new input type requires it.
  files["compiler-only"] = await folder.write("compiler-only.json", edited((d) => {
    d.components.schemas.NewOrder.properties.created_by = { type: "string", readOnly: true };
    d.components.schemas.NewOrder.required.push("created_by");
  }));
  files["broken"] = await folder.write("broken.yaml", "openapi: 3.1.0\ninfo:\n  title: Shop\n  version: 1\npaths: {\n");
});
afterAll(() => folder.remove());

describe("exit codes", () => {
  it("is 0 when changes are found but no --fail-on is given", async () => {
    expect((await runDiff([files["old"]!, files["breaking"]!], folder.dir)).code).toBe(0);
  });

  it("is 1 with --fail-on breaking when a change is breaking", async () => {
    const run = await runDiff([files["old"]!, files["breaking"]!, "--fail-on", "breaking"], folder.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("BREAKING (1)");
  });

  it("is 0 with --fail-on breaking when the worst change is possibly breaking", async () => {
    expect((await runDiff([files["old"]!, files["possibly"]!, "--fail-on", "breaking"], folder.dir)).code).toBe(0);
  });

  it("is 1 with --fail-on possibly-breaking when a change is possibly breaking", async () => {
    expect((await runDiff([files["old"]!, files["possibly"]!, "--fail-on", "possibly-breaking"], folder.dir)).code).toBe(1);
  });

  it("is 0 with --fail-on possibly-breaking when every change is non-breaking", async () => {
    expect((await runDiff([files["old"]!, files["non-breaking"]!, "--fail-on", "possibly-breaking"], folder.dir)).code).toBe(0);
  });

  it("is 1 with --fail-on breaking when the wire says non-breaking but the code no longer compiles", async () => {
    const run = await runDiff([files["old"]!, files["compiler-only"]!, "--fail-on", "breaking"], folder.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("note: On the wire this is non-breaking, but the compiler disagrees");
  });

  it("is 0 when nothing changed, whatever --fail-on says", async () => {
    const run = await runDiff([files["old"]!, files["old"]!, "--fail-on", "possibly-breaking"], folder.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("shop: no changes (shop.json -> shop.json)\ncode written against the old ShopClient: still compiles\n");
  });

  it.each([
    ["an unknown option", ["a.yaml", "b.yaml", "--colour"], "Unknown option '--colour'"],
    ["one spec without --base", ["a.yaml"], "give the old and the new spec, or one spec and --base <git-ref> (got 1 argument)"],
    ["three specs", ["a.yaml", "b.yaml", "c.yaml"], "(got 3 arguments)"],
    ["two specs with --base", ["a.yaml", "b.yaml", "--base", "HEAD"], "with --base, give one spec (got 2)"],
    ["an unknown format", ["a.yaml", "b.yaml", "--format", "html"], '--format must be one of text, markdown, json, not "html"'],
    ["an unknown --fail-on level", ["a.yaml", "b.yaml", "--fail-on", "annotation"], '--fail-on must be one of breaking, possibly-breaking, not "annotation"'],
  ])("is 2 for %s, with the reason and the usage", async (_what, argv, reason) => {
    const run = await runDiff(argv, folder.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(reason);
    expect(run.stderr).toContain("Usage:\n  payspec diff <old-spec> <new-spec> [options]");
    expect(run.stdout).toBe("");
  });

  it("is 2 for a spec that does not load, naming the file and line", async () => {
    const run = await runDiff([files["old"]!, "broken.yaml"], folder.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^payspec diff: the spec cannot be loaded:\n {2}broken\.yaml:\d+/);
    expect(run.stdout).toBe("");
  });

  it("is 2 for a spec that does not exist", async () => {
    const run = await runDiff(["shop.json", "missing.yaml"], folder.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("missing.yaml: file not found");
  });

  it("lists the checks for --checks, one a line with its level and sentence, and exits 0", async () => {
    const run = await runDiff(["--checks"], folder.dir);
    expect(run.code).toBe(0);
    const line = run.stdout.split("\n").find((text) => text.startsWith("request-property-became-enum "));
    expect(line?.replace(/\s+/g, " ")).toBe(
      "request-property-became-enum breaking A request value that took any value is now restricted to a list: old clients sending another value are refused.",
    );
  });

  it("prints the usage for --help, and exits 0", async () => {
    const run = await runDiff(["--help"], folder.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("--fail-on <level>      exit 1 when a change has this impact or worse: breaking, possibly-breaking");
  });
});

describe("formats", () => {
  it("json: every change with its classification, operationId, pointer, message, values, member and the compiler's verdict", async () => {
    const run = await runDiff([files["old"]!, files["breaking"]!, "--format", "json"], folder.dir);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.spec).toBe("shop");
    expect(report.summary).toEqual({ breaking: 1, "possibly-breaking": 0, "non-breaking": 0, annotation: 0 });
    expect(report.changes).toEqual([
      {
        classification: "breaking",
        impact: "breaking",
        check: "new-required-request-property",
        why: "A new required request property: old clients do not send it, so their requests are refused.",
        operationId: "createOrder",
        method: "POST",
        path: "/orders",
        pointer: "/components/schemas/NewOrder/properties/currency",
        pointerIn: "new",
        message: "Request property `currency` (application/json) was added, required: old clients do not send it, so their requests are refused.",
        after: { type: "string" },
        clientMember: "ShopClient.createOrder: input.body.currency",
        clientChange: "ShopClient.createOrder: input.body.currency was added, required",
        compiler: {
          verdict: "does-not-compile",
          compiles: false,
          message: "`input.body.currency` is required by the new type: code that does not set it no longer compiles",
        },
      },
    ]);
    const createOrder = report.compiler.operations.find((operation: { operationId: string }) => operation.operationId === "createOrder");
    expect(createOrder.input.compiles).toBe(false);
    expect(createOrder.input.diagnostic).toContain("Property 'currency' is missing in type");
    expect(createOrder.response).toEqual({ compiles: true });
  });

  it("text: grouped by impact, each change with the member it touches and the compiler's word", async () => {
    const run = await runDiff([files["old"]!, files["breaking"]!], folder.dir);
    expect(run.stdout).toBe(
      [
        "shop: 1 breaking change (shop.json -> breaking.json)",
        "code written against the old ShopClient: does not compile (ShopClient.createOrder: input.body.currency)",
        "",
        "BREAKING (1)",
        "  createOrder (POST /orders) [new-required-request-property]",
        "    Request property `currency` (application/json) was added, required: old clients do not send it, so their requests are refused.",
        "    your code: ShopClient.createOrder: input.body.currency was added, required",
        "    compiler: does not compile: `input.body.currency` is required by the new type: code that does not set it no longer compiles",
        '    at #/components/schemas/NewOrder/properties/currency (new spec): now {"type":"string"}',
        "",
      ].join("\n"),
    );
  });
});
