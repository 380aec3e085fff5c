/**
 * How a security scheme is named to users: the one wording of a credential that client.ts (the options' doc
 * comments) and README.md (the options table and the Authentication section) both show, and its TypeScript type.
 */
import type { ApiModel, SecurityScheme } from "../model.js";

/** The schemes a user can give a credential for (mutualTLS needs none), in the model's order. */
export function credentialSchemes(model: ApiModel): Array<[name: string, scheme: SecurityScheme]> {
  return Object.entries(model.securitySchemes).filter(([, scheme]) => scheme.type !== "mutualTLS");
}

/** The TypeScript type of a scheme's credential. */
export function credentialType(scheme: SecurityScheme): string {
  return isBasic(scheme) ? "{ readonly username: string; readonly password: string }" : "string";
}

/**
 * What to pass and how it is sent, then the spec's own description (its first paragraph, on one line):
 * "HTTP bearer token (string), sent as `Authorization: Bearer <token>`. Generate an Access Token ...".
 */
export function schemeWording(scheme: SecurityScheme): string {
  const what =
    scheme.type === "http"
      ? isBasic(scheme)
        ? "HTTP basic: `{ username, password }`."
        : `HTTP ${scheme.scheme} token (string), sent as \`Authorization: ${capitalize(scheme.scheme)} <token>\`.`
      : scheme.type === "apiKey"
        ? `API key (string), sent in the ${scheme.in} \`${scheme.name}\`.`
        : `${scheme.type} access token (string), sent as a bearer token.`;
  const description = scheme.description === undefined ? "" : oneParagraph(scheme.description);
  return description === "" ? what : `${what} ${description}`;
}

function isBasic(scheme: SecurityScheme): boolean {
  return scheme.type === "http" && scheme.scheme.toLowerCase() === "basic";
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}

function oneParagraph(text: string): string {
  return (text.trim().split(/\n\s*\n/)[0] ?? "").replace(/\s+/g, " ").trim();
}
