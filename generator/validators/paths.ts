/**
 * The JSON pointer of a value in the data a compiled validator was given, spelled out when an error reports it
 * (pasted into compiled.js, see "LAZY PATHS" in ./standalone-module.ts): `at` is `undefined` at the root, else the
 * caller's `at` (`b`), the step from there (`s`, such as `"/lines/"`) and the item's index (`i`), if any.
 */
export function payspecPath(at: { readonly b: unknown; readonly s: string; readonly i?: number } | undefined): string {
  return at === undefined ? "" : payspecPath(at.b as typeof at) + at.s + (at.i === undefined ? "" : at.i);
}
