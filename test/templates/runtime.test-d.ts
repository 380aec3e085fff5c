import { describe, expectTypeOf, it } from "vitest";
import {
  APIConnectionTimeoutError,
  APIConnectionError,
  APIError,
  ClientCore,
  NotFoundError,
  paginate,
  PayspecError,
  RequestValidationError,
  ValidationError,
  type CoreOptions,
  type OperationInfo,
  type PagePromise,
  type ValidationIssue,
} from "../../templates/runtime/index.js";

declare const core: ClientCore;
declare const op: OperationInfo;

describe("runtime public types", () => {
  it("call resolves with the type the generated method asks for", () => {
    expectTypeOf(core.call<{ id: string }>(op, {})).toEqualTypeOf<Promise<{ id: string }>>();
  });

  it("errors form the documented hierarchy and carry typed fields", () => {
    expectTypeOf<NotFoundError>().toMatchTypeOf<APIError>();
    expectTypeOf<APIError>().toMatchTypeOf<PayspecError>();
    expectTypeOf<APIConnectionTimeoutError>().toMatchTypeOf<APIConnectionError>();
    expectTypeOf<RequestValidationError>().toMatchTypeOf<ValidationError>();
    expectTypeOf<APIError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<APIError["headers"]>().toEqualTypeOf<Headers>();
    expectTypeOf<APIError["body"]>().toEqualTypeOf<unknown>();
    expectTypeOf<ValidationError["errors"]>().toEqualTypeOf<readonly ValidationIssue[]>();
  });

  it("credentials are a string or a username/password pair", () => {
    const ok: CoreOptions = { baseUrl: "https://x.test", credentials: { a: "t", b: { username: "u", password: "p" } } };
    // @ts-expect-error a number is not a credential
    const bad: CoreOptions = { baseUrl: "https://x.test", credentials: { a: 1 } };
    // @ts-expect-error validate takes booleans per direction
    const badValidate: CoreOptions = { baseUrl: "https://x.test", validate: true };
    expectTypeOf(ok).toEqualTypeOf<CoreOptions>();
    void bad;
    void badValidate;
  });
});

describe("paged operations", () => {
  it("await to one page, walk to items", async () => {
    interface Refund {
      readonly id: number;
    }
    const pages = paginate<{ data: Refund[] }, Refund>(core, op, {});
    expectTypeOf(pages).toEqualTypeOf<PagePromise<{ data: Refund[] }, Refund>>();
    expectTypeOf(await pages).toEqualTypeOf<{ data: Refund[] }>();
    for await (const refund of pages) expectTypeOf(refund).toEqualTypeOf<Refund>();
  });
});
