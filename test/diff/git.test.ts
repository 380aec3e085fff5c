/**
 * `payspec diff <spec> --base <ref>` and `summarizeAgainstBase` against a real, temporary git repository: the old
 * version is read from the commit (with the files its `$ref`s reach), and every way of having no committed version
 * gives a clear error (or, for the summary, no line).
 */
import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summarizeAgainstBase } from "../../generator/diff/diff-specs.js";
import { changedSince } from "../../generator/diff/git.js";
import { runCli } from "../support/cli.js";
import { BASE, type Doc } from "./corpus.js";
import { runDiff, tempFolder } from "./support.js";

let repo: Awaited<ReturnType<typeof tempFolder>>;
let outside: Awaited<ReturnType<typeof tempFolder>>;

function git(...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=payspec test", "-c", "user.email=test@payspec.invalid", "-c", "commit.gpgsign=false", ...args], { cwd: repo.dir, encoding: "utf8" });
}

function edited(edit: (doc: Doc) => void): Doc {
  const doc = structuredClone(BASE);
  edit(doc);
  return doc;
}

const spec = (doc: Doc) => JSON.stringify(doc, null, 2);

beforeAll(async () => {
  repo = await tempFolder("payspec-diff-git-");
  outside = await tempFolder("payspec-diff-nogit-");
  git("init", "-q", "-b", "main");
  await mkdir(path.join(repo.dir, "specs", "parts"), { recursive: true });
  await writeFile(path.join(repo.dir, "specs", "shop.json"), spec(BASE));
  // A spec split across files: the Order schema lives in another file.
  const split = structuredClone(BASE);
  const order = JSON.parse(JSON.stringify(split.components.schemas.Order).replaceAll('"#/components/', '"../split.json#/components/'));
  split.components.schemas.Order = { $ref: "parts/order.json" };
  await writeFile(path.join(repo.dir, "specs", "split.json"), spec(split));
  await writeFile(path.join(repo.dir, "specs", "parts", "order.json"), spec(order));
  git("add", "-A");
  git("commit", "-q", "-m", "specs");
});
afterAll(async () => {
  await repo.remove();
  await outside.remove();
});

describe("payspec diff --base", () => {
  it("compares the working copy with the committed version", async () => {
    await writeFile(path.join(repo.dir, "specs", "shop.json"), spec(edited((d) => d.components.schemas.NewOrder.required.push("coupon"))));
    const run = await runDiff(["specs/shop.json", "--base", "HEAD", "--format", "json"], repo.dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.before).toBe("HEAD:specs/shop.json");
    expect(report.after).toBe("specs/shop.json");
    expect(report.changes.map((change: { check: string; operationId: string }) => `${change.check} ${change.operationId}`)).toEqual(["request-property-became-required createOrder"]);
    await writeFile(path.join(repo.dir, "specs", "shop.json"), spec(BASE));
  });

  it("reads the files a spec's $refs reach from the commit too", async () => {
    const partFile = path.join(repo.dir, "specs", "parts", "order.json");
    const committed = await readFile(partFile, "utf8");
    const order = JSON.parse(committed);
    delete order.properties.note;
    await writeFile(partFile, spec(order));
    try {
      const run = await runDiff(["specs/split.json", "--base", "HEAD", "--format", "json"], repo.dir);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const changes = JSON.parse(run.stdout).changes.map((change: { check: string; operationId: string }) => `${change.check} ${change.operationId}`);
      expect(changes).toEqual(["response-optional-property-removed getOrder"]);
    } finally {
      await writeFile(partFile, committed);
    }
  });

  it("compares with any commit, not only HEAD", async () => {
    await writeFile(path.join(repo.dir, "specs", "shop.json"), spec(edited((d) => delete d.paths["/health"])));
    git("commit", "-q", "-am", "remove health");
    try {
      const run = await runDiff(["specs/shop.json", "--base", "HEAD~1", "--format", "json", "--fail-on", "breaking"], repo.dir);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout).changes.map((change: { check: string }) => change.check)).toEqual(["api-removed-without-deprecation"]);
    } finally {
      git("revert", "--no-edit", "HEAD");
    }
  });

  it("says so, exit 2, when the spec is not in that commit", async () => {
    await writeFile(path.join(repo.dir, "specs", "new.json"), spec(BASE));
    const run = await runDiff(["specs/new.json", "--base", "HEAD"], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^payspec diff: specs\/new\.json is not in HEAD: there is no committed version to compare with/);
  });

  it("says so, exit 2, when the ref is not a commit", async () => {
    const run = await runDiff(["specs/shop.json", "--base", "no-such-branch"], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("payspec diff: no-such-branch is not a commit of the git repository at");
  });

  it("says so, exit 2, outside a git repository", async () => {
    await writeFile(path.join(outside.dir, "shop.json"), spec(BASE));
    const run = await runDiff(["shop.json", "--base", "HEAD"], outside.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^payspec diff: shop\.json is not in a git repository, so it has no committed version to compare with/);
  });

  it("names the committed version in the errors of a committed spec that does not load", async () => {
    await writeFile(path.join(repo.dir, "specs", "broken.json"), "{ \"openapi\": \"3.1.0\", ");
    git("add", "specs/broken.json");
    git("commit", "-q", "-m", "broken");
    await writeFile(path.join(repo.dir, "specs", "broken.json"), spec(BASE));
    const run = await runDiff(["specs/broken.json", "--base", "HEAD"], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^payspec diff: the spec cannot be loaded:\n {2}HEAD:specs\/broken\.json:1/);
  });
});

describe("summarizeAgainstBase (for payspec generate)", () => {
  it("gives one line with the counts and the command that shows the rest", async () => {
    await writeFile(
      path.join(repo.dir, "specs", "shop.json"),
      spec(
        edited((d) => {
          d.components.schemas.NewOrder.required.push("coupon");
          d.components.schemas.NewOrder.properties.gift_note = { type: "string" };
          d.components.schemas.Order.properties.currency = { type: "string" };
          d.paths["/orders"].get.summary = "List the orders";
        }),
      ),
    );
    try {
      expect(await summarizeAgainstBase("specs/shop.json", "HEAD", { cwd: repo.dir })).toBe(
        "shop: 1 breaking, 2 non-breaking, 1 annotation changes (payspec diff specs/shop.json --base HEAD)",
      );
    } finally {
      await writeFile(path.join(repo.dir, "specs", "shop.json"), spec(BASE));
    }
  });

  it("gives nothing when the spec did not change", async () => {
    expect(await summarizeAgainstBase("specs/shop.json", "HEAD", { cwd: repo.dir })).toBeUndefined();
  });

  it("gives nothing for a spec that is not committed, or not in a repository", async () => {
    expect(await summarizeAgainstBase("specs/new.json", "HEAD", { cwd: repo.dir })).toBeUndefined();
    expect(await summarizeAgainstBase("shop.json", "HEAD", { cwd: outside.dir })).toBeUndefined();
  });
});

describe("changedSince (what decides whether payspec generate runs the diff)", () => {
  it("is false for a spec whose files all read as committed, true once the spec or a file it refers to differs", async () => {
    expect(await changedSince(path.join(repo.dir, "specs", "split.json"), "HEAD")).toBe(false);
    const part = path.join(repo.dir, "specs", "parts", "order.json");
    const committed = await readFile(part, "utf8");
    await writeFile(part, committed.replace('"type": "object"', '"type": "object", "minProperties": 1'));
    try {
      expect(await changedSince(path.join(repo.dir, "specs", "split.json"), "HEAD")).toBe(true);
    } finally {
      await writeFile(part, committed);
    }
    expect(await changedSince(path.join(repo.dir, "specs", "split.json"), "HEAD")).toBe(false);
  });

  it("is undefined without a committed version", async () => {
    await writeFile(path.join(repo.dir, "specs", "uncommitted.json"), spec(BASE));
    expect(await changedSince(path.join(repo.dir, "specs", "uncommitted.json"), "HEAD")).toBeUndefined();
    await writeFile(path.join(outside.dir, "shop.json"), spec(BASE));
    expect(await changedSince(path.join(outside.dir, "shop.json"), "HEAD")).toBeUndefined();
  });
});

describe("payspec generate: the one-line summary when it rewrites a committed client", () => {
  it("prints it for a client folder it rewrites after its spec changed, and not for a new folder or an unchanged spec", async () => {
    const client = path.join(repo.dir, "src", "shop");
    expect((await runCli(["generate", "specs/shop.json", "--out", "src/shop"], repo.dir)).code).toBe(0);
    git("add", "-A");
    git("commit", "-q", "-m", "client");
    const summary = "shop: 1 breaking change (payspec diff specs/shop.json --base HEAD)";
    await writeFile(path.join(repo.dir, "specs", "shop.json"), spec(edited((d) => d.components.schemas.NewOrder.required.push("coupon"))));
    try {
      // A new folder: nothing is rewritten, so nothing to say.
      const fresh = await runCli(["generate", "specs/shop.json", "--out", "src/other"], repo.dir);
      expect(fresh.code).toBe(0);
      expect(fresh.stdout).not.toContain("payspec diff");
      const rewritten = await runCli(["generate", "specs/shop.json", "--out", "src/shop"], repo.dir);
      expect(rewritten.code).toBe(0);
      expect(rewritten.stdout.split("\n")).toContain(summary);
    } finally {
      await writeFile(path.join(repo.dir, "specs", "shop.json"), spec(BASE));
    }
    // The spec as committed again: the client is rewritten back, and no change is reported.
    const back = await runCli(["generate", "specs/shop.json", "--out", "src/shop"], repo.dir);
    expect(back.code).toBe(0);
    expect(back.stdout).toContain(`Generated ${path.join("src", "shop")}/`);
    expect(back.stdout).not.toContain("payspec diff");
    expect(await readFile(path.join(client, "client.ts"), "utf8")).toContain("createOrder");
  }, 120_000);
});
