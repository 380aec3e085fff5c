/**
 * How an operation's input and result are typed, as TypeScript type expressions indexed into openapi-typescript's
 * `paths` type (`paths["/orders/{id}"]["get"]`). Shared by the client emitter and the README emitter.
 */
import type { MediaType, Operation, ParameterLocation } from "../model.js";
import { pascalCase } from "../names.js";

export interface InputPart {
  readonly location: ParameterLocation | "body";
  readonly required: boolean;
  /** The TypeScript type of the part. */
  readonly type: string;
}

export interface OperationTypes {
  readonly inputName: string;
  readonly responseName: string;
  readonly parts: readonly InputPart[];
  /** True when any part is required: the input argument cannot be left out. */
  readonly inputRequired: boolean;
  readonly responseType: string;
  /** The status and content type the result is read from, for docs; undefined when the result is `void`. */
  readonly success?: { readonly status: string; readonly contentType?: string };
  readonly bodyContentType?: string;
}

const LOCATIONS: readonly ParameterLocation[] = ["path", "query", "header", "cookie"];

export function operationTypes(operation: Operation): OperationTypes {
  const base = pascalCase(operation.methodName);
  const op = `paths[${JSON.stringify(operation.path)}][${JSON.stringify(operation.method)}]`;
  const parts: InputPart[] = [];

  for (const location of LOCATIONS) {
    const parameters = operation.parameters.filter((parameter) => parameter.in === location);
    if (parameters.length === 0) continue;
    const full = `NonNullable<${op}["parameters"][${JSON.stringify(location)}]>`;
    const constants = location === "header" ? parameters.filter((parameter) => parameter.constantValue !== undefined) : [];
    const type =
      constants.length === 0
        ? full
        : constants.length === parameters.length
          ? `Partial<${full}>`
          : `OptionalKeys<${full}, ${constants.map((parameter) => JSON.stringify(parameter.name)).join(" | ")}>`;
    const required = parameters.some((parameter) => parameter.required && parameter.constantValue === undefined);
    parts.push({ location, required, type });
  }

  let bodyContentType: string | undefined;
  const body = operation.requestBody;
  if (body && body.content.length > 0) {
    const media = preferredMedia(body.content);
    if (media) {
      bodyContentType = media.contentType;
      parts.push({
        location: "body",
        required: body.required,
        type: `NonNullable<${op}["requestBody"]>["content"][${JSON.stringify(media.contentType)}]`,
      });
    }
  }

  const successResponse = operation.responses.find((response) => /^2(\d\d|XX)$/i.test(response.status));
  let responseType = "void";
  let success: OperationTypes["success"];
  if (successResponse) {
    const media = preferredMedia(successResponse.content);
    const statusKey = /^\d+$/.test(successResponse.status) ? successResponse.status : JSON.stringify(successResponse.status);
    if (media) {
      responseType = `${op}["responses"][${statusKey}]["content"][${JSON.stringify(media.contentType)}]`;
      success = { status: successResponse.status, contentType: media.contentType };
    } else {
      success = { status: successResponse.status };
    }
  }

  return {
    inputName: `${base}Input`,
    responseName: `${base}Response`,
    parts,
    inputRequired: parts.some((part) => part.required),
    responseType,
    ...(success ? { success } : {}),
    ...(bodyContentType !== undefined ? { bodyContentType } : {}),
  };
}

/** `application/json`, else another JSON type (`application/problem+json`), else the first one listed. */
export function preferredMedia(content: readonly MediaType[]): MediaType | undefined {
  return (
    content.find((media) => media.contentType === "application/json") ??
    content.find((media) => /[/+]json\b/i.test(media.contentType)) ??
    content[0]
  );
}
