/**
 * SpecThread, the CLI's side of the spec thread: a model comes back as the thread loaded it, the validators files
 * join validators.ts written on this side from the plan the thread sent, errors keep their kind (a SpecError stays one, with its problems), and a
 * thread that stops fails what waits instead of leaving it hanging. The real thread, through generator/run.mjs, is
 * in generate-launcher.test.ts.
 */
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { emitValidators, modulePlan, planValidators } from "../../generator/emit/validators.js";
import { SpecError } from "../../generator/errors.js";
import { loadSpec } from "../../generator/load.js";
import type { ApiModel } from "../../generator/model.js";
import { SpecThread, type SpecReply, type SpecRequest } from "../../generator/spec-thread.js";
import { FIXTURES } from "./helpers.js";

const SHOP = path.join(FIXTURES, "shop-31.yaml");
let channel: MessageChannel | undefined;
afterEach(() => {
  channel?.port1.close();
  channel?.port2.close();
  channel = undefined;
});

/** A stand-in for the spec thread: answers each request with `answer(request)`. */
function fakeThread(answer: (request: SpecRequest) => SpecReply[]): { thread: SpecThread; requests: SpecRequest[] } {
  channel = new MessageChannel();
  const requests: SpecRequest[] = [];
  const port = channel.port2;
  port.on("message", (request: SpecRequest) => {
    requests.push(request);
    for (const reply of answer(request)) port.postMessage(reply);
  });
  return { thread: new SpecThread(channel.port1), requests };
}

async function shop(): Promise<ApiModel> {
  return loadSpec(SHOP, { name: "shop" });
}

describe("SpecThread", () => {
  it("posts the spec and its options, and gives the model and every validators file", async () => {
    const model = await shop();
    const expected = emitValidators(model).files;
    const { "validators.ts": _written, ...compiled } = expected;
    const { thread, requests } = fakeThread(({ id }) => [
      { id, kind: "model", model },
      { id, kind: "plan", plan: modulePlan(planValidators(model)) },
      { id, kind: "validators", files: compiled },
    ]);
    const loaded = await thread.load(SHOP, { name: "shop" });
    expect(requests).toEqual([{ id: 0, spec: SHOP, options: { name: "shop" } }]);
    expect(loaded.model).toEqual(model);
    expect(await loaded.emitValidators(loaded.model, { runtimeImport: "./runtime" })).toEqual(expected);
  });

  it("turns a load error with problems back into a SpecError", async () => {
    const problems = [{ file: SHOP, line: 3, column: 1, pointer: "/info", message: "The field `title` must be present" }];
    const { thread } = fakeThread(({ id }) => [{ id, kind: "load-error", error: { message: "ignored", problems } }]);
    const failure = await thread.load(SHOP).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SpecError);
    expect((failure as SpecError).problems).toEqual(problems);
    expect((failure as SpecError).message).toBe(new SpecError(problems).message);
  });

  it("rejects the validators, not the model, when Ajv fails on the thread", async () => {
    const model = await shop();
    const { thread } = fakeThread(({ id }) => [
      { id, kind: "model", model },
      { id, kind: "validators-error", error: { message: "validators for shop: Ajv cannot compile #/components/schemas/X" } },
    ]);
    const loaded = await thread.load(SHOP);
    await expect(loaded.emitValidators(loaded.model, { runtimeImport: "./runtime" })).rejects.toThrow("Ajv cannot compile #/components/schemas/X");
  });

  it("fails what waits, and what comes after, when the thread stops", async () => {
    const { thread } = fakeThread(() => {
      channel!.port2.close();
      return [];
    });
    await expect(thread.load(SHOP)).rejects.toThrow("the spec thread stopped before it answered");
    await expect(thread.load(SHOP)).rejects.toThrow("the spec thread stopped before it answered");
  });
});
