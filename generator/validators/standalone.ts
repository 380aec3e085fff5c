/**
 * `standaloneExports`: Ajv's `standaloneCode(ajv, refs)` (ajv/dist/standalone) for many exports, in linear time.
 *
 * Why not Ajv's function itself: its loop rebuilds the whole module's code object once per export
 * (`code = _\`${code}...\``, copying every part so far), so its time grows with the square of the number of exports:
 * about a second of the 2,000-schema synthetic spec (bench/synthetic-spec.ts). This is the same loop over the same
 * Ajv building blocks (each function's compiled code, the shared scope values, in the same order), with the parts
 * collected in an array. test/generator/validators/standalone.test.ts checks that the output is byte-identical to
 * Ajv's `standaloneCode` for every spec.
 */
import type { Ajv2020 } from "ajv/dist/2020.js";
import type { SchemaEnv } from "ajv/dist/compile/index.js";
import type { ValueScopeName } from "ajv/dist/compile/codegen/scope.js";
import { requireLibrary } from "../libraries.js";

const { UsedValueState, varKinds } = requireLibrary("ajv/dist/compile/codegen/scope.js") as typeof import("ajv/dist/compile/codegen/scope.js");
const { _, _Code, getEsmExportName, nil } = requireLibrary("ajv/dist/compile/codegen/code.js") as typeof import("ajv/dist/compile/codegen/code.js");

type Code = InstanceType<typeof _Code>;
type UsedValues = Record<string, Map<ValueScopeName, number | undefined> | undefined>;
type Source = NonNullable<SchemaEnv["validate"]>["source"];

export interface StandaloneOptions {
  /**
   * Declare only the `schemaN` constants the code reads (Ajv declares one per compiled function, used or not: an
   * object literal built at import, the whole schema). Off: Ajv's output exactly.
   */
  readonly unusedSchemaConstants?: boolean;
}

/** An ES module (`esm: true`) exporting each `refs` value's validation function under its key. */
export function standaloneExports(ajv: Ajv2020, refs: Readonly<Record<string, string>>, options: StandaloneOptions = {}): string {
  if (!ajv.opts.code.source || !ajv.opts.code.esm) throw new Error("standaloneExports: Ajv needs the code.source and code.esm options");
  const { _n } = ajv.scope.opts;
  const usedValues: UsedValues = {};
  const parts: string[] = ['"use strict";'];
  for (const [name, ref] of Object.entries(refs)) {
    const validate = ajv.getSchema(ref);
    if (!validate) throw new Error(`moduleCode: no schema with id ${ref}`);
    const vCode = validateCode(validate.source);
    parts.push(`${_`${_n}export const ${getEsmExportName(name)} = ${validate.source?.validateName};${_n}${vCode}`}`);
  }
  return parts.join("");

  function validateCode(source: Source): Code {
    if (!source) throw new Error('moduleCode: function does not have "source" property');
    if (usedState(source.validateName) === UsedValueState.Completed) return nil;
    setUsedState(source.validateName, UsedValueState.Started);
    const values = options.unusedSchemaConstants === false ? withoutUnusedSchemas(source) : source.scopeValues;
    const scopeCode = ajv.scope.scopeCode(values, usedValues, refValidateCode);
    const code = new _Code(`${scopeCode}${_n}${source.validateCode}`);
    return source.evaluated ? _`${code}${source.validateName}.evaluated = ${source.evaluated};${_n}` : code;
  }

  function refValidateCode(name: ValueScopeName): Code | undefined {
    const ref = name.value?.ref as unknown;
    if (name.prefix === "validate" && typeof ref === "function") {
      return validateCode((ref as unknown as { source: Source }).source);
    }
    if ((name.prefix === "root" || name.prefix === "wrapper") && typeof ref === "object" && ref !== null) {
      const { validate, validateName } = ref as SchemaEnv;
      if (!validateName) throw new Error("ajv internal error");
      const kind = ajv.opts.code.es5 ? varKinds.var : varKinds.const;
      const wrapper = _`${kind} ${name} = {validate: ${validateName}};`;
      if (usedState(validateName) === UsedValueState.Started) return wrapper;
      return _`${wrapper}${_n}${validateCode(validate?.source)}`;
    }
    return undefined;
  }

  /** The function's scope values, less the `schema` ones its code does not name. */
  function withoutUnusedSchemas(source: NonNullable<Source>): NonNullable<Source>["scopeValues"] {
    const schemas = source.scopeValues["schema"];
    if (schemas === undefined) return source.scopeValues;
    return { ...source.scopeValues, schema: new Set([...schemas].filter((name) => namesIdentifier(source.validateCode, name.str))) };
  }

  function usedState(name: ValueScopeName): number | undefined {
    return usedValues[name.prefix]?.get(name);
  }

  function setUsedState(name: ValueScopeName, state: number): void {
    (usedValues[name.prefix] ??= new Map()).set(name, state);
  }
}

/**
 * Whether `code` contains `name` as a whole identifier (`schema3`, not inside `schema31`). indexOf, not a regex: this
 * reads every compiled function. A mention inside a string literal counts too, which can only keep a constant.
 */
function namesIdentifier(code: string, name: string): boolean {
  for (let at = code.indexOf(name); at !== -1; at = code.indexOf(name, at + 1)) {
    if (!isIdentifierChar(code.charCodeAt(at - 1)) && !isIdentifierChar(code.charCodeAt(at + name.length))) return true;
  }
  return false;
}

function isIdentifierChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 36 || code === 95;
}
