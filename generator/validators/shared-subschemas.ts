/**
 * `shareRepeatedSubschemas`: a subschema written alike in several places of the schema set becomes a resource of its
 * own (`h:<n>`), referred to by `$ref` from each place, so that Ajv compiles it once, into one function. Real specs
 * repeat large inline schemas (GitHub's REST description inlines the same repository object into hundreds of
 * webhook payloads): without this, each copy is compiled again.
 *
 * A `$ref` to a schema validates exactly as the schema in its place (JSON Schema 2020-12, 8.2.3.1), as long as
 * nothing in it depends on where it stands. So only resources without `$id`, anchors, dynamic references or
 * `unevaluated*` (whose annotations cross `$ref`s in ways worth not testing our luck on), and whose `$ref`s all name
 * resources of the set, take part. Small subschemas are left inline: a call costs more than their code.
 */
import type { JsonSchema } from "../model.js";
import { isObj, SCHEMA_KEYWORDS, SCHEMA_LIST_KEYWORDS, SCHEMA_MAP_KEYWORDS, setOwn, type Obj } from "./schema-walk.js";
import { parseResourceRef, resourceId } from "./resource-ids.js";
import { SCOPE_KEYWORDS, UNEVALUATED_KEYWORDS } from "./vocabulary.js";

/**
 * Subschemas shorter than this (as JSON) stay inline wherever they are written. About twenty keywords: the size where
 * a function and its calls cost less than the copies (GitHub's REST description: see the report in bench/validators.ts).
 */
export const MIN_SHARED_SIZE = 400;

interface Node {
  /** The first object seen with this content. */
  readonly value: Obj;
  /** Approximate length of its JSON. */
  readonly size: number;
  /** Its subschemas, by place: [keyword, name or index or undefined, node id]. */
  readonly children: ReadonlyArray<readonly [keyword: string, name: string | undefined, id: number]>;
}

class Interner {
  readonly nodes: Node[] = [];
  readonly #ids = new Map<string, number>();
  readonly #byObject = new WeakMap<object, { id: number; size: number }>();

  /** The id of a schema object's content (subschemas by content too). */
  schema(schema: Obj): number {
    return this.#intern(schema, true).id;
  }

  #intern(value: object, isSchema: boolean): { id: number; size: number } {
    const known = this.#byObject.get(value);
    if (known) return known;
    const children: Array<readonly [string, string | undefined, number]> = [];
    let size = 2;
    let key: string;
    if (Array.isArray(value)) {
      key = `[${value.map((item: unknown) => this.#token(item, false, (s) => (size += s))).join(",")}]`;
    } else {
      const parts: string[] = [];
      for (const keyword in value) {
        const sub = (value as Obj)[keyword];
        let token: string;
        if (isSchema && SCHEMA_KEYWORDS.has(keyword) && isObj(sub)) {
          const child = this.#intern(sub, true);
          children.push([keyword, undefined, child.id]);
          size += child.size;
          token = `#${child.id}`;
        } else if (isSchema && SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(sub)) {
          token = `[${sub
            .map((item: unknown, index) => {
              if (!isObj(item)) return this.#token(item, false, (s) => (size += s));
              const child = this.#intern(item, true);
              children.push([keyword, String(index), child.id]);
              size += child.size;
              return `#${child.id}`;
            })
            .join(",")}]`;
        } else if (isSchema && SCHEMA_MAP_KEYWORDS.has(keyword) && isObj(sub)) {
          const entries: string[] = [];
          for (const name in sub) {
            const item = sub[name];
            if (isObj(item)) {
              const child = this.#intern(item, true);
              children.push([keyword, name, child.id]);
              size += child.size + name.length + 3;
              entries.push(`${JSON.stringify(name)}:#${child.id}`);
            } else {
              entries.push(`${JSON.stringify(name)}:${this.#token(item, false, (s) => (size += s))}`);
            }
          }
          token = `{${entries.join(",")}}`;
        } else {
          token = this.#token(sub, false, (s) => (size += s));
        }
        size += keyword.length + 3;
        parts.push(`${JSON.stringify(keyword)}:${token}`);
      }
      key = `{${parts.join(",")}}`;
    }
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.nodes.length;
      this.#ids.set(key, id);
      this.nodes.push({ value: value as Obj, size, children });
    }
    const entry = { id, size };
    this.#byObject.set(value, entry);
    return entry;
  }

  /** A value that is not a subschema: primitives as JSON, objects and arrays by content. */
  #token(value: unknown, isSchema: boolean, addSize: (size: number) => void): string {
    if (value === null || typeof value !== "object") {
      const text = JSON.stringify(value) ?? "null";
      addSize(text.length);
      return text;
    }
    const inner = this.#intern(value, isSchema);
    addSize(inner.size);
    return `@${inner.id}`;
  }
}

/** Whether a resource can take part: nothing in it depends on where its subschemas stand. */
function placeIndependent(schema: JsonSchema): boolean {
  if (!isObj(schema)) return false;
  let independent = true;
  const visit = (sub: Obj): void => {
    for (const keyword in sub) {
      if (!independent) return;
      const value = sub[keyword];
      if (SCOPE_KEYWORDS.has(keyword) || UNEVALUATED_KEYWORDS.has(keyword)) independent = false;
      else if (keyword === "$ref" && (typeof value !== "string" || parseResourceRef(value) === undefined)) independent = false;
      else if (SCHEMA_KEYWORDS.has(keyword) && isObj(value)) visit(value);
      else if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) for (const item of value) isObj(item) && visit(item);
      else if (SCHEMA_MAP_KEYWORDS.has(keyword) && isObj(value)) for (const name in value) isObj(value[name]) && visit(value[name] as Obj);
    }
  };
  visit(schema);
  return independent;
}

export interface SharedSubschemas {
  /** The resources, repeated subschemas moved into `h:<n>` resources (added at the end), in a stable order. */
  readonly resources: Map<string, JsonSchema>;
  /** Each `h:<n>`'s first place: a resource key and the path inside it, to locate problems in the spec. */
  readonly firstPlaces: Map<string, { readonly key: string; readonly path: readonly string[] }>;
}

export function shareRepeatedSubschemas(resources: ReadonlyMap<string, JsonSchema>, minSize = MIN_SHARED_SIZE): SharedSubschemas {
  const interner = new Interner();
  const roots = new Map<string, number>();
  for (const [key, schema] of resources) if (placeIndependent(schema)) roots.set(key, interner.schema(schema as Obj));
  const { nodes } = interner;

  // How many distinct places (a place in a distinct parent) hold each subschema: the in-degree of the content graph.
  const placesOf = new Uint32Array(nodes.length);
  const firstSeen = new Map<number, { readonly key: string; readonly path: readonly string[] }>();
  const stack: number[] = [];
  for (const [key, id] of roots) {
    if (firstSeen.has(id)) continue;
    firstSeen.set(id, { key, path: [] });
    stack.push(id);
  }
  while (stack.length > 0) {
    const id = stack.pop()!;
    const place = firstSeen.get(id)!;
    for (const [keyword, name, child] of nodes[id]!.children) {
      placesOf[child]!++;
      if (!firstSeen.has(child)) {
        firstSeen.set(child, { key: place.key, path: name === undefined ? [...place.path, keyword] : [...place.path, keyword, name] });
        stack.push(child);
      }
    }
  }
  /** Node id -> the resource key that holds it whole: a resource root, or a shared subschema. */
  const resourceOf = new Map<number, string>();
  for (const [key, id] of roots) if (!resourceOf.has(id)) resourceOf.set(id, key);
  const sharedOrder: number[] = [];
  const isShared = (id: number): boolean => {
    if (resourceOf.has(id)) return true;
    if (placesOf[id]! < 2 || nodes[id]!.size < minSize) return false;
    resourceOf.set(id, `h:${sharedOrder.length}`);
    sharedOrder.push(id);
    return true;
  };

  const built = new Map<number, Obj>();
  const build = (id: number): Obj => {
    const cached = built.get(id);
    if (cached) return cached;
    const node = nodes[id]!;
    const replaced = new Map<string, Obj>();
    for (const [keyword, name, child] of node.children) {
      replaced.set(`${keyword}\u0000${name ?? ""}`, isShared(child) ? { $ref: resourceId(resourceOf.get(child)!) } : build(child));
    }
    const out: Obj = {};
    for (const keyword in node.value) {
      const value = node.value[keyword];
      if (SCHEMA_KEYWORDS.has(keyword) && replaced.has(`${keyword}\u0000`)) {
        setOwn(out, keyword, replaced.get(`${keyword}\u0000`));
      } else if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) {
        setOwn(out, keyword, value.map((item: unknown, index) => replaced.get(`${keyword}\u0000${index}`) ?? item));
      } else if (SCHEMA_MAP_KEYWORDS.has(keyword) && isObj(value)) {
        const map: Obj = {};
        for (const name in value) setOwn(map, name, replaced.get(`${keyword}\u0000${name}`) ?? value[name]);
        setOwn(out, keyword, map);
      } else {
        setOwn(out, keyword, value);
      }
    }
    built.set(id, out);
    return out;
  };

  const result = new Map<string, JsonSchema>();
  for (const [key, schema] of resources) {
    const id = roots.get(key);
    result.set(key, id === undefined ? schema : build(id));
  }
  const firstPlaces = new Map<string, { readonly key: string; readonly path: readonly string[] }>();
  for (let index = 0; index < sharedOrder.length; index++) {
    result.set(`h:${index}`, build(sharedOrder[index]!));
    firstPlaces.set(`h:${index}`, firstSeen.get(sharedOrder[index]!)!);
  }
  return { resources: result, firstPlaces };
}
