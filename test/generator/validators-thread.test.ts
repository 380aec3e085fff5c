/**
 * ValidatorsThread, the CLI's side of the validators thread: what it sends, and that a thread that fails or stops
 * fails the generation instead of leaving it waiting. (The whole path through generator/run.mjs, with the real
 * thread, is in generate-launcher.test.ts.)
 */
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { emitValidators } from "../../generator/emit/validators.js";
import { loadSpec } from "../../generator/load.js";
import type { ApiModel } from "../../generator/model.js";
import { ValidatorsThread } from "../../generator/validators-thread.js";
import type { ValidatorsRequest } from "../../generator/validators-thread-entry.js";
import { FIXTURES } from "./helpers.js";

let channel: MessageChannel | undefined;
afterEach(() => {
  channel?.port1.close();
  channel?.port2.close();
  channel = undefined;
});

async function shop(): Promise<ApiModel> {
  return loadSpec(path.join(FIXTURES, "shop-31.yaml"), { name: "shop" });
}

describe("ValidatorsThread", () => {
  it("sends the schema set and export names, and merges the answer with validators.ts written here", async () => {
    channel = new MessageChannel();
    const model = await shop();
    const expected = emitValidators(model);
    const requests: ValidatorsRequest[] = [];
    channel.port2.on("message", (request: ValidatorsRequest) => {
      requests.push(request);
      const { "validators.ts": _module, ...compiled } = expected;
      channel!.port2.postMessage({ id: request.id, files: compiled });
    });
    const files = await new ValidatorsThread(channel.port1).emit(model);
    expect(files).toEqual(expected);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.job.spec).toEqual({ name: "shop", title: model.title, version: model.version, openapiVersion: model.openapiVersion });
    expect(Object.keys(requests[0]!.job.exportsMap).length).toBeGreaterThan(0);
  });

  it("rejects with the thread's error", async () => {
    channel = new MessageChannel();
    channel.port2.on("message", ({ id }: ValidatorsRequest) => channel!.port2.postMessage({ id, error: { message: "validators for shop: Ajv cannot compile #/components/schemas/X" } }));
    await expect(new ValidatorsThread(channel.port1).emit(await shop())).rejects.toThrow("Ajv cannot compile #/components/schemas/X");
  });

  it("rejects what is waiting, and what comes after, when the thread stops", async () => {
    channel = new MessageChannel();
    const model = await shop();
    const thread = new ValidatorsThread(channel.port1);
    channel.port2.on("message", () => channel!.port2.close());
    await expect(thread.emit(model)).rejects.toThrow("the validators thread stopped before it answered");
    await expect(thread.emit(model)).rejects.toThrow("the validators thread stopped before it answered");
  });
});
