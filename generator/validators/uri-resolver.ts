/**
 * Ajv's URI resolver (fast-uri) with its answers remembered, for the generation-time Ajv (./compile.ts). Ajv parses,
 * serializes and resolves the same ids and `$ref`s again for every function it compiles: 8,000 parses of 2,500
 * strings for the synthetic spec (bench/synthetic-spec.ts). Each method is a pure function of its input; Ajv only
 * reads a parsed URI, and serialize copies it, so one parse can be handed out again.
 */
import ajvUri from "ajv/dist/runtime/uri.js";

/** A CommonJS module: under Node16 resolution its default import is the module object, the resolver its `.default`. */
const ajvUriResolver = ajvUri.default;

type UriResolver = NonNullable<import("ajv").Options["uriResolver"]>;
type UriComponents = ReturnType<UriResolver["parse"]>;

export function rememberingUriResolver(): UriResolver {
  const parsed = new Map<string, UriComponents>();
  const serialized = new WeakMap<UriComponents, string>();
  const resolved = new Map<string, string>();
  return {
    ...ajvUriResolver,
    parse(uri) {
      let components = parsed.get(uri);
      if (components === undefined) parsed.set(uri, (components = ajvUriResolver.parse(uri)));
      return components;
    },
    serialize(components) {
      let text = serialized.get(components);
      if (text === undefined) serialized.set(components, (text = ajvUriResolver.serialize(components)));
      return text;
    },
    resolve(base, path) {
      const key = `${base}\u0000${path}`;
      let uri = resolved.get(key);
      if (uri === undefined) resolved.set(key, (uri = ajvUriResolver.resolve(base, path)));
      return uri;
    },
  };
}
