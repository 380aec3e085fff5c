/**
 * Request bodies on the wire, by the encoding the generator picks from the declared media type (templates/runtime/
 * body.ts), received by a real node:http server: JSON as before, form fields, multipart parts with files, a text or
 * binary body as given, and a `+json` type under its own name. A decimal-string amount arrives exactly as written.
 */
import { afterEach, describe, expect, it } from "vitest";
import { bodyAsGiven, ClientCore, formBody, formBodyWith, multipartBody, type BodyEncoding, type OperationInfo } from "../../templates/runtime/index.js";
import { JSON_SUCCESS, sendJson, startServer, type ReceivedRequest, type TestServer } from "./server.js";

const post = (requestBody?: BodyEncoding): OperationInfo => ({
  operationId: "createThing",
  method: "post",
  path: "/things",
  security: [],
  constantHeaders: {},
  responses: JSON_SUCCESS,
  ...(requestBody !== undefined ? { requestBody } : {}),
});

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Sends `body` as an operation whose body is sent with `encoding`; returns what the server received. */
async function received(encoding: BodyEncoding | undefined, body: unknown): Promise<ReceivedRequest> {
  server = await startServer((_request, response) => sendJson(response, 201, { ok: true }));
  await new ClientCore({}, { baseUrl: server.url }).call(post(encoding), { body });
  return server.requests[0]!;
}

/** The multipart body as the Fetch API parses it. */
async function parts(request: ReceivedRequest): Promise<FormData> {
  return new Request("http://parse.test/", { method: "POST", headers: { "content-type": request.headers["content-type"]! }, body: request.body }).formData();
}

describe("request bodies", () => {
  it("JSON when the operation declares application/json (no requestBody)", async () => {
    const request = await received(undefined, { amount: "12.50", lines: [1, 2] });
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.body).toBe('{"amount":"12.50","lines":[1,2]}');
  });

  it("a +json type as JSON, under its own name", async () => {
    const request = await received({ contentType: "application/merge-patch+json" }, { note: null });
    expect(request.headers["content-type"]).toBe("application/merge-patch+json");
    expect(request.body).toBe('{"note":null}');
  });

  it("application/x-www-form-urlencoded: fields, an array as a repeated key, an object as JSON, null left out", async () => {
    const request = await received(formBody, {
      amount: "12.50",
      capture: true,
      tags: ["a b", "c&d"],
      meta: { k: "v" },
      skipped: null,
    });
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request.body).toBe("amount=12.50&capture=true&tags=a+b&tags=c%26d&meta=%7B%22k%22%3A%22v%22%7D");
    expect(new URLSearchParams(request.body).getAll("tags")).toEqual(["a b", "c&d"]);
  });

  it("application/x-www-form-urlencoded with an encoding (Stripe's): styled fields as their query style writes them, the others as before", async () => {
    const encoding = formBodyWith({ metadata: { style: "deepObject", explode: true }, expand: { style: "deepObject", explode: true }, ids: { style: "form", explode: false } });
    const request = await received(encoding, {
      charge: "ch_1",
      amount: 100,
      metadata: { order: "6735", "note x": "late & lost" },
      expand: ["charge", "payment_intent"],
      ids: [1, 2],
      meta: { k: "v" },
    });
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request.body).toBe(
      "charge=ch_1&amount=100&metadata[order]=6735&metadata[note%20x]=late%20%26%20lost&expand[]=charge&expand[]=payment_intent&ids=1,2&meta=%7B%22k%22%3A%22v%22%7D",
    );
    const form = new URLSearchParams(request.body);
    expect([form.get("metadata[note x]"), form.getAll("expand[]")]).toEqual(["late & lost", ["charge", "payment_intent"]]);
  });

  it("multipart/form-data: text parts, a Blob as a file part, fetch's boundary in the Content-Type", async () => {
    const receipt = new File(["%PDF-1.7"], "receipt.pdf", { type: "application/pdf" });
    const request = await received(multipartBody, { amount: "12.50", ids: [1, 2], receipt });
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await parts(request);
    expect(form.get("amount")).toBe("12.50");
    expect(form.getAll("ids")).toEqual(["1", "2"]);
    const file = form.get("receipt") as File;
    expect([file.name, file.type, await file.text()]).toEqual(["receipt.pdf", "application/pdf", "%PDF-1.7"]);
  });

  it("a FormData or URLSearchParams the caller built is sent as it is", async () => {
    const form = new FormData();
    form.append("note", "as built");
    expect((await parts(await received(multipartBody, form))).get("note")).toBe("as built");
    await server?.close();
    expect((await received(formBody, new URLSearchParams({ a: "1" }))).body).toBe("a=1");
  });

  it("text/plain and application/octet-stream: the body as given, with that Content-Type", async () => {
    const text = await received({ serialize: bodyAsGiven, contentType: "text/plain" }, "12.50 EUR, not JSON");
    expect([text.headers["content-type"], text.body]).toEqual(["text/plain", "12.50 EUR, not JSON"]);
    await server?.close();
    const bytes = await received({ serialize: bodyAsGiven, contentType: "application/octet-stream" }, new TextEncoder().encode("raw"));
    expect([bytes.headers["content-type"], bytes.body]).toEqual(["application/octet-stream", "raw"]);
  });

  it("a range such as image/*: the Blob's own type, not openapi-fetch's application/json", async () => {
    const request = await received({ serialize: bodyAsGiven, contentType: null }, new Blob(["png"], { type: "image/png" }));
    expect([request.headers["content-type"], request.body]).toEqual(["image/png", "png"]);
  });

  it("a form body that is not an object of fields is a clear error, and nothing is sent", async () => {
    server = await startServer((_request, response) => sendJson(response, 201, {}));
    const core = new ClientCore({}, { baseUrl: server.url });
    await expect(core.call(post(formBody), { body: [1, 2] })).rejects.toThrow(/form body must be an object of fields, got an array/);
    expect(server.requests).toEqual([]);
  });
});
