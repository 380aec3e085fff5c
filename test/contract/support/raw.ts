/**
 * Sends a contract-test input with plain `fetch`, serialized here from the spec (path, query with its style/explode,
 * headers, cookies, JSON body) and not by the generated client: the point is to see what Prism says about the very
 * request the client refused to send.
 */
import type { ContractOperation, ContractSpec } from "./document.js";
import type { CallInput } from "./inputs.js";

export type Credential = string | { readonly username: string; readonly password: string };

/** Dummy credentials for every security scheme of a spec (basic schemes get a username/password pair). */
export function dummyCredentials(spec: ContractSpec): Record<string, Credential> {
  return Object.fromEntries(
    Object.entries(spec.securitySchemes).map(([name, scheme]) => [
      name,
      scheme["type"] === "http" && String(scheme["scheme"]).toLowerCase() === "basic"
        ? { username: `test-${name}`, password: "test-password" }
        : `test-${name}-credential`,
    ]),
  );
}

interface Wire {
  readonly headers: [string, string][];
  readonly query: [string, string][];
  readonly cookies: [string, string][];
}

/** What the first security requirement of the operation puts on the wire with the dummy credentials. */
export function authOnTheWire(spec: ContractSpec, operation: ContractOperation): Wire {
  const wire: Wire = { headers: [], query: [], cookies: [] };
  const requirement = operation.security.find((candidate) => Object.keys(candidate).length > 0);
  if (!requirement) return wire;
  const credentials = dummyCredentials(spec);
  for (const name of Object.keys(requirement)) {
    const scheme = spec.securitySchemes[name];
    const credential = credentials[name];
    if (!scheme || credential === undefined) continue;
    const type = scheme["type"];
    if (type === "http" && typeof credential === "object") {
      const token = Buffer.from(`${credential.username}:${credential.password}`).toString("base64");
      wire.headers.push(["authorization", `Basic ${token}`]);
    } else if ((type === "http" || type === "oauth2" || type === "openIdConnect") && typeof credential === "string") {
      wire.headers.push(["authorization", `Bearer ${credential}`]);
    } else if (type === "apiKey" && typeof credential === "string") {
      const where = scheme["in"] === "header" ? wire.headers : scheme["in"] === "query" ? wire.query : wire.cookies;
      where.push([String(scheme["name"]), credential]);
    }
  }
  return wire;
}

function queryPairs(operation: ContractOperation, query: Record<string, unknown>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const parameter = operation.parameters.find((p) => p.in === "query" && p.name === name);
    const explode = parameter?.explode ?? (parameter?.style ?? "form") === "form";
    if (Array.isArray(value)) {
      if (explode) for (const item of value) pairs.push([name, String(item)]);
      else pairs.push([name, value.map(String).join(",")]);
    } else if (value !== null && typeof value === "object") {
      pairs.push([name, JSON.stringify(value)]);
    } else {
      pairs.push([name, String(value)]);
    }
  }
  return pairs;
}

export async function sendRaw(
  baseUrl: string,
  spec: ContractSpec,
  operation: ContractOperation,
  input: CallInput,
  options: { readonly authenticate: boolean },
): Promise<{ status: number; body: unknown }> {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(input.path?.[name] ?? "")));
  const auth = options.authenticate ? authOnTheWire(spec, operation) : { headers: [], query: [], cookies: [] };
  const pairs = [...queryPairs(operation, input.query ?? {}), ...auth.query];
  const search = pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join("&");

  const headers = new Headers();
  for (const parameter of operation.parameters) {
    if (parameter.in === "header" && parameter.constantValue !== undefined) headers.set(parameter.name, parameter.constantValue);
  }
  for (const [name, value] of Object.entries(input.header ?? {})) if (value !== undefined) headers.set(name, String(value));
  for (const [name, value] of auth.headers) headers.set(name, value);
  const cookies = [
    ...Object.entries(input.cookie ?? {}).map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`),
    ...auth.cookies.map(([name, value]) => `${name}=${encodeURIComponent(value)}`),
  ];
  if (cookies.length > 0) headers.set("cookie", cookies.join("; "));
  let body: string | undefined;
  if (input.body !== undefined) {
    headers.set("content-type", operation.requestBody?.contentType ?? "application/json");
    body = JSON.stringify(input.body);
  }

  const response = await fetch(`${baseUrl}${path}${search ? `?${search}` : ""}`, {
    method: operation.method.toUpperCase(),
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === "" ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed };
}
