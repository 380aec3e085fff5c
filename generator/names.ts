/** Turning spec names (operationIds, schema names, titles) into TypeScript identifiers, deterministically. */

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield any boolean constructor declare get " +
    "module require number set string symbol type from of never unknown object undefined await async"
  ).split(" "),
);

/** Words of a name: splits on anything not a letter or digit, and on lower-to-upper case changes. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0);
}

export function pascalCase(name: string): string {
  return words(name)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/** camelCase that keeps the casing inside words (`transactionsCaptureCreate` stays as it is). */
export function camelCase(name: string): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter((part) => part.length > 0);
  const joined = parts.map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1))).join("");
  return joined.charAt(0).toLowerCase() + joined.slice(1);
}

/** A valid identifier: prefixes `_` when the name starts with a digit, is empty, or is a reserved word. */
export function safeIdentifier(name: string): string {
  if (name === "" || /^[0-9]/.test(name) || RESERVED.has(name)) return `_${name}`;
  return name;
}

/** A property key as written in TypeScript source: bare when it can be, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

/** Returns `name`, or `name2`, `name3`... the first one not in `taken`; records the result in `taken`. */
export function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`;
  taken.add(candidate);
  return candidate;
}

/** Code-unit order, independent of locale and ICU data, so output is the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
