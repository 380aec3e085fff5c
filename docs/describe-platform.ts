/**
 * What the landing page says about one spec, read from its bundled document: versions, servers,
 * auth and operations. Pure and generic: a platform's quirks come from its spec, never from its name.
 */
import { isPaymentAction, PAYMENT_ACTION_IDS, type PaymentAction } from "./payment-actions.js";
import { redocOperationAnchor } from "./redoc-anchor.js";
import type { LoadedSpec } from "./load-specs.js";

export interface ApiVersion {
  readonly value: string;
  /** Where it comes from: `info.version`, and/or the header that carries it (`header X-29next-API-Version`). */
  readonly source: string;
}

export interface ServerVariableSummary {
  readonly name: string;
  readonly default: string;
  readonly enum: readonly string[];
  readonly description: string;
}

export interface ServerSummary {
  readonly url: string;
  readonly description: string;
  readonly variables: readonly ServerVariableSummary[];
}

export interface AuthSummary {
  readonly name: string;
  /** A human line: `HTTP bearer (JWT)`, `API key in header X-Auth-Token`, `OAuth 2.0 (clientCredentials)`. */
  readonly kind: string;
  readonly description: string;
  /** Scopes (or roles) that operations require with this scheme, sorted. */
  readonly scopes: readonly string[];
}

export interface OperationSummary {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** Link into the platform's Redoc page, e.g. `nextcommerce.html#/orders/orderscollectpaymentcreate`. */
  readonly href: string;
  readonly actions: readonly PaymentAction[];
  /** Version headers this operation pins, e.g. `X-29next-API-Version: 2024-04-01`. */
  readonly versionHeaders: readonly { readonly name: string; readonly value: string }[];
}

export interface PlatformSummary {
  readonly name: string;
  /** The Redoc page of this spec, relative to the site root: `<name>.html`. */
  readonly page: string;
  readonly title: string;
  /** `info.title` up to its first colon: the column header of the payment-action table. */
  readonly shortTitle: string;
  readonly description: string;
  readonly openapi: string;
  readonly versions: readonly ApiVersion[];
  readonly servers: readonly ServerSummary[];
  readonly auth: readonly AuthSummary[];
  readonly operations: readonly OperationSummary[];
}

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** Follows a local `$ref` (`#/components/parameters/X`) in the bundled document; bundling leaves only local ones. */
function deref(document: Json, value: unknown, where: string): unknown {
  let current = value;
  for (let hops = 0; isObject(current) && typeof current["$ref"] === "string"; hops++) {
    const ref = current["$ref"];
    if (!ref.startsWith("#/") || hops > 20) {
      throw new Error(`${where}: cannot follow $ref "${ref}" (only local refs remain after bundling).`);
    }
    let target: unknown = document;
    for (const raw of ref.slice(2).split("/")) {
      const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
      target = isObject(target) || Array.isArray(target) ? (target as Json)[key] : undefined;
    }
    if (target === undefined) throw new Error(`${where}: $ref "${ref}" points at nothing.`);
    current = target;
  }
  return current;
}

/** The one value a schema allows (`const`, or an `enum` of one), or undefined. */
function singleAllowedValue(schema: unknown): string | undefined {
  if (!isObject(schema)) return undefined;
  if (typeof schema["const"] === "string") return schema["const"];
  const values = schema["enum"];
  if (Array.isArray(values) && values.length === 1 && typeof values[0] === "string") return values[0];
  return undefined;
}

function describeServers(document: Json): ServerSummary[] {
  const servers = Array.isArray(document["servers"]) ? document["servers"] : [];
  return servers.filter(isObject).map((server) => {
    const variables = isObject(server["variables"]) ? server["variables"] : {};
    return {
      url: text(server["url"]),
      description: text(server["description"]),
      variables: Object.entries(variables)
        .filter((entry): entry is [string, Json] => isObject(entry[1]))
        .map(([name, variable]) => ({
          name,
          default: String(variable["default"] ?? ""),
          enum: Array.isArray(variable["enum"]) ? variable["enum"].map(String) : [],
          description: text(variable["description"]),
        })),
    };
  });
}

function describeSchemeKind(scheme: Json): string {
  switch (scheme["type"]) {
    case "http": {
      const name = text(scheme["scheme"]).toLowerCase();
      const label = name === "bearer" ? "HTTP Bearer" : name === "basic" ? "HTTP Basic" : `HTTP ${name}`;
      const format = text(scheme["bearerFormat"]);
      return format ? `${label} (${format})` : label;
    }
    case "apiKey":
      return `API key in ${text(scheme["in"])} ${text(scheme["name"])}`;
    case "oauth2": {
      const flows = isObject(scheme["flows"]) ? Object.keys(scheme["flows"]) : [];
      return flows.length > 0 ? `OAuth 2.0 (${flows.join(", ")})` : "OAuth 2.0";
    }
    case "openIdConnect":
      return `OpenID Connect (${text(scheme["openIdConnectUrl"])})`;
    case "mutualTLS":
      return "Mutual TLS";
    default:
      return String(scheme["type"] ?? "unknown");
  }
}

function readActions(value: unknown, where: string): PaymentAction[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new Error(`${where}: x-payment-actions must be a list, e.g. [capture].`);
  }
  return value.map((action) => {
    if (!isPaymentAction(action)) {
      throw new Error(
        `${where}: x-payment-actions has ${JSON.stringify(action)}, which is not in the vocabulary ` +
          `(${PAYMENT_ACTION_IDS.join(", ")}). Use one of those, or add the action to docs/payment-actions.ts.`,
      );
    }
    return action;
  });
}

function ownParameters(operation: Json): unknown[] {
  return Array.isArray(operation["parameters"]) ? operation["parameters"] : [];
}

/**
 * Header parameters named like an API version (/version/i) whose schema allows a single value: the API
 * version an operation pins. Parameters are path-level first, then the operation's, which override
 * a path-level one of the same name (OpenAPI's rule).
 */
function versionHeadersOf(document: Json, parameters: readonly unknown[], where: string): { name: string; value: string }[] {
  const byName = new Map<string, { name: string; value: string }>();
  for (const rawParameter of parameters) {
    const parameter = deref(document, rawParameter, where);
    if (!isObject(parameter) || parameter["in"] !== "header") continue;
    const headerName = text(parameter["name"]);
    const key = headerName.toLowerCase();
    const value = singleAllowedValue(deref(document, parameter["schema"], where));
    if (/version/i.test(headerName) && value !== undefined) byName.set(key, { name: headerName, value });
    else byName.delete(key);
  }
  return [...byName.values()];
}

export function describePlatform(spec: LoadedSpec): PlatformSummary {
  const { document, name } = spec;
  const info = isObject(document["info"]) ? document["info"] : {};
  const title = text(info["title"]) || name;
  const page = `${name}.html`;
  const components = isObject(document["components"]) ? document["components"] : {};
  const schemes = isObject(components["securitySchemes"]) ? components["securitySchemes"] : {};
  const rootSecurity = document["security"];
  const scopesByScheme = new Map<string, Set<string>>(Object.keys(schemes).map((scheme) => [scheme, new Set()]));
  const headerVersions: ApiVersion[] = [];
  const operations: OperationSummary[] = [];

  const paths = isObject(document["paths"]) ? document["paths"] : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(document, rawItem, `${spec.file}#/paths/${path}`);
    if (!isObject(item)) continue;
    const sharedParameters = Array.isArray(item["parameters"]) ? item["parameters"] : [];
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const operationId = text(operation["operationId"]) || `${method}${path}`;
      const where = `${spec.file}: operation ${operationId} (${method.toUpperCase()} ${path})`;

      const versionHeaders = versionHeadersOf(document, [...sharedParameters, ...ownParameters(operation)], where);
      for (const { name: headerName, value } of versionHeaders) {
        if (!headerVersions.some((version) => version.value === value && version.source === `header ${headerName}`)) {
          headerVersions.push({ value, source: `header ${headerName}` });
        }
      }

      const security = operation["security"] ?? rootSecurity;
      if (Array.isArray(security)) {
        for (const requirement of security.filter(isObject)) {
          for (const [scheme, scopes] of Object.entries(requirement)) {
            const used = scopesByScheme.get(scheme);
            if (used && Array.isArray(scopes)) for (const scope of scopes) used.add(String(scope));
          }
        }
      }

      const tags = Array.isArray(operation["tags"]) ? operation["tags"].map(String) : [];
      const tag = tags[0] ?? "";
      operations.push({
        operationId,
        method: method.toUpperCase(),
        path,
        summary: text(operation["summary"]) || operationId,
        tag,
        // An untagged operation has no stable Redoc route: link to the page itself.
        href: tag ? `${page}${redocOperationAnchor(tag, operationId)}` : page,
        actions: readActions(operation["x-payment-actions"], where),
        versionHeaders,
      });
    }
  }

  const infoVersion = text(info["version"]);
  const versions: ApiVersion[] = infoVersion ? [{ value: infoVersion, source: "info.version" }] : [];
  for (const version of headerVersions) {
    const same = versions.find((known) => known.value === version.value);
    if (same) versions[versions.indexOf(same)] = { value: same.value, source: `${same.source} · ${version.source}` };
    else versions.push(version);
  }

  return {
    name,
    page,
    title,
    shortTitle: title.split(":")[0]?.trim() || title,
    description: text(info["description"]),
    openapi: text(document["openapi"]),
    versions,
    servers: describeServers(document),
    auth: Object.entries(schemes)
      .filter((entry): entry is [string, Json] => isObject(entry[1]))
      .map(([schemeName, scheme]) => ({
        name: schemeName,
        kind: describeSchemeKind(scheme),
        description: text(scheme["description"]),
        scopes: [...(scopesByScheme.get(schemeName) ?? [])].sort(),
      })),
    operations,
  };
}
