/**
 * The reference the generated validators are compared with: a fresh Ajv instance that compiles, at run time, the
 * bundled document's `components.schemas` exactly as the spec has them (`$ref: #/components/schemas/X`), with the
 * project's Ajv options (Ajv2020, strict mode off, ajv-formats' full mode). It shares none of the emitter's schema
 * rewriting.
 */
import type Ajv2020 from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";
import type { ApiModel } from "../../../generator/model.js";
import { createAjv } from "../../../generator/validators/compile.js";
import { buildSchemaSet } from "../../../generator/validators/schema-set.js";
import { issuesFromAjv, type Issue } from "../../../generator/validators/issues.js";

const DOCUMENT_ID = "https://payspec.test/reference.json";

export interface Reference {
  readonly ajv: Ajv2020.default;
  validator(schemaName: string): ValidateFunction;
  /** The reference verdict in the generated validators' shape. */
  judge(schemaName: string, value: unknown): { ok: boolean; errors: Issue[] };
}

export function runtimeReference(model: ApiModel): Reference {
  // Only the list of unknown formats comes from the emitter's analysis: Ajv must be told them (or it warns on each).
  const set = buildSchemaSet(model);
  // ajv-formats' full formats, not payspec's: the generated code claims their verdicts (formats.test.ts), this checks it.
  const ajv = createAjv({ annotationFormats: set.unknownFormats, formats: "ajv-formats" });
  ajv.addSchema({ $id: DOCUMENT_ID, components: { schemas: model.schemas } });
  const cache = new Map<string, ValidateFunction>();
  const validator = (schemaName: string): ValidateFunction => {
    let fn = cache.get(schemaName);
    if (!fn) {
      fn = ajv.getSchema(`${DOCUMENT_ID}#/components/schemas/${encodeURIComponent(schemaName.replace(/~/g, "~0").replace(/\//g, "~1"))}`);
      if (!fn) throw new Error(`reference Ajv cannot find ${schemaName}`);
      cache.set(schemaName, fn);
    }
    return fn;
  };
  return {
    ajv,
    validator,
    judge(schemaName, value) {
      const fn = validator(schemaName);
      const ok = fn(value) as boolean;
      return { ok, errors: ok ? [] : issuesFromAjv(fn.errors, value) };
    },
  };
}
