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
  readonly #byObject = new WeakMap<Obj, { id: number; size: number }>();

  /**
   * The id of a schema object's content: its key is its JSON with each subschema replaced by that subschema's id, so
   * each node costs its own keywords only. Values that are not subschemas (`enum`, `const`, `required`...) are written
   * as JSON: small, and nothing is shared inside them.
   */
  schema(schema: Obj): { id: number; size: number } {
    const known = this.#byObject.get(schema);
    if (known) return known;
    const children: Array<readonly [string, string | undefined, number]> = [];
    let size = 2;
    let key = "{";
    for (const keyword in schema) {
      const value = schema[keyword];
      let token: string;
      if (SCHEMA_KEYWORDS.has(keyword) && isObj(value)) {
        const child = this.schema(value);
        children.push([keyword, undefined, child.id]);
        size += child.size;
        token = `#${child.id}`;
      } else if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) {
        token = "[";
        value.forEach((item: unknown, index) => {
          if (index > 0) token += ",";
          if (isObj(item)) {
            const child = this.schema(item);
            children.push([keyword, String(index), child.id]);
            size += child.size;
            token += `#${child.id}`;
          } else {
            const text = JSON.stringify(item) ?? "null";
            size += text.length;
            token += text;
          }
        });
        token += "]";
      } else if (SCHEMA_MAP_KEYWORDS.has(keyword) && isObj(value)) {
        token = "{";
        for (const name in value) {
          const item = value[name];
          if (token.length > 1) token += ",";
          if (isObj(item)) {
            const child = this.schema(item);
            children.push([keyword, name, child.id]);
            size += child.size + name.length + 3;
            token += `${JSON.stringify(name)}:#${child.id}`;
          } else {
            const text = `${JSON.stringify(name)}:${JSON.stringify(item) ?? "null"}`;
            size += text.length;
            token += text;
          }
        }
        token += "}";
      } else {
        token = JSON.stringify(value) ?? "null";
        size += token.length;
      }
      size += keyword.length + 3;
      key += `${key.length > 1 ? "," : ""}${JSON.stringify(keyword)}:${token}`;
    }
    key += "}";
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.nodes.length;
      this.#ids.set(key, id);
      this.nodes.push({ value: schema, size, children });
    }
    const entry = { id, size };
    this.#byObject.set(schema, entry);
    return entry;
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
  for (const [key, schema] of resources) if (placeIndependent(schema)) roots.set(key, interner.schema(schema as Obj).id);
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
