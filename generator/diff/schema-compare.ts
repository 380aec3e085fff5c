/**
 * `compareSchemas`: the changes between two JSON Schemas (OpenAPI 3.0 or 3.1), each in its own bundled document,
 * judged for the direction the values travel: a request schema may widen but not narrow, a response schema the
 * other way round. `$ref`s are followed on both sides, so a schema moved or renamed with the same shape is no change;
 * pointers name where each thing is written, and members where it lands in the client's types.
 */
import { childPointer } from "../json-pointer.js";
import { CHECKS, type CheckId, type Level } from "./checks.js";
import { wireChange, type Member, type OperationRef, type WireChange } from "./change.js";
import { cap, deepEqual, follow, isObj } from "./spec-nodes.js";

export type Direction = "request" | "response";

type Obj = Readonly<Record<string, unknown>>;

/** A schema as found in one of the two documents: the node (possibly a `$ref`) and where it is written. */
export interface SchemaAt {
  readonly document: unknown;
  readonly schema: unknown;
  readonly pointer: string;
}

/** What the value at the root of a comparison is, for messages: `the request body`, `the query parameter \`page\``. */
export interface ValueRoot {
  readonly direction: Direction;
  /** `the request body`, `the query parameter \`page\``, `the 200 response body`. */
  readonly label: string;
  /** How a value inside the root is named: `request property \`lines[].quantity\``. */
  readonly nestedLabel: (path: string) => string;
  /** Where the root lands in the client's types, when it does (an error response's body does not). */
  readonly member?: Member;
  readonly operation?: OperationRef;
}

interface Resolved {
  readonly document: unknown;
  readonly node: Obj | boolean;
  /** Where the schema is written, after following `$ref`s. */
  readonly pointer: string;
  /** The properties of a merged allOf, each where its part writes it (see `flattenAllOf`). */
  readonly properties?: ReadonlyMap<string, PropertyAt>;
}

interface Walk {
  readonly root: ValueRoot;
  readonly emit: (change: WireChange) => void;
  /** Pairs of pointers being compared, outer to inner: a recursive schema stops where it repeats. */
  readonly stack: Set<string>;
}

export function resolveSchema(at: SchemaAt): Resolved {
  const { node, pointer } = follow(at.document, at.schema, at.pointer);
  return { document: at.document, node: typeof node === "boolean" ? node : isObj(node) ? node : {}, pointer };
}

export function compareSchemas(root: ValueRoot, before: SchemaAt, after: SchemaAt, emit: (change: WireChange) => void): void {
  compareAt({ root, emit, stack: new Set() }, resolveSchema(before), resolveSchema(after), []);
}

/** True when the two schemas accept and return the same values (documentation aside). */
export function sameShape(before: SchemaAt, after: SchemaAt): boolean {
  let same = true;
  const emit = (change: WireChange) => {
    if (change.level !== "annotation") same = false;
  };
  // Both directions: each skips what its clients never see (readOnly in requests, writeOnly in responses).
  for (const direction of ["request", "response"] as const) {
    compareAt({ root: { direction, label: "", nestedLabel: () => "" }, emit, stack: new Set() }, resolveSchema(before), resolveSchema(after), []);
  }
  return same;
}

/** `path` is the value's place under the root: property names, `[]` for items, `[string]` for a map's values. */
function compareAt(walk: Walk, before: Resolved, after: Resolved, path: readonly string[]): void {
  const key = `${before.pointer}|${after.pointer}`;
  // A recursive schema compared again at the same pair of places, inside itself, would recurse for ever; the outer
  // visit reports everything that differs there.
  if (walk.stack.has(key)) return;
  walk.stack.add(key);
  try {
    const b = flattenAllOf(before);
    const a = flattenAllOf(after);
    const ctx = new Place(walk, before, after, path);
    if (typeof b.node === "boolean" || typeof a.node === "boolean") {
      if (b.node !== a.node) compareBoolean(ctx, b.node, a.node);
      return;
    }
    compareDocumentation(ctx, b.node, a.node);
    compareTypes(ctx, b.node, a.node);
    compareEnums(ctx, b.node, a.node);
    comparePattern(ctx, b.node, a.node);
    compareFormat(ctx, b.node, a.node);
    compareBounds(ctx, b.node, a.node);
    compareConstraints(ctx, b.node, a.node);
    compareDefault(ctx, b.node, a.node);
    compareDeprecated(ctx, b.node, a.node);
    compareProperties(walk, ctx, b, a, path);
    compareAdditionalProperties(walk, ctx, b, a, path);
    compareItems(walk, b, a, path);
    compareComposition(walk, ctx, b, a, path);
    compareDiscriminator(ctx, b.node, a.node);
  } finally {
    walk.stack.delete(key);
  }
}

/** One place under comparison: builds the changes found there. */
class Place {
  constructor(
    readonly walk: Walk,
    readonly before: Resolved,
    readonly after: Resolved,
    readonly path: readonly string[],
  ) {}

  get direction(): Direction {
    return this.walk.root.direction;
  }

  /** `request property \`lines[].quantity\`` under a body, or the root's own label. */
  get label(): string {
    return this.path.length === 0 ? this.walk.root.label : this.walk.root.nestedLabel(pathText(this.path));
  }

  get member(): Member | undefined {
    const root = this.walk.root.member;
    return root ? { side: root.side, path: [...root.path, ...this.path] } : undefined;
  }

  /** `request-property-<what>` or `response-property-<what>`, which the catalogue must have. */
  id(what: string): CheckId {
    const id = `${this.direction}-property-${what}`;
    if (!(id in CHECKS)) throw new Error(`no check ${id} in the catalogue`);
    return id as CheckId;
  }

  /**
   * `keyword`: the change is at that keyword of the schema (in the new version where it is written there, else in the
   * old); `in: "old"`: the change is at the old schema itself (a property removed).
   */
  emit(check: CheckId, message: string, detail: { keyword?: string; in?: "old"; before?: unknown; after?: unknown; effect?: string; level?: Level; member?: Member | null }): void {
    const inNew = detail.in !== "old" && (detail.keyword === undefined || (typeof this.after.node === "object" && detail.keyword in this.after.node));
    const base = inNew ? this.after.pointer : this.before.pointer;
    const member = detail.member === null ? undefined : (detail.member ?? this.member);
    this.walk.emit(
      wireChange({
        check,
        ...(detail.level !== undefined ? { level: detail.level } : {}),
        ...(this.walk.root.operation ? { operation: this.walk.root.operation } : {}),
        pointer: detail.keyword !== undefined ? childPointer(base, detail.keyword) : base,
        pointerIn: inNew ? "new" : "old",
        ...("before" in detail ? { before: detail.before } : {}),
        ...("after" in detail ? { after: detail.after } : {}),
        message,
        ...(member ? { member } : {}),
        ...(detail.effect !== undefined ? { effect: detail.effect } : {}),
      }),
    );
  }
}

function compareBoolean(ctx: Place, before: Obj | boolean, after: Obj | boolean): void {
  // `true`/`{}` accept anything, `false` nothing.
  const accepts = (node: Obj | boolean) => node === true || (typeof node === "object" && Object.keys(node).length === 0);
  const narrowed = accepts(before) && !accepts(after);
  const check = ctx.direction === "request" ? (narrowed ? "request-property-type-changed" : "request-property-type-generalized") : narrowed ? "response-property-type-specialized" : "response-property-type-changed";
  ctx.emit(check, `${cap(ctx.label)} changed from ${describeSchema(before)} to ${describeSchema(after)}.`, { before, after, effect: `changed from ${describeSchema(before)} to ${describeSchema(after)}` });
}

const DOC_KEYWORDS = ["description", "title", "examples", "example"] as const;

function compareDocumentation(ctx: Place, b: Obj, a: Obj): void {
  const changed = DOC_KEYWORDS.filter((keyword) => !deepEqual(b[keyword], a[keyword]));
  const [keyword] = changed;
  if (keyword === undefined) return;
  ctx.emit("schema-documentation-changed", `The ${changed.join(", ")} of ${ctx.label} changed.`, { keyword, before: b[keyword], after: a[keyword], member: null });
}

// Types

/** The schema's types without `null`, or undefined when any type is accepted. */
function typesOf(node: Obj): Set<string> | undefined {
  const raw = node["type"];
  if (typeof raw === "string") return new Set([raw].filter((type) => type !== "null"));
  if (Array.isArray(raw)) return new Set(raw.filter((type): type is string => typeof type === "string" && type !== "null"));
  return undefined;
}

/** `typesOf`, where a schema without `type` of its own takes the types its allOf parts all allow. */
function typesWithAllOf(resolved: Resolved): Set<string> | undefined {
  if (typeof resolved.node === "boolean") return undefined;
  const own = typesOf(resolved.node);
  const parts = resolved.node["allOf"];
  if (own !== undefined || !Array.isArray(parts)) return own;
  let types: Set<string> | undefined;
  parts.forEach((part, index) => {
    const node = resolveSchema({ document: resolved.document, schema: part, pointer: childPointer(childPointer(resolved.pointer, "allOf"), index) }).node;
    const partTypes = typeof node === "object" ? typesOf(node) : undefined;
    if (partTypes === undefined) return;
    types = types === undefined ? partTypes : new Set([...types].filter((type) => partTypes.has(type) || (type === "integer" && partTypes.has("number"))));
  });
  return types;
}

/** Whether the schema accepts null, or undefined when it does not say (no type, no enum). */
function nullableOf(node: Obj): boolean | undefined {
  const raw = node["type"];
  if (node["nullable"] === true) return true;
  if (Array.isArray(raw)) return raw.includes("null");
  if (typeof raw === "string") return raw === "null";
  const values = enumOf(node);
  if (values !== undefined) return values.some((value) => value === null);
  return undefined;
}

/** Every type of `inner` is accepted by `outer` (an integer is a number). */
function typesWithin(inner: Set<string> | undefined, outer: Set<string> | undefined): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  return [...inner].every((type) => outer.has(type) || (type === "integer" && outer.has("number")));
}

function typeText(types: Set<string> | undefined): string {
  return types === undefined ? "any type" : types.size === 0 ? "null only" : [...types].sort().join(" | ");
}

function compareTypes(ctx: Place, b: Obj, a: Obj): void {
  const before = typesWithAllOf({ ...ctx.before, node: b });
  const after = typesWithAllOf({ ...ctx.after, node: a });
  const sameTypes = before === undefined ? after === undefined : after !== undefined && before.size === after.size && [...before].every((type) => after.has(type));
  if (!sameTypes) {
    const widened = typesWithin(before, after);
    const narrowed = typesWithin(after, before);
    const what = `from ${typeText(before)} to ${typeText(after)}`;
    if (ctx.direction === "request") {
      if (widened) ctx.emit("request-property-type-generalized", `The type of ${ctx.label} was widened ${what}.`, { keyword: "type", before: b["type"], after: a["type"], effect: `was widened ${what}` });
      else ctx.emit("request-property-type-changed", `The type of ${ctx.label} changed ${what}: values old clients send may be refused.`, { keyword: "type", before: b["type"], after: a["type"], effect: `changed type ${what}` });
    } else if (narrowed) {
      ctx.emit("response-property-type-specialized", `The type of ${ctx.label} was narrowed ${what}.`, { keyword: "type", before: b["type"], after: a["type"], effect: `was narrowed ${what}` });
    } else {
      ctx.emit("response-property-type-changed", `The type of ${ctx.label} changed ${what}: old clients may get values they do not expect.`, { keyword: "type", before: b["type"], after: a["type"], effect: `changed type ${what}` });
    }
  }
  const nullBefore = nullableOf(b);
  const nullAfter = nullableOf(a);
  if (nullBefore === undefined || nullAfter === undefined || nullBefore === nullAfter) return;
  const keyword = "nullable" in a || "nullable" in b ? "nullable" : "type";
  if (nullAfter) {
    if (ctx.direction === "request") ctx.emit("request-property-became-nullable", `${cap(ctx.label)} now also accepts null.`, { keyword, before: b[keyword], after: a[keyword], effect: "may now be null" });
    else ctx.emit("response-property-became-nullable", `${cap(ctx.label)} may now be null: old clients do not expect null.`, { keyword, before: b[keyword], after: a[keyword], effect: "may now be null" });
  } else if (ctx.direction === "request") {
    ctx.emit("request-property-became-not-nullable", `${cap(ctx.label)} no longer accepts null: old clients that send null are refused.`, { keyword, before: b[keyword], after: a[keyword], effect: "no longer accepts null" });
  } else {
    ctx.emit("response-property-became-not-nullable", `${cap(ctx.label)} is no longer null.`, { keyword, before: b[keyword], after: a[keyword], effect: "is no longer null" });
  }
}

// Enumerations (`const` is an enum of one value); null is nullability's business.

function enumOf(node: Obj): unknown[] | undefined {
  if ("const" in node) return [node["const"]];
  return Array.isArray(node["enum"]) ? node["enum"] : undefined;
}

function compareEnums(ctx: Place, b: Obj, a: Obj): void {
  const before = enumOf(b)?.filter((value) => value !== null);
  const after = enumOf(a)?.filter((value) => value !== null);
  const keyword = "enum" in a || ("enum" in b && !("const" in a)) ? "enum" : "const";
  const values = (list: readonly unknown[]) => list.map((value) => JSON.stringify(value)).join(", ");
  if (before === undefined && after === undefined) return;
  if (before === undefined && after !== undefined) {
    if (ctx.direction === "request") ctx.emit("request-property-became-enum", `${cap(ctx.label)} is now restricted to ${values(after)}: old clients sending any other value are refused.`, { keyword, after: a[keyword], effect: `is now restricted to ${values(after)}` });
    else ctx.emit("response-property-became-enum", `${cap(ctx.label)} is now always one of ${values(after)}.`, { keyword, after: a[keyword], effect: `is now one of ${values(after)}` });
    return;
  }
  if (before !== undefined && after === undefined) {
    const oldKeyword = "enum" in b ? "enum" : "const";
    if (ctx.direction === "request") ctx.emit("request-property-enum-removed", `${cap(ctx.label)} is no longer restricted to ${values(before)}.`, { keyword: oldKeyword, before: b[oldKeyword], effect: "is no longer restricted to a list of values" });
    else ctx.emit("response-property-enum-removed", `${cap(ctx.label)} is no longer restricted to ${values(before)}: old clients may get values they do not handle.`, { keyword: oldKeyword, before: b[oldKeyword], effect: "is no longer restricted to a list of values" });
    return;
  }
  const removed = before!.filter((value) => !after!.some((other) => deepEqual(value, other)));
  const added = after!.filter((value) => !before!.some((other) => deepEqual(value, other)));
  const detail = { keyword, before: b["enum"] ?? b["const"], after: a["enum"] ?? a["const"] };
  if (removed.length > 0) {
    if (ctx.direction === "request") ctx.emit("request-property-enum-value-removed", `${cap(ctx.label)} no longer accepts ${values(removed)}: old clients that send ${removed.length === 1 ? "it" : "them"} are refused.`, { ...detail, effect: `no longer accepts ${values(removed)}` });
    else ctx.emit("response-property-enum-value-removed", `${cap(ctx.label)} is no longer ${values(removed)}.`, { ...detail, effect: `is no longer ${values(removed)}` });
  }
  if (added.length > 0) {
    if (ctx.direction === "request") ctx.emit("request-property-enum-value-added", `${cap(ctx.label)} now also accepts ${values(added)}.`, { ...detail, effect: `now also accepts ${values(added)}` });
    else ctx.emit("response-property-enum-value-added", `${cap(ctx.label)} may now also be ${values(added)}: a switch over the old values goes stale.`, { ...detail, effect: `may now also be ${values(added)}` });
  }
}

function comparePattern(ctx: Place, b: Obj, a: Obj): void {
  const before = typeof b["pattern"] === "string" ? b["pattern"] : undefined;
  const after = typeof a["pattern"] === "string" ? a["pattern"] : undefined;
  if (before === after) return;
  const detail = { keyword: "pattern", ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
  if (ctx.direction === "request") {
    if (before === undefined) ctx.emit("request-property-pattern-added", `${cap(ctx.label)} must now match ${after}: old values that do not are refused.`, { ...detail, effect: `must now match ${after}` });
    else if (after === undefined) ctx.emit("request-property-pattern-removed", `${cap(ctx.label)} no longer has to match ${before}.`, { ...detail, effect: "no longer has a pattern" });
    else ctx.emit("request-property-pattern-changed", `The pattern of ${ctx.label} changed from ${before} to ${after}: values the old one accepted may be refused.`, { ...detail, effect: `must now match ${after}` });
  } else if (before === undefined) {
    ctx.emit("response-property-pattern-added", `${cap(ctx.label)} now always matches ${after}.`, { ...detail, effect: `now matches ${after}` });
  } else if (after === undefined) {
    ctx.emit("response-property-pattern-removed", `${cap(ctx.label)} no longer always matches ${before}: old clients that validate responses may refuse new values.`, { ...detail, effect: "no longer has a pattern" });
  } else {
    ctx.emit("response-property-pattern-changed", `The pattern of ${ctx.label} changed from ${before} to ${after}: old clients that validate responses may refuse new values.`, { ...detail, effect: `now matches ${after}` });
  }
}

function compareFormat(ctx: Place, b: Obj, a: Obj): void {
  const before = typeof b["format"] === "string" ? b["format"] : undefined;
  const after = typeof a["format"] === "string" ? a["format"] : undefined;
  if (before === after) return;
  const detail = { keyword: "format", ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
  const was = before === undefined ? "no format" : `format ${before}`;
  const now = after === undefined ? "no format" : `format ${after}`;
  if (ctx.direction === "request") {
    if (after === undefined) ctx.emit("request-property-format-removed", `${cap(ctx.label)} no longer has ${was}.`, { ...detail, effect: "no longer has a format" });
    else ctx.emit("request-property-format-changed", `${cap(ctx.label)} changed from ${was} to ${now}: values in the old form may be refused.`, { ...detail, effect: `now has ${now}` });
  } else if (before === undefined) {
    ctx.emit("response-property-format-set", `${cap(ctx.label)} now has ${now}.`, { ...detail, effect: `now has ${now}` });
  } else {
    ctx.emit("response-property-format-changed", `${cap(ctx.label)} changed from ${was} to ${now}: code that parses the old format may fail.`, { ...detail, effect: `now has ${now}` });
  }
}

const UPPER_BOUNDS = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"] as const;
const LOWER_BOUNDS = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"] as const;

function compareBounds(ctx: Place, b: Obj, a: Obj): void {
  for (const [keywords, kind] of [[UPPER_BOUNDS, "max"], [LOWER_BOUNDS, "min"]] as const) {
    for (const keyword of keywords) {
      const before = typeof b[keyword] === "number" ? (b[keyword] as number) : undefined;
      const after = typeof a[keyword] === "number" ? (a[keyword] as number) : undefined;
      if (before === after) continue;
      const action = before === undefined ? "set" : after === undefined ? "unset" : after > before ? "increased" : "decreased";
      const check = ctx.id(`${kind}-${action}`);
      const text =
        action === "set" ? `now has ${keyword} ${after}` : action === "unset" ? `no longer has ${keyword} ${before}` : `${keyword} ${action === "increased" ? "rose" : "fell"} from ${before} to ${after}`;
      ctx.emit(check, `${cap(ctx.label)}: ${text}.`, { keyword, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}), effect: text });
    }
  }
}

function compareConstraints(ctx: Place, b: Obj, a: Obj): void {
  // 3.0's boolean exclusiveMinimum/exclusiveMaximum, multipleOf and uniqueItems.
  for (const keyword of ["exclusiveMinimum", "exclusiveMaximum", "uniqueItems"] as const) {
    const before = b[keyword] === true;
    const after = a[keyword] === true;
    if (before === after || typeof b[keyword] === "number" || typeof a[keyword] === "number") continue;
    const tightened = after;
    ctx.emit(tightened ? ctx.id("constraint-added") : ctx.id("constraint-removed"), `${cap(ctx.label)}: ${keyword} is now ${String(after)}.`, { keyword, before: b[keyword], after: a[keyword], effect: `${keyword} is now ${String(after)}` });
  }
  const before = typeof b["multipleOf"] === "number" ? (b["multipleOf"] as number) : undefined;
  const after = typeof a["multipleOf"] === "number" ? (a["multipleOf"] as number) : undefined;
  if (before === after) return;
  // multipleOf 0.5 accepts every multiple of 1: the new one accepts all the old values when it divides the old one.
  const widened = after === undefined || (before !== undefined && isMultiple(before, after));
  const check = widened ? ctx.id("constraint-removed") : ctx.id("constraint-added");
  const text = after === undefined ? `no longer has multipleOf ${before}` : before === undefined ? `must now be a multiple of ${after}` : `must now be a multiple of ${after} (was ${before})`;
  ctx.emit(check, `${cap(ctx.label)} ${text}.`, { keyword: "multipleOf", ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}), effect: text });
}

function isMultiple(value: number, divisor: number): boolean {
  const quotient = value / divisor;
  return Math.abs(quotient - Math.round(quotient)) < 1e-9;
}

function compareDefault(ctx: Place, b: Obj, a: Obj): void {
  if (deepEqual(b["default"], a["default"])) return;
  const detail = { keyword: "default", ...("default" in b ? { before: b["default"] } : {}), ...("default" in a ? { after: a["default"] } : {}) };
  if (ctx.direction === "request") {
    const text = !("default" in a) ? "no longer has a default" : !("default" in b) ? `now defaults to ${JSON.stringify(a["default"])}` : `now defaults to ${JSON.stringify(a["default"])} (was ${JSON.stringify(b["default"])})`;
    ctx.emit("request-property-default-changed", `${cap(ctx.label)} ${text}: old clients that leave it out get another behaviour.`, { ...detail, effect: text });
  } else {
    // A response's default says nothing a client reads: documentation.
    ctx.emit("schema-documentation-changed", `The default of ${ctx.label} changed.`, { ...detail, member: null });
  }
}

function compareDeprecated(ctx: Place, b: Obj, a: Obj): void {
  const before = b["deprecated"] === true;
  const after = a["deprecated"] === true;
  if (before === after) return;
  ctx.emit(ctx.id(after ? "deprecated" : "reactivated"), `${cap(ctx.label)} is ${after ? "now deprecated" : "no longer deprecated"}.`, { keyword: "deprecated", before: b["deprecated"], after: a["deprecated"], effect: after ? "is now deprecated" : "is no longer deprecated" });
}

// Objects

interface PropertyAt {
  readonly schema: unknown;
  readonly pointer: string;
}

/** The properties a schema lists, with where each is written; names only `required` lists have an any-schema. */
function propertiesOf(resolved: Resolved): ReadonlyMap<string, PropertyAt> {
  const map = new Map(listedProperties(resolved));
  for (const name of requiredOf(resolved.node as Obj)) if (!map.has(name)) map.set(name, { schema: {}, pointer: childPointer(resolved.pointer, "required") });
  return map;
}

/** The schema's `properties` (or a merged allOf's), with where each is written. */
function listedProperties(resolved: Resolved): ReadonlyMap<string, PropertyAt> {
  if (resolved.properties) return resolved.properties;
  const node = resolved.node as Obj;
  const properties = isObj(node["properties"]) ? node["properties"] : {};
  return new Map(Object.entries(properties).map(([name, schema]) => [name, { schema, pointer: childPointer(childPointer(resolved.pointer, "properties"), name) }]));
}

function requiredOf(node: Obj): Set<string> {
  return new Set(Array.isArray(node["required"]) ? node["required"].filter((name): name is string => typeof name === "string") : []);
}

function isClosed(node: Obj): boolean {
  return node["additionalProperties"] === false || node["unevaluatedProperties"] === false;
}

function flag(document: unknown, at: PropertyAt, keyword: "readOnly" | "writeOnly"): boolean {
  const node = resolveSchema({ document, schema: at.schema, pointer: at.pointer }).node;
  return typeof node === "object" && node[keyword] === true;
}

function compareProperties(walk: Walk, ctx: Place, before: Resolved, after: Resolved, path: readonly string[]): void {
  const b = before.node as Obj;
  const a = after.node as Obj;
  const oldProps = propertiesOf(before);
  const newProps = propertiesOf(after);
  if (oldProps.size === 0 && newProps.size === 0) return;
  const oldRequired = requiredOf(b);
  const newRequired = requiredOf(a);
  const request = ctx.direction === "request";
  const names = [...new Set([...oldProps.keys(), ...newProps.keys()])].sort();
  for (const name of names) {
    const oldProp = oldProps.get(name);
    const newProp = newProps.get(name);
    const childPath = [...path, name];
    const child = new Place(walk, oldProp ? { ...before, pointer: oldProp.pointer } : before, newProp ? { ...after, pointer: newProp.pointer } : after, childPath);
    const label = child.label;
    if (oldProp && !newProp) {
      const readOnly = flag(before.document, oldProp, "readOnly");
      const writeOnly = flag(before.document, oldProp, "writeOnly");
      const was = resolveSchema({ document: before.document, schema: oldProp.schema, pointer: oldProp.pointer }).node;
      if (request) {
        if (readOnly) child.emit("request-read-only-property-removed", `${cap(label)} (readOnly) was removed: clients never send it, so nothing changes on the wire.`, { in: "old", before: was, effect: "was removed" });
        else if (isClosed(a)) child.emit("request-property-removed-now-refused", `${cap(label)} was removed, and the object allows no other properties: old clients that send it are refused.`, { in: "old", before: was, effect: "was removed" });
        else child.emit("request-property-removed", `${cap(label)} was removed: old clients still send it, which the API may ignore or refuse.`, { in: "old", before: was, effect: "was removed" });
      } else if (!writeOnly) {
        if (oldRequired.has(name)) child.emit("response-required-property-removed", `${cap(label)} was removed: old clients that read it get nothing.`, { in: "old", before: was, effect: "was removed" });
        else child.emit("response-optional-property-removed", `${cap(label)} (optional) was removed: old clients lose what it carried.`, { in: "old", before: was, effect: "was removed" });
      }
      continue;
    }
    if (newProp && !oldProp) {
      const readOnly = flag(after.document, newProp, "readOnly");
      const writeOnly = flag(after.document, newProp, "writeOnly");
      const now = resolveSchema({ document: after.document, schema: newProp.schema, pointer: newProp.pointer }).node;
      if (request) {
        if (newRequired.has(name) && readOnly) child.emit("new-required-request-read-only-property", `${cap(label)} was added, required but readOnly: clients never send it.`, { after: now, effect: "was added (required, readOnly)" });
        else if (newRequired.has(name)) child.emit("new-required-request-property", `${cap(label)} was added, required: old clients do not send it, so their requests are refused.`, { after: now, effect: "was added, required" });
        else child.emit("new-optional-request-property", `${cap(label)} was added, optional.`, { after: now, effect: "was added (optional)" });
      } else if (!writeOnly) {
        child.emit("response-property-added", `${cap(label)} was added${newRequired.has(name) ? "" : " (optional)"}.`, { after: now, effect: "was added" });
      }
      continue;
    }
    if (!oldProp || !newProp) continue;
    const oldReadOnly = flag(before.document, oldProp, "readOnly");
    const newReadOnly = flag(after.document, newProp, "readOnly");
    const oldWriteOnly = flag(before.document, oldProp, "writeOnly");
    const newWriteOnly = flag(after.document, newProp, "writeOnly");
    const requiredPointer = { keyword: "required" };
    const onRequired = new Place(walk, before, after, childPath);
    if (request && !(oldReadOnly || newReadOnly)) {
      if (!oldRequired.has(name) && newRequired.has(name)) onRequired.emit("request-property-became-required", `${cap(label)} is now required: old clients that leave it out are refused.`, { ...requiredPointer, before: "optional", after: "required", effect: "is now required" });
      if (oldRequired.has(name) && !newRequired.has(name)) onRequired.emit("request-property-became-optional", `${cap(label)} is now optional.`, { ...requiredPointer, before: "required", after: "optional", effect: "is now optional" });
    }
    if (!request && !(oldWriteOnly || newWriteOnly)) {
      if (oldRequired.has(name) && !newRequired.has(name)) onRequired.emit("response-property-became-optional", `${cap(label)} is now optional: old clients that rely on it may not get it.`, { ...requiredPointer, before: "required", after: "optional", effect: "may now be missing" });
      if (!oldRequired.has(name) && newRequired.has(name)) onRequired.emit("response-property-became-required", `${cap(label)} is now always returned.`, { ...requiredPointer, before: "optional", after: "required", effect: "is now always present" });
    }
    if (request && oldReadOnly !== newReadOnly) {
      if (newReadOnly) child.emit("request-property-became-read-only", `${cap(label)} is now readOnly: the API ignores what old clients send in it.`, { keyword: "readOnly", before: false, after: true, effect: "is now readOnly" });
      else child.emit("request-property-became-not-read-only", `${cap(label)} is no longer readOnly: clients may send it.`, { keyword: "readOnly", before: true, after: false, effect: "is no longer readOnly" });
    }
    // Clients never send readOnly properties nor read writeOnly ones: what those accept is not the client's concern.
    if (request && (oldReadOnly || newReadOnly)) continue;
    if (!request && (oldWriteOnly || newWriteOnly)) continue;
    compareAt(walk, resolveSchema({ document: before.document, schema: oldProp.schema, pointer: oldProp.pointer }), resolveSchema({ document: after.document, schema: newProp.schema, pointer: newProp.pointer }), childPath);
  }
}

function compareAdditionalProperties(walk: Walk, ctx: Place, before: Resolved, after: Resolved, path: readonly string[]): void {
  const b = before.node as Obj;
  const a = after.node as Obj;
  const objectLike = (node: Obj) => node["type"] === "object" || isObj(node["properties"]) || "additionalProperties" in node;
  if (!objectLike(b) && !objectLike(a)) return;
  const closedBefore = isClosed(b);
  const closedAfter = isClosed(a);
  const keyword = "additionalProperties" in a || "additionalProperties" in b ? "additionalProperties" : "unevaluatedProperties";
  if (closedBefore !== closedAfter) {
    const detail = { keyword, before: b[keyword], after: a[keyword] };
    if (ctx.direction === "request") {
      if (closedAfter) ctx.emit("request-additional-properties-forbidden", `${cap(ctx.label)} no longer allows properties it does not list.`, { ...detail, effect: "allows no other properties" });
      else ctx.emit("request-additional-properties-allowed", `${cap(ctx.label)} now allows properties it does not list.`, { ...detail, effect: "allows other properties" });
    } else if (closedAfter) {
      ctx.emit("response-additional-properties-forbidden", `${cap(ctx.label)} no longer has properties it does not list.`, { ...detail, effect: "has no other properties" });
    } else {
      ctx.emit("response-additional-properties-allowed", `${cap(ctx.label)} may now have properties it does not list: old clients that validate responses refuse them.`, { ...detail, effect: "may have other properties" });
    }
  }
  if (isObj(b["additionalProperties"]) && isObj(a["additionalProperties"])) {
    compareAt(
      walk,
      resolveSchema({ document: before.document, schema: b["additionalProperties"], pointer: childPointer(before.pointer, "additionalProperties") }),
      resolveSchema({ document: after.document, schema: a["additionalProperties"], pointer: childPointer(after.pointer, "additionalProperties") }),
      [...path, "[string]"],
    );
  }
}

function compareItems(walk: Walk, before: Resolved, after: Resolved, path: readonly string[]): void {
  const b = before.node as Obj;
  const a = after.node as Obj;
  if (b["items"] !== undefined && a["items"] !== undefined && !Array.isArray(b["items"]) && !Array.isArray(a["items"])) {
    compareAt(
      walk,
      resolveSchema({ document: before.document, schema: b["items"], pointer: childPointer(before.pointer, "items") }),
      resolveSchema({ document: after.document, schema: a["items"], pointer: childPointer(after.pointer, "items") }),
      [...path, "[]"],
    );
  }
  const oldTuple = Array.isArray(b["prefixItems"]) ? b["prefixItems"] : [];
  const newTuple = Array.isArray(a["prefixItems"]) ? a["prefixItems"] : [];
  for (let index = 0; index < Math.min(oldTuple.length, newTuple.length); index++) {
    compareAt(
      walk,
      resolveSchema({ document: before.document, schema: oldTuple[index], pointer: childPointer(childPointer(before.pointer, "prefixItems"), index) }),
      resolveSchema({ document: after.document, schema: newTuple[index], pointer: childPointer(childPointer(after.pointer, "prefixItems"), index) }),
      [...path, `[${index}]`],
    );
  }
}

// Composition

/**
 * An allOf of plain object schemas (the usual `allOf: [$ref Base, { properties }]`) merged into one schema, so that
 * moving properties between its parts is no change. Anything else is left as it is and compared part by part.
 */
function flattenAllOf(resolved: Resolved): Resolved {
  const node = resolved.node;
  if (typeof node === "boolean" || !Array.isArray(node["allOf"])) return resolved;
  const parts = node["allOf"].map((part, index) => resolveSchema({ document: resolved.document, schema: part, pointer: childPointer(childPointer(resolved.pointer, "allOf"), index) }));
  const objectPart = (part: Obj | boolean) => typeof part === "object" && (part["type"] === undefined || part["type"] === "object");
  const mergeable =
    objectPart(node) &&
    parts.every((part) => objectPart(part.node) && !("allOf" in (part.node as Obj)) && !("oneOf" in (part.node as Obj)) && !("anyOf" in (part.node as Obj))) &&
    // An allOf of objects: some part says so. `allOf: [{ type: string }, { maxLength: 3 }]` is compared part by part.
    [node, ...parts.map((part) => part.node as Obj)].some((part) => part["type"] === "object" || isObj(part["properties"]));
  if (!mergeable) return resolved;
  const own: Record<string, unknown> = { ...node };
  delete own["allOf"];
  const sources = [{ ...resolved, node: own }, ...parts];
  // Each property keeps where its part writes it, so pointers stay true after the merge; the first part to list a
  // property wins, as the merged schema's `properties` would.
  const properties = new Map<string, PropertyAt>();
  const schemas: Record<string, unknown> = {};
  const required = new Set<string>();
  for (const source of sources) {
    for (const [name, at] of listedProperties(source)) {
      if (properties.has(name)) continue;
      properties.set(name, at);
      schemas[name] = at.schema;
    }
    for (const name of requiredOf(source.node as Obj)) required.add(name);
  }
  const merged: Record<string, unknown> = { ...own, type: "object", properties: schemas, ...(required.size > 0 ? { required: [...required].sort() } : {}) };
  if (sources.some((source) => isClosed(source.node as Obj))) merged["additionalProperties"] = false;
  return { ...resolved, node: merged, properties };
}

function compareComposition(walk: Walk, ctx: Place, before: Resolved, after: Resolved, path: readonly string[]): void {
  const b = before.node as Obj;
  const a = after.node as Obj;
  for (const keyword of ["oneOf", "anyOf", "allOf"] as const) {
    const oldParts = Array.isArray(b[keyword]) ? (b[keyword] as unknown[]) : [];
    const newParts = Array.isArray(a[keyword]) ? (a[keyword] as unknown[]) : [];
    if (oldParts.length === 0 && newParts.length === 0) continue;
    const at = (side: Resolved, parts: unknown[], index: number): SchemaAt => ({ document: side.document, schema: parts[index], pointer: childPointer(childPointer(side.pointer, keyword), index) });
    const pairs = matchParts(oldParts.map((_, index) => at(before, oldParts, index)), newParts.map((_, index) => at(after, newParts, index)));
    for (const [oldPart, newPart] of pairs) {
      if (oldPart && newPart) {
        compareAt(walk, resolveSchema(oldPart), resolveSchema(newPart), path);
        continue;
      }
      const part = (newPart ?? oldPart)!;
      const name = partName(part);
      const added = newPart !== undefined;
      if (keyword === "allOf") {
        ctx.emit(ctx.id(added ? "all-of-added" : "all-of-removed"), `${name} was ${added ? "added to" : "removed from"} the allOf of ${ctx.label}.`, {
          keyword,
          ...(added ? { after: part.schema } : { before: part.schema }),
          effect: `${added ? "gained" : "lost"} the allOf part ${name}`,
        });
      } else {
        ctx.emit(ctx.id(added ? "union-option-added" : "union-option-removed"), `${name} was ${added ? "added to" : "removed from"} the ${keyword} of ${ctx.label}.`, {
          keyword,
          ...(added ? { after: part.schema } : { before: part.schema }),
          effect: `${added ? "may now also be" : "can no longer be"} ${name}`,
        });
      }
    }
  }
}

/** `Card` for a `$ref` to `#/components/schemas/Card`, else `the schema at <pointer>`. */
function partName(part: SchemaAt): string {
  const ref = isObj(part.schema) && typeof part.schema["$ref"] === "string" ? part.schema["$ref"] : undefined;
  return ref !== undefined ? `\`${ref.split("/").pop() ?? ref}\`` : `the schema at \`${part.pointer}\``;
}

/**
 * Pairs the parts of two oneOf/anyOf/allOf lists: first parts of the same shape (a `$ref` renamed to the same shape is
 * the same part), then parts pointing at the same name, then the rest by position when as many remain on each side.
 */
function matchParts(oldParts: SchemaAt[], newParts: SchemaAt[]): Array<[SchemaAt | undefined, SchemaAt | undefined]> {
  const pairs: Array<[SchemaAt | undefined, SchemaAt | undefined]> = [];
  const oldLeft = [...oldParts];
  const newLeft = [...newParts];
  const take = (test: (o: SchemaAt, n: SchemaAt) => boolean) => {
    for (let i = 0; i < oldLeft.length; i++) {
      const j = newLeft.findIndex((candidate) => test(oldLeft[i]!, candidate));
      if (j < 0) continue;
      pairs.push([oldLeft[i], newLeft[j]]);
      oldLeft.splice(i, 1);
      newLeft.splice(j, 1);
      i--;
    }
  };
  take((o, n) => sameShape(o, n));
  take((o, n) => partName(o) === partName(n) && partName(o).startsWith("`"));
  if (oldLeft.length === newLeft.length) {
    oldLeft.forEach((part, index) => pairs.push([part, newLeft[index]]));
    return pairs;
  }
  for (const part of oldLeft) pairs.push([part, undefined]);
  for (const part of newLeft) pairs.push([undefined, part]);
  return pairs;
}

function compareDiscriminator(ctx: Place, b: Obj, a: Obj): void {
  const before = isObj(b["discriminator"]) ? b["discriminator"] : undefined;
  const after = isObj(a["discriminator"]) ? a["discriminator"] : undefined;
  if (before === undefined && after === undefined) return;
  if (deepEqual(before, after)) return;
  const changedName = before?.["propertyName"] !== after?.["propertyName"];
  const oldMapping = isObj(before?.["mapping"]) ? (before["mapping"] as Obj) : {};
  const newMapping = isObj(after?.["mapping"]) ? (after["mapping"] as Obj) : {};
  const removedKeys = Object.keys(oldMapping).filter((key) => !(key in newMapping));
  const addedKeys = Object.keys(newMapping).filter((key) => !(key in oldMapping));
  const retargeted = Object.keys(oldMapping).filter((key) => key in newMapping && oldMapping[key] !== newMapping[key]);
  const detail = { keyword: "discriminator", before, after };
  const request = ctx.direction === "request";
  if (changedName || retargeted.length > 0 || (request && removedKeys.length > 0)) {
    const what = changedName
      ? `now reads property \`${String(after?.["propertyName"])}\` (was \`${String(before?.["propertyName"])}\`)`
      : retargeted.length > 0
        ? `maps ${retargeted.map((key) => `\`${key}\``).join(", ")} to another schema`
        : `no longer maps ${removedKeys.map((key) => `\`${key}\``).join(", ")}`;
    ctx.emit(request ? "request-discriminator-changed" : "response-discriminator-changed", `The discriminator of ${ctx.label} ${what}.`, { ...detail, effect: `has a changed discriminator` });
  }
  if (addedKeys.length > 0) {
    ctx.emit(request ? "request-discriminator-mapping-added" : "response-discriminator-mapping-added", `The discriminator of ${ctx.label} now also maps ${addedKeys.map((key) => `\`${key}\``).join(", ")}.`, { ...detail, effect: `may now also be ${addedKeys.map((key) => `\`${key}\``).join(", ")}` });
  }
}

// Helpers

function pathText(path: readonly string[]): string {
  let text = "";
  for (const segment of path) text += segment.startsWith("[") ? segment : text === "" ? segment : `.${segment}`;
  return text;
}

function describeSchema(node: Obj | boolean): string {
  if (node === true) return "any value";
  if (node === false) return "no value";
  return typeText(typesOf(node));
}
