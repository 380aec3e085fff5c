/**
 * Query strings written per parameter in the style its spec declares. openapi-fetch's own query serializer applies
 * one style to every array and one to every object (and defaults objects to `deepObject`), so a spec that mixes
 * styles (`order_id:in` as `1,2` next to exploded filters) needs this; the encoding itself is openapi-fetch's.
 */
import { serializeArrayParam, serializeObjectParam, serializePrimitiveParam } from "openapi-fetch";
import type { QueryParameterStyle } from "./operation.js";

/** OpenAPI's default for query parameters. */
const FORM_EXPLODED: QueryParameterStyle = { style: "form", explode: true };

export function createOperationQuerySerializer(
  styles: Readonly<Record<string, QueryParameterStyle>> | undefined,
): (query: Readonly<Record<string, unknown>>) => string {
  return (query) => {
    const parts: string[] = [];
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      const style = styles?.[name] ?? FORM_EXPLODED;
      if (Array.isArray(value)) {
        if (value.length === 0) continue;
        // deepObject is defined for objects only; an array under it is written in OpenAPI's default style.
        const arrayStyle = style.style === "deepObject" ? { style: "form" as const, explode: true } : { style: style.style, explode: style.explode };
        parts.push(serializeArrayParam(name, value, arrayStyle));
      } else if (typeof value === "object") {
        const objectStyle = style.style === "deepObject" || style.style === "form" ? style.style : "form";
        parts.push(serializeObjectParam(name, value as Record<string, unknown>, { style: objectStyle, explode: style.explode }));
      } else {
        parts.push(serializePrimitiveParam(name, String(value)));
      }
    }
    return parts.join("&");
  };
}
