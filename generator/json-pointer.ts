/**
 * JSON pointers (RFC 6901), the one place the generator builds, reads and follows them.
 *
 * Two spellings exist and are kept apart:
 * - a plain pointer, `/paths/~1orders~1{id}/get`: what problems and the model carry (`SpecProblem.pointer`,
 *   `Operation.pointer`); only `~` and `/` are escaped;
 * - a `$ref` fragment, `#/paths/~1orders~1%7Bid%7D/get`: a URI fragment (RFC 3986), so its pointer is also
 *   percent-encoded. `pointerOfRef` decodes it; `refOfPointer` encodes one.
 */

/** One reference token, escaped: `a/b~c` -> `a~1b~0c`. */
export function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** One reference token, unescaped: `a~1b~0c` -> `a/b~c` (`~1` first would turn `~01` into `/`, wrongly). */
export function unescapeToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** The plain pointer of a path of keys and indexes: `["paths", "/orders", "get"]` -> `/paths/~1orders/get`. */
export function pointerOf(tokens: readonly (string | number)[]): string {
  let pointer = "";
  for (const token of tokens) pointer += `/${escapeToken(String(token))}`;
  return pointer;
}

/** The tokens of a plain pointer, unescaped: `/paths/~1orders/get` -> `["paths", "/orders", "get"]`. */
export function tokensOf(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`not a JSON pointer: ${JSON.stringify(pointer)} (must be empty or start with "/")`);
  return pointer.slice(1).split("/").map(unescapeToken);
}

/** The plain pointer to `token` inside the value at `pointer`. */
export function childPointer(pointer: string, token: string | number): string {
  return `${pointer}/${escapeToken(String(token))}`;
}

/** The value a plain pointer reaches in `root`, or `undefined`; own properties only (`/__proto__` reaches nothing inherited). */
export function resolvePointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const token of tokensOf(pointer)) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/**
 * The plain pointer of a local `$ref` (`#/components/schemas/Order%20Line` -> `/components/schemas/Order Line`), or
 * `undefined` when the ref is not local (another file, a URL) or its percent-encoding is malformed.
 */
export function pointerOfRef(ref: string): string | undefined {
  if (!ref.startsWith("#")) return undefined;
  try {
    return decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
}

/** A local `$ref` to a plain pointer, percent-encoding what a URI fragment may not hold (`:` and `@` stay, as allowed). */
export function refOfPointer(pointer: string): string {
  return `#${pointer.split("/").map((token) => encodeURIComponent(token).replace(/%3A/gi, ":").replace(/%40/gi, "@")).join("/")}`;
}
