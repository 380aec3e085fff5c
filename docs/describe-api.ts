/**
 * What the landing page says about one API, read from the generator's model (`loadSpec`): versions, servers, auth,
 * operations and their payment actions. Pure and generic: an API's quirks come from its spec, never from its name.
 */
import type { ApiModel, Operation, SecurityScheme } from "../generator/model.js";
import { paymentActionsOf, type PaymentAction } from "./payment-actions.js";
import { redocOperationAnchor, redocUntaggedAnchor } from "./redoc-anchor.js";

export interface ApiVersion {
  readonly value: string;
  /** Where it comes from: `info.version`, and/or the header that carries it (`header X-Api-Version`). */
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
  /** A human line: `HTTP Bearer (JWT)`, `API key in header X-Auth-Token`, `OAuth 2.0`. */
  readonly kind: string;
  readonly description: string;
  /** Scopes (or roles) that operations require with this scheme, sorted. */
  readonly scopes: readonly string[];
}

export interface OperationSummary {
  readonly operationId: string;
  /** The generated client's method: `client.<methodName>(input)`. */
  readonly methodName: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly deprecated: boolean;
  /** Link into the API's Redoc page, e.g. `shop.html#/orders/orderscollectpayment`. */
  readonly href: string;
  readonly actions: readonly PaymentAction[];
  /** Version headers this operation pins, e.g. `X-Api-Version: 2024-04-01`. */
  readonly versionHeaders: readonly { readonly name: string; readonly value: string }[];
}

export interface ApiSummary {
  readonly name: string;
  /** The Redoc page of this API, relative to the site root: `<name>.html`. */
  readonly page: string;
  readonly title: string;
  /** `info.title` up to its first colon: a column header of the payment-action table. */
  readonly shortTitle: string;
  readonly description: string;
  readonly openapi: string;
  readonly clientName: string;
  readonly versions: readonly ApiVersion[];
  readonly servers: readonly ServerSummary[];
  readonly auth: readonly AuthSummary[];
  readonly operations: readonly OperationSummary[];
}

export function describeApi(model: ApiModel): ApiSummary {
  const page = `${model.name}.html`;
  const operations = model.operations.map((operation) => describeOperation(model, operation, page));
  return {
    name: model.name,
    page,
    title: model.title,
    shortTitle: model.title.split(":")[0]?.trim() || model.title,
    description: model.description ?? "",
    openapi: model.openapiVersion,
    clientName: model.clientName,
    versions: versionsOf(model.version, operations),
    servers: model.servers.map((server) => ({
      url: server.url,
      description: server.description ?? "",
      variables: Object.entries(server.variables).map(([name, variable]) => ({
        name,
        default: variable.default,
        enum: variable.enum ?? [],
        description: variable.description ?? "",
      })),
    })),
    auth: Object.entries(model.securitySchemes).map(([name, scheme]) => ({
      name,
      kind: schemeKind(scheme),
      description: scheme.description ?? "",
      scopes: [...new Set(model.operations.flatMap((operation) => operation.security.flatMap((requirement) => requirement[name] ?? [])))].sort(),
    })),
    operations,
  };
}

function describeOperation(model: ApiModel, operation: Operation, page: string): OperationSummary {
  const tag = operation.tags[0] ?? "";
  return {
    operationId: operation.operationId,
    methodName: operation.methodName,
    method: operation.method.toUpperCase(),
    path: operation.path,
    summary: operation.summary ?? operation.operationId,
    tag,
    deprecated: operation.deprecated,
    href: `${page}${tag ? redocOperationAnchor(tag, operation.operationId) : redocUntaggedAnchor(operation.operationId)}`,
    actions: paymentActionsOf(model, operation),
    // Header parameters named like an API version whose schema allows a single value: the version it pins.
    versionHeaders: operation.parameters
      .filter((parameter) => parameter.in === "header" && parameter.constantValue !== undefined && /version/i.test(parameter.name))
      .map((parameter) => ({ name: parameter.name, value: parameter.constantValue ?? "" })),
  };
}

/** `info.version`, then each version a header pins, once each; a value in both says so. */
function versionsOf(infoVersion: string, operations: readonly OperationSummary[]): ApiVersion[] {
  const versions: ApiVersion[] = infoVersion ? [{ value: infoVersion, source: "info.version" }] : [];
  for (const { name, value } of operations.flatMap((operation) => operation.versionHeaders)) {
    const source = `header ${name}`;
    const index = versions.findIndex((known) => known.value === value);
    const known = versions[index];
    if (!known) versions.push({ value, source });
    else if (!known.source.split(" · ").includes(source)) versions[index] = { value, source: `${known.source} · ${source}` };
  }
  return versions;
}

function schemeKind(scheme: SecurityScheme): string {
  switch (scheme.type) {
    case "http": {
      const name = scheme.scheme.toLowerCase();
      const label = name === "bearer" ? "HTTP Bearer" : name === "basic" ? "HTTP Basic" : `HTTP ${scheme.scheme}`;
      return scheme.bearerFormat ? `${label} (${scheme.bearerFormat})` : label;
    }
    case "apiKey":
      return `API key in ${scheme.in} ${scheme.name}`;
    case "oauth2":
      return "OAuth 2.0";
    case "openIdConnect":
      return `OpenID Connect (${scheme.openIdConnectUrl})`;
    case "mutualTLS":
      return "Mutual TLS";
  }
}
