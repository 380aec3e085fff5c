/**
 * Ajv error objects -> ValidationIssues a person can act on: a JS-style path to the offending value
 * (`body.lines[2].quantity`), what was expected and what was found.
 *
 * This file is embedded (its `export`s dropped) into every generated `validators.ts`, so it imports nothing: the
 * shapes below are the structural twins of the runtime's `ValidationIssue` and of Ajv's `ErrorObject`.
 */

export interface Issue {
  readonly path: string;
  readonly message: string;
  readonly keyword: string;
  readonly expected?: string;
  readonly found?: string;
}

/** The part of Ajv's `ErrorObject` this module reads. The offending value is looked up from `instancePath`. */
export interface AjvErrorLike {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

const MAX_FOUND = 60;

function isIdentifierName(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** Appends one step to a JS-style path: `.name`, `["x-foo"]` or `[2]` (an index only when the value is an array). */
export function appendPath(path: string, segment: string, container: unknown): string {
  if (Array.isArray(container) && /^(0|[1-9][0-9]*)$/.test(segment)) return `${path}[${segment}]`;
  if (isIdentifierName(segment)) return path === "" ? segment : `${path}.${segment}`;
  return `${path}[${JSON.stringify(segment)}]`;
}

/** JSON pointer `/lines/2/quantity` inside `root` -> `lines[2].quantity`, and the value found there. */
export function locate(pointer: string, root: unknown): { readonly path: string; readonly value: unknown } {
  let path = "";
  let node: unknown = root;
  if (pointer === "") return { path, value: node };
  for (const raw of pointer.split("/").slice(1)) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    path = appendPath(path, segment, node);
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return { path, value: node };
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** A short rendering of a value: `"1.234"`, `12.5`, `null`, `object {id, amount, ...}`, `array of 3`. */
export function renderValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return `array of ${value.length}`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    const shown = keys.slice(0, 4).join(", ");
    return `object {${shown}${keys.length > 4 ? ", ..." : ""}}`;
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_FOUND ? `${text.slice(0, MAX_FOUND - 4)}...${text.slice(-1)}` : text;
}

/** `number 12.5`, `string "abc"`, `null`: the type and the value, for type errors. */
function renderTyped(value: unknown): string {
  if (value === null || value === undefined || Array.isArray(value) || typeof value === "object") return renderValue(value);
  return `${typeName(value)} ${renderValue(value)}`;
}

function list(values: unknown): string {
  return Array.isArray(values) ? values.map((value) => JSON.stringify(value)).join(", ") : String(values);
}

interface Described {
  readonly expected?: string | undefined;
  readonly found?: string;
  readonly message: string;
  /** Property to append to the path (required, additionalProperties...): the issue then points at it. */
  readonly property?: string;
}

/** What an error of one keyword says, from its params, the value it was found at and that value rendered. */
type Wording = (params: Readonly<Record<string, unknown>>, data: unknown, shown: string) => Described;

/** `<wording>, found <shown>`: most messages. */
function found(expected: string | undefined, wording: string, shown: string): Described {
  return { expected, found: shown, message: `${wording}, found ${shown}` };
}

/** `must be <expected>, found <shown>`. */
function mustBe(expected: string, shown: string): Described {
  return found(expected, `must be ${expected}`, shown);
}

/** `must have <expected>, found <shown>`. */
function mustHave(expected: string, shown: string): Described {
  return found(expected, `must have ${expected}`, shown);
}

function required(params: Readonly<Record<string, unknown>>, because: string): Described {
  const name = String(params.missingProperty);
  return { expected: `required property ${name}`, found: "nothing", property: name, message: `is required${because} but missing` };
}

function notAllowed(params: Readonly<Record<string, unknown>>, data: unknown): Described {
  const name = String(params.additionalProperty ?? params.unevaluatedProperty);
  const expected = "no property not in the schema";
  const wording = "is not a known property and is not allowed here";
  return {
    property: name,
    ...(data !== null && typeof data === "object" ? found(expected, wording, renderValue((data as Record<string, unknown>)[name])) : { expected, message: wording }),
  };
}

/** `"abc" (3)`: a string and its length in characters. */
function withLength(data: unknown, shown: string): string {
  return typeof data === "string" ? `${shown} (${[...data].length})` : shown;
}

function bound(params: Readonly<Record<string, unknown>>): string {
  return `${String(params.comparison)} ${String(params.limit)}`;
}

/**
 * What each keyword's errors say (`items`, `additionalItems`, `unevaluatedItems`: items past `prefixItems` or past a
 * tuple, where the schema allows none). A keyword without an entry says its name (`fails x, found ...`): the compiled
 * validators carry no Ajv messages. generator/emit/validators.ts embeds only the entries of the keywords a module's
 * compiled validators report, and the helpers those entries use.
 */
const WORDING: { readonly [keyword: string]: Wording } = {
  type: (p, data) => mustBe(Array.isArray(p.type) ? p.type.join(" or ") : String(p.type), renderTyped(data)),
  required: (p) => required(p, ""),
  dependentRequired: (p) => required(p, ` (needed when ${String(p.property)} is present)`),
  additionalProperties: (p, data) => notAllowed(p, data),
  unevaluatedProperties: (p, data) => notAllowed(p, data),
  pattern: (p, _data, shown) => found(`pattern ${String(p.pattern)}`, `must match pattern ${String(p.pattern)}`, shown),
  format: (p, _data, shown) => found(`format ${String(p.format)}`, `must be a valid ${String(p.format)}`, shown),
  enum: (p, _data, shown) => mustBe(`one of ${list(p.allowedValues)}`, shown),
  const: (p, _data, shown) => mustBe(JSON.stringify(p.allowedValue), shown),
  minimum: (p, _data, shown) => mustBe(bound(p), shown),
  maximum: (p, _data, shown) => mustBe(bound(p), shown),
  exclusiveMinimum: (p, _data, shown) => mustBe(bound(p), shown),
  exclusiveMaximum: (p, _data, shown) => mustBe(bound(p), shown),
  multipleOf: (p, _data, shown) => found(`multiple of ${String(p.multipleOf)}`, `must be a multiple of ${String(p.multipleOf)}`, shown),
  minLength: (p, data, shown) => mustHave(`at least ${String(p.limit)} characters`, withLength(data, shown)),
  maxLength: (p, data, shown) => mustHave(`at most ${String(p.limit)} characters`, withLength(data, shown)),
  minItems: (p, _data, shown) => mustHave(`at least ${String(p.limit)} items`, shown),
  maxItems: (p, _data, shown) => mustHave(`at most ${String(p.limit)} items`, shown),
  items: (p, _data, shown) => mustHave(`at most ${String(p.limit)} items`, shown),
  additionalItems: (p, _data, shown) => mustHave(`at most ${String(p.limit)} items`, shown),
  unevaluatedItems: (p, _data, shown) => mustHave(`at most ${String(p.limit)} items`, shown),
  contains: (p, _data, shown) =>
    mustHave(`at least ${String(p.minContains)}${p.maxContains === undefined ? "" : ` and at most ${String(p.maxContains)}`} items matching \`contains\``, shown),
  propertyNames: (p) => {
    const name = JSON.stringify(String(p.propertyName));
    return { expected: "property names allowed by propertyNames", found: name, message: `has a property name that is not allowed: ${name}` };
  },
  minProperties: (p, _data, shown) => mustHave(`at least ${String(p.limit)} properties`, shown),
  maxProperties: (p, _data, shown) => mustHave(`at most ${String(p.limit)} properties`, shown),
  uniqueItems: (p) => {
    const items = `items ${String(p.j)} and ${String(p.i)}`;
    return { expected: "unique items", found: `${items} equal`, message: `must not have duplicate items (${items} are equal)` };
  },
  oneOf: (p, _data, shown) => {
    const passing = p.passingSchemas;
    const matched = Array.isArray(passing) ? `matches schemas ${passing.join(" and ")}` : `matches none, found ${shown}`;
    return { expected: "exactly one schema of oneOf", found: matched, message: `must match exactly one schema of oneOf, ${matched}` };
  },
  anyOf: (_p, _data, shown) => found("a schema of anyOf", "must match at least one schema of anyOf", shown),
  not: (_p, _data, shown) => found("not the schema of not", "must not match the schema in not", shown),
  "false schema": (_p, _data, shown) => found("nothing (false schema)", "is not allowed here", shown),
};

function describe(error: AjvErrorLike, data: unknown): Described {
  const wording = Object.hasOwn(WORDING, error.keyword) ? WORDING[error.keyword] : undefined;
  const shown = renderValue(data);
  return wording === undefined ? found(undefined, `fails ${error.keyword}`, shown) : wording(error.params, data, shown);
}

/** Every Ajv error as an Issue, in Ajv's order, duplicates (same path and message) dropped. */
export function issuesFromAjv(errors: readonly AjvErrorLike[] | null | undefined, root: unknown): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const error of errors ?? []) {
    // `if` fails alongside the `then`/`else` errors that say what is wrong: it adds nothing a person can act on.
    if (error.keyword === "if") continue;
    const at = locate(error.instancePath, root);
    const described = describe(error, at.value);
    const path = described.property === undefined ? at.path : appendPath(at.path, described.property, {});
    const key = `${path}\u0000${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({
      path,
      message: described.message,
      keyword: error.keyword,
      ...(described.expected !== undefined ? { expected: described.expected } : {}),
      ...(described.found !== undefined ? { found: described.found } : {}),
    });
  }
  return issues;
}

/** `body.amount must match pattern ..., found "1.234"; lines[0] is required but missing` (root issues unprefixed). */
export function summariseIssues(issues: readonly Issue[]): string {
  return issues.map((issue) => (issue.path === "" ? issue.message : `${issue.path} ${issue.message}`)).join("; ");
}
