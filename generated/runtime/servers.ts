/** Server URL templates (OpenAPI `servers[].url` with `{variables}`) -> a concrete base URL. */
import { PayspecError } from "./errors.js";

const PLACEHOLDER = /\{([^{}]+)\}/g;

function quoteList(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}

/**
 * `https://{store}.29next.store/api/admin` + `{ store: "acme" }` -> `https://acme.29next.store/api/admin`.
 * A value left `undefined` takes the variable's default. Throws a PayspecError naming the variable for a value
 * whose name the server does not declare, a value outside the variable's `enum`, or a placeholder in `url` that
 * has no declared variable. Values are substituted as given (a variable may legitimately hold a path segment).
 */
export function resolveServerUrl(
  url: string,
  variables: Readonly<Record<string, { readonly default: string; readonly enum?: readonly string[] }>>,
  values?: Readonly<Record<string, string | undefined>>,
): string {
  const declared = Object.keys(variables);
  for (const [name, value] of Object.entries(values ?? {})) {
    if (!Object.hasOwn(variables, name)) {
      throw new PayspecError(
        `Unknown server variable "${name}" for ${url}: ${
          declared.length > 0 ? `declared variables are ${quoteList(declared)}` : "it declares no variables"
        }.`,
      );
    }
    const allowed = variables[name]?.enum;
    if (value !== undefined && allowed !== undefined && !allowed.includes(value)) {
      throw new PayspecError(
        `Server variable "${name}" for ${url} must be one of ${quoteList(allowed)}, got ${JSON.stringify(value)}.`,
      );
    }
  }
  return url.replace(PLACEHOLDER, (placeholder, name: string) => {
    const variable = Object.hasOwn(variables, name) ? variables[name] : undefined;
    if (variable === undefined) {
      throw new PayspecError(
        `Server URL ${url} uses ${placeholder} but declares no variable "${name}"; add it under servers[].variables.`,
      );
    }
    return values?.[name] ?? variable.default;
  });
}
