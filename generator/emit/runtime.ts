/**
 * `emitRuntime`: the hand-written runtime (templates/runtime/), copied verbatim into `runtime/` so that each
 * generated client stands alone. The files are read once by the pipeline and passed in: emitters do no I/O.
 */
/** The runtime's place, as a module path from the client's folder, when the client carries its own copy. */
export const LOCAL_RUNTIME_IMPORT = "./runtime";

export function emitRuntime(runtimeFiles: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(runtimeFiles).map(([relativePath, text]) => [`runtime/${relativePath}`, text]));
}
