/**
 * Ajv errors -> ValidationIssues: generator/validators/issues.ts, embedded by payspec, and `run`, which every
 * validator of ../validators.ts and ../response-validators.ts goes through. Do not edit: run `npm run generate`.
 */
import type { ValidationResult } from "../runtime/index.js";
import type { CompiledValidator } from "./compiled.js";
interface Issue {
  readonly path: string;
  readonly message: string;
  readonly keyword: string;
  readonly expected?: string;
  readonly found?: string;
}

/** The part of Ajv's `ErrorObject` this module reads. The offending value is looked up from `instancePath`. */
interface AjvErrorLike {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

const MAX_FOUND = 60;

function isIdentifierName(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** Appends one step to a JS-style path: `.name`, `["x-foo"]` or `[2]` (an index only when the value is an array). */
function appendPath(path: string, segment: string, container: unknown): string {
  if (Array.isArray(container) && /^(0|[1-9][0-9]*)$/.test(segment)) return `${path}[${segment}]`;
  if (isIdentifierName(segment)) return path === "" ? segment : `${path}.${segment}`;
  return `${path}[${JSON.stringify(segment)}]`;
}

/** JSON pointer `/lines/2/quantity` inside `root` -> `lines[2].quantity`, and the value found there. */
function locate(pointer: string, root: unknown): { readonly path: string; readonly value: unknown } {
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
function renderValue(value: unknown): string {
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
  readonly expected?: string;
  readonly found?: string;
  readonly message: string;
  /** Property to append to the path (required, additionalProperties...): the issue then points at it. */
  readonly property?: string;
}

function describe(error: AjvErrorLike, data: unknown): Described {
  const p = error.params;
  switch (error.keyword) {
    case "type": {
      const expected = Array.isArray(p.type) ? p.type.join(" or ") : String(p.type);
      return { expected, found: renderTyped(data), message: `must be ${expected}, found ${renderTyped(data)}` };
    }
    case "required":
    case "dependentRequired": {
      const name = String(p.missingProperty);
      const expected = `required property ${name}`;
      const because = error.keyword === "dependentRequired" ? ` (needed when ${String(p.property)} is present)` : "";
      return { expected, found: "nothing", property: name, message: `is required${because} but missing` };
    }
    case "additionalProperties":
    case "unevaluatedProperties": {
      const name = String(p.additionalProperty ?? p.unevaluatedProperty);
      const found = data !== null && typeof data === "object" ? renderValue((data as Record<string, unknown>)[name]) : undefined;
      return {
        expected: "no property not in the schema",
        ...(found !== undefined ? { found } : {}),
        property: name,
        message: `is not a known property and is not allowed here${found !== undefined ? `, found ${found}` : ""}`,
      };
    }
    case "pattern":
      return { expected: `pattern ${String(p.pattern)}`, found: renderValue(data), message: `must match pattern ${String(p.pattern)}, found ${renderValue(data)}` };
    case "format":
      return { expected: `format ${String(p.format)}`, found: renderValue(data), message: `must be a valid ${String(p.format)}, found ${renderValue(data)}` };
    case "enum":
      return { expected: `one of ${list(p.allowedValues)}`, found: renderValue(data), message: `must be one of ${list(p.allowedValues)}, found ${renderValue(data)}` };
    case "const":
      return { expected: JSON.stringify(p.allowedValue), found: renderValue(data), message: `must be ${JSON.stringify(p.allowedValue)}, found ${renderValue(data)}` };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum": {
      const expected = `${String(p.comparison)} ${String(p.limit)}`;
      return { expected, found: renderValue(data), message: `must be ${expected}, found ${renderValue(data)}` };
    }
    case "multipleOf":
      return { expected: `multiple of ${String(p.multipleOf)}`, found: renderValue(data), message: `must be a multiple of ${String(p.multipleOf)}, found ${renderValue(data)}` };
    case "minLength":
    case "maxLength": {
      const expected = `${error.keyword === "minLength" ? "at least" : "at most"} ${String(p.limit)} characters`;
      const length = typeof data === "string" ? [...data].length : undefined;
      const found = `${renderValue(data)}${length !== undefined ? ` (${length})` : ""}`;
      return { expected, found, message: `must have ${expected}, found ${found}` };
    }
    case "minItems":
    case "maxItems": {
      const expected = `${error.keyword === "minItems" ? "at least" : "at most"} ${String(p.limit)} items`;
      return { expected, found: renderValue(data), message: `must have ${expected}, found ${renderValue(data)}` };
    }
    // Items past `prefixItems` (or past a tuple) where the schema allows none.
    case "items":
    case "additionalItems":
    case "unevaluatedItems": {
      const expected = `at most ${String(p.limit)} items`;
      return { expected, found: renderValue(data), message: `must have ${expected}, found ${renderValue(data)}` };
    }
    case "contains": {
      const max = p.maxContains === undefined ? "" : ` and at most ${String(p.maxContains)}`;
      const expected = `at least ${String(p.minContains)}${max} items matching \`contains\``;
      return { expected, found: renderValue(data), message: `must have ${expected}, found ${renderValue(data)}` };
    }
    case "propertyNames": {
      const found = JSON.stringify(String(p.propertyName));
      return { expected: "property names allowed by propertyNames", found, message: `has a property name that is not allowed: ${found}` };
    }
    case "minProperties":
    case "maxProperties": {
      const expected = `${error.keyword === "minProperties" ? "at least" : "at most"} ${String(p.limit)} properties`;
      return { expected, found: renderValue(data), message: `must have ${expected}, found ${renderValue(data)}` };
    }
    case "uniqueItems":
      return { expected: "unique items", found: `items ${String(p.j)} and ${String(p.i)} equal`, message: `must not have duplicate items (items ${String(p.j)} and ${String(p.i)} are equal)` };
    case "oneOf": {
      const passing = p.passingSchemas;
      const found = Array.isArray(passing) ? `matches schemas ${passing.join(" and ")}` : `matches none, found ${renderValue(data)}`;
      return { expected: "exactly one schema of oneOf", found, message: `must match exactly one schema of oneOf, ${found}` };
    }
    case "anyOf":
      return { expected: "a schema of anyOf", found: renderValue(data), message: `must match at least one schema of anyOf, found ${renderValue(data)}` };
    case "not":
      return { expected: "not the schema of not", found: renderValue(data), message: `must not match the schema in not, found ${renderValue(data)}` };
    case "false schema":
      return { expected: "nothing (false schema)", found: renderValue(data), message: `is not allowed here, found ${renderValue(data)}` };
    default:
      // The compiled validators carry no Ajv messages (they are not shown): a keyword not named above says its name.
      return { found: renderValue(data), message: `fails ${error.keyword}, found ${renderValue(data)}` };
  }
}

/** Every Ajv error as an Issue, in Ajv's order, duplicates (same path and message) dropped. */
function issuesFromAjv(errors: readonly AjvErrorLike[] | null | undefined, root: unknown): Issue[] {
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
function summariseIssues(issues: readonly Issue[]): string {
  return issues.map((issue) => (issue.path === "" ? issue.message : `${issue.path} ${issue.message}`)).join("; ");
}

/** Runs one compiled check: the value typed when valid, else every violation as a ValidationIssue. */
export function run<T = unknown>(check: CompiledValidator, value: unknown): ValidationResult<T> {
  return check(value) ? { ok: true, value: value as T } : { ok: false, errors: issuesFromAjv(check.errors, value) };
}

export { summariseIssues };
