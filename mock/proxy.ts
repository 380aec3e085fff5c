/**
 * The validation proxy (`payspec mock <spec> --proxy <upstream>`): forwards every request to a real API, checks the
 * request and the response against the spec, and hands the upstream's answer back unchanged, byte for byte. Each
 * violation is reported (operation, direction, JSON pointer, message), so that users see where the real API and the
 * spec disagree.
 *
 * Not Prism's proxy mode, which does not serve this purpose (@stoplight/prism-http 5.12's forwarder): it answers an
 * invalid request with its own 422 instead of forwarding it, parses the upstream's JSON and serialises it again (so a
 * `10.10` comes back as `10.1` and a 64-bit id loses digits), and adds headers of its own (`sl-violations`).
 *
 * The checks are the client's own: the spec's schema set and issue wording that the generated validators are compiled
 * from (generator/validators/), here compiled by Ajv at start-up, and the request read as the client's CallInput by
 * ./http-contract.ts, as the MSW handlers read it. Credentials are forwarded as they came and never printed: the
 * validators never look at them, and the request log shows the method and path only (no query, no headers).
 */
import { request as httpRequest, createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from "node:http";
import { request as httpsRequest } from "node:https";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import type { ValidateFunction } from "ajv";
import { contractOperations, contractSecuritySchemes } from "../generator/emit/msw.js";
import type { ApiModel } from "../generator/model.js";
import { createAjv } from "../generator/validators/compile.js";
import { issuesFromAjv } from "../generator/validators/issues.js";
import { buildSchemaSet, resourceId } from "../generator/validators/schema-set.js";
import { bySpecificity, callInput, credentialsPresent, fragmentMatches, matchPath, parseBody, violationsOf, type ContractOperation, type HeaderLookup } from "./http-contract.js";

export interface ProxyViolation {
  /** The operation's id, or `(no operation)` for a request no path of the spec matches. */
  readonly operationId: string;
  readonly direction: "request" | "response";
  /** JSON pointer: into the request as the client's CallInput (`/body/amount`, `/query/page`), or the response (`/body/id`, `/status`). */
  readonly pointer: string;
  readonly message: string;
}

export interface StartProxyOptions {
  /** The OpenAPI file. */
  readonly spec: string;
  /** Base URL of the real API: `https://sandbox.example.com/api`; each request's path and query are appended. */
  readonly upstream: string;
  readonly host?: string;
  /** Default: a free port. */
  readonly port?: number;
  /** Told of every violation as it is found. */
  readonly onViolation?: (violation: ProxyViolation) => void;
  /** Told of every request: `POST /payments/7/capture/ -> 200 (1 violation)`; no query, no headers. */
  readonly onRequest?: (line: string) => void;
}

export interface RunningProxy {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly upstream: string;
  /** Every violation so far, in order. */
  readonly violations: readonly ProxyViolation[];
  /** How many requests were forwarded (or tried). */
  requests(): number;
  stop(): Promise<void>;
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host"]);

interface CompiledChecks {
  request(operation: ContractOperation): ValidateFunction | undefined;
  /** The validator of a status (exact, then `4XX`-style, then `default`); `null` when the status is not documented. */
  response(operation: ContractOperation, status: number): ValidateFunction | "no-body" | null;
}

/** Ajv over the validators' schema set, each operation's functions compiled the first time it is called. */
function compileChecks(model: ApiModel): CompiledChecks {
  const set = buildSchemaSet(model);
  const ajv = createAjv({ annotationFormats: set.unknownFormats, patternsWithoutUnicode: set.patternsWithoutUnicode, formats: "payspec" });
  for (const [key, schema] of Object.entries(set.resources)) ajv.addSchema(schema as object, resourceId(key));
  const byId = new Map(set.operations.map((operation) => [operation.operationId, operation]));
  const compiled = new Map<string, ValidateFunction>();
  const get = (key: string): ValidateFunction => {
    let validate = compiled.get(key);
    if (validate === undefined) {
      validate = ajv.getSchema(resourceId(key));
      if (validate === undefined) throw new Error(`validation proxy: no schema ${key} in the spec's schema set`);
      compiled.set(key, validate);
    }
    return validate;
  };
  return {
    request(operation) {
      const key = byId.get(operation.operationId)?.request;
      return key === undefined ? undefined : get(key);
    },
    response(operation, status) {
      const responses = byId.get(operation.operationId)?.responses ?? [];
      const found =
        responses.find(([written]) => written === String(status)) ??
        responses.find(([written]) => written.toUpperCase() === `${String(status)[0]}XX`) ??
        responses.find(([written]) => written === "default");
      if (found === undefined) return null;
      return found[1] === undefined ? "no-body" : get(found[1]);
    },
  };
}

function headerLookup(headers: IncomingHttpHeaders): HeaderLookup {
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

function decoded(body: Buffer, encoding: string | undefined): string {
  switch ((encoding ?? "").trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return gunzipSync(body).toString("utf8");
    case "deflate":
      return inflateSync(body).toString("utf8");
    case "br":
      return brotliDecompressSync(body).toString("utf8");
    default:
      return body.toString("utf8");
  }
}

function forward(upstream: URL, incoming: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const target = new URL(upstream.href.replace(/\/$/, "") + (incoming.url ?? "/"));
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  if (body.length > 0 || incoming.headers["content-length"] !== undefined) headers["content-length"] = String(body.length);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(target, { method: incoming.method ?? "GET", headers }, (response) => {
      readAll(response).then((bytes) => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: bytes }), reject);
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** Starts the proxy; resolves once it listens. The spec is loaded and checked first (a broken spec rejects). */
export async function startProxy(options: StartProxyOptions): Promise<RunningProxy> {
  const upstream = new URL(options.upstream);
  if (upstream.protocol !== "http:" && upstream.protocol !== "https:") throw new Error(`--proxy needs an http(s) URL, got "${options.upstream}"`);
  const { loadSpec } = await import("../generator/load.js");
  const model = await loadSpec(options.spec);
  // Literal paths before templated ones, so that `/orders/search` is not taken for `/orders/{id}`.
  const operations = contractOperations(model).sort(bySpecificity);
  const schemes = contractSecuritySchemes(model);
  const checks = compileChecks(model);
  const violations: ProxyViolation[] = [];
  let requests = 0;

  const report = (found: ProxyViolation[]) => {
    for (const violation of found) {
      violations.push(violation);
      options.onViolation?.(violation);
    }
  };

  const checkRequest = (operation: ContractOperation, incoming: IncomingMessage, url: URL, pathParams: Record<string, string>, text: string): ProxyViolation[] => {
    const found: ProxyViolation[] = [];
    const at = (pointer: string, message: string): ProxyViolation => ({ operationId: operation.operationId, direction: "request", pointer, message });
    const headers = headerLookup(incoming.headers);
    if (!credentialsPresent(operation, schemes, headers, url)) {
      found.push(at("", `no credential for any of its security requirements (${operation.security.map((names) => names.join(" + ")).join(", or ")})`));
    }
    const body = parseBody(headers.get("content-type"), text, operation.formBody);
    if (!body.ok) return [...found, at("/body", `body ${body.message}`)];
    const validate = checks.request(operation);
    if (validate !== undefined) {
      const input = callInput(operation, { pathParams, url, headers, body: body.value });
      if (!validate(input)) {
        for (const violation of violationsOf(issuesFromAjv(validate.errors, input))) found.push(at(violation.pointer, violation.message));
      }
    }
    return found;
  };

  const checkResponse = (operation: ContractOperation, status: number, headers: IncomingHttpHeaders, body: Buffer): ProxyViolation[] => {
    const at = (pointer: string, message: string): ProxyViolation => ({ operationId: operation.operationId, direction: "response", pointer, message });
    const validate = checks.response(operation, status);
    if (validate === null) return [at("/status", `status ${status} is not documented for ${operation.operationId}`)];
    if (validate === "no-body") return [];
    const contentType = headers["content-type"] ?? "";
    if (!/json/i.test(contentType)) return body.length === 0 ? [] : [at("/body", `is ${contentType || "untyped"}, the spec documents a JSON body`)];
    let text: string;
    try {
      text = decoded(body, headers["content-encoding"]);
    } catch (error) {
      return [at("/body", `cannot be decoded (${headers["content-encoding"] ?? ""}): ${(error as Error).message}`)];
    }
    const parsed = parseBody("application/json", text);
    if (!parsed.ok) return [at("/body", `body ${parsed.message}`)];
    if (validate(parsed.value)) return [];
    return violationsOf(issuesFromAjv(validate.errors, parsed.value), ["body"]).map((violation) => at(violation.pointer, violation.message));
  };

  const server: Server = createServer((incoming, outgoing) => {
    void (async () => {
      requests++;
      const url = new URL(incoming.url ?? "/", "http://proxy.invalid");
      const method = (incoming.method ?? "GET").toLowerCase();
      const requestBody = await readAll(incoming);
      let operation: ContractOperation | undefined;
      let pathParams: Record<string, string> = {};
      for (const candidate of operations) {
        if (candidate.method !== method || !fragmentMatches(candidate.path, headerLookup(incoming.headers), url)) continue;
        const params = matchPath(candidate.path, url.pathname);
        if (params !== undefined) {
          operation = candidate;
          pathParams = params;
          break;
        }
      }
      const before = violations.length;
      if (operation === undefined) {
        report([{ operationId: "(no operation)", direction: "request", pointer: "", message: `no operation of the spec is ${method.toUpperCase()} ${url.pathname}` }]);
      } else {
        report(checkRequest(operation, incoming, url, pathParams, requestBody.toString("utf8")));
      }
      let answer;
      try {
        answer = await forward(upstream, incoming, requestBody);
      } catch (error) {
        const message = `the upstream ${upstream.origin} did not answer: ${(error as Error).message}`;
        options.onRequest?.(`${method.toUpperCase()} ${url.pathname} -> 502 (${message})`);
        outgoing.writeHead(502, { "content-type": "application/problem+json" });
        outgoing.end(JSON.stringify({ title: "Bad Gateway", status: 502, detail: message }));
        return;
      }
      if (operation !== undefined) report(checkResponse(operation, answer.status, answer.headers, answer.body));
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
      headers["content-length"] = String(answer.body.length);
      outgoing.writeHead(answer.status, headers);
      outgoing.end(answer.body);
      const count = violations.length - before;
      options.onRequest?.(`${method.toUpperCase()} ${url.pathname} -> ${answer.status}${count > 0 ? ` (${count} violation${count === 1 ? "" : "s"})` : ""}`);
    })().catch((error: unknown) => {
      if (!outgoing.headersSent) outgoing.writeHead(500, { "content-type": "text/plain" });
      outgoing.end(`payspec proxy: ${(error as Error).message}`);
    });
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : (options.port ?? 0);
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    host,
    port,
    upstream: upstream.href,
    violations,
    requests: () => requests,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}
