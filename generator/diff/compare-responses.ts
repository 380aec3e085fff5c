/** The response side of an operation pair: statuses, media types, headers and bodies. */
import { childPointer, resolvePointer } from "../json-pointer.js";
import { operationTypes } from "../emit/operation-types.js";
import type { ApiModel, Operation, OperationResponse } from "../model.js";
import { pairRef, type Member, type OperationRef } from "./change.js";
import { compareSchemas, type ValueRoot } from "./schema-compare.js";
import { follow, mediaSchemaAt, pairMedia, type Emit, type Sink } from "./spec-nodes.js";

function isSuccess(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

export function compareResponses(emit: Emit, sink: Sink, beforeModel: ApiModel, afterModel: ApiModel, b: Operation, a: Operation): void {
  const operation = pairRef(b, a);
  // The client's result is read from one success response and one of its media types (operation-types.ts).
  const oldResult = operationTypes(b).success;
  const newResult = operationTypes(a).success;
  const statuses = [...new Set([...b.responses.map((response) => response.status), ...a.responses.map((response) => response.status)])].sort();
  const responsesPointer = (model: ApiModel, op: Operation, status: string) => {
    const pointer = childPointer(childPointer(op.pointer, "responses"), status);
    return follow(model.document, resolvePointer(model.document, pointer), pointer).pointer;
  };
  for (const status of statuses) {
    const oldResponse = b.responses.find((response) => response.status === status);
    const newResponse = a.responses.find((response) => response.status === status);
    const isResult = status === oldResult?.status || status === newResult?.status;
    const member: Member | undefined = isResult ? { side: "response", path: [] } : undefined;
    if (oldResponse && !newResponse) {
      emit({
        check: isSuccess(status) ? "response-success-status-removed" : "response-non-success-status-removed",
        operation,
        pointer: responsesPointer(beforeModel, b, status),
        pointerIn: "old",
        before: status,
        message: isSuccess(status) ? `The ${status} response was removed: old clients that read it no longer get it.` : `The ${status} response is no longer documented.`,
        ...(member ? { member, effect: `is no longer the ${status} response` } : {}),
      });
      continue;
    }
    if (newResponse && !oldResponse) {
      emit({
        check: isSuccess(status) ? "response-success-status-added" : "response-non-success-status-added",
        operation,
        pointer: responsesPointer(afterModel, a, status),
        pointerIn: "new",
        after: status,
        message: isSuccess(status) ? `A new success response, ${status}: old clients may not expect it.` : `A new ${status} response is documented.`,
        ...(member ? { member, effect: `is now read from the ${status} response` } : {}),
      });
      continue;
    }
    if (!oldResponse || !newResponse) continue;
    const pointer = responsesPointer(afterModel, a, status);
    const oldPointer = responsesPointer(beforeModel, b, status);
    if (oldResponse.description !== newResponse.description) {
      emit({ check: "operation-documentation-changed", operation, pointer: childPointer(pointer, "description"), pointerIn: "new", before: oldResponse.description, after: newResponse.description, message: `The description of the ${status} response of \`${a.operationId}\` changed.` });
    }
    compareResponseHeaders(emit, sink, beforeModel, afterModel, operation, status, oldResponse, newResponse, oldPointer, pointer);
    const several = oldResponse.content.length > 1 || newResponse.content.length > 1;
    for (const [oldMedia, newMedia] of pairMedia(oldResponse.content, newResponse.content)) {
      const contentType = (newMedia ?? oldMedia)!.contentType;
      const mediaIsResult = isResult && (contentType === oldResult?.contentType || contentType === newResult?.contentType);
      if (oldMedia && !newMedia) {
        emit({
          check: "response-media-type-removed",
          operation,
          pointer: childPointer(childPointer(oldPointer, "content"), contentType),
          pointerIn: "old",
          before: contentType,
          message: `The ${status} response is no longer sent as \`${contentType}\`.`,
          ...(mediaIsResult ? { member: { side: "response", path: [] }, effect: `is no longer ${contentType}` } : {}),
        });
        continue;
      }
      if (newMedia && !oldMedia) {
        emit({ check: "response-media-type-added", operation, pointer: childPointer(childPointer(pointer, "content"), contentType), pointerIn: "new", after: contentType, message: `The ${status} response can now also be \`${contentType}\`.` });
        continue;
      }
      if (!oldMedia?.schema || !newMedia?.schema) continue;
      const suffix = several ? `, ${contentType}` : "";
      const root: ValueRoot = {
        direction: "response",
        label: `the ${status} response body${several ? ` (${contentType})` : ""}`,
        nestedLabel: (path) => (mediaIsResult ? `response property \`${path}\`${several ? ` (${contentType})` : ""}` : `property \`${path}\` of the ${status} response${suffix}`),
        operation,
        ...(mediaIsResult ? { member: { side: "response", path: [] } } : {}),
      };
      compareSchemas(root, mediaSchemaAt(beforeModel, oldMedia), mediaSchemaAt(afterModel, newMedia), sink);
    }
  }
}

function compareResponseHeaders(
  emit: Emit,
  sink: Sink,
  beforeModel: ApiModel,
  afterModel: ApiModel,
  operation: OperationRef,
  status: string,
  oldResponse: OperationResponse,
  newResponse: OperationResponse,
  oldPointer: string,
  newPointer: string,
): void {
  const byName = (response: OperationResponse) => new Map(Object.entries(response.headers).map(([name, header]) => [name.toLowerCase(), { name, ...header }]));
  const oldHeaders = byName(oldResponse);
  const newHeaders = byName(newResponse);
  for (const key of [...new Set([...oldHeaders.keys(), ...newHeaders.keys()])].sort()) {
    const oldHeader = oldHeaders.get(key);
    const newHeader = newHeaders.get(key);
    const name = (newHeader ?? oldHeader)!.name;
    const headerPointer = (base: string, header: { name: string }) => childPointer(childPointer(base, "headers"), header.name);
    if (oldHeader && !newHeader) {
      emit({
        check: oldHeader.required ? "required-response-header-removed" : "optional-response-header-removed",
        operation,
        pointer: headerPointer(oldPointer, oldHeader),
        pointerIn: "old",
        message: `The ${oldHeader.required ? "required" : "optional"} response header \`${name}\` of the ${status} response was removed.`,
      });
      continue;
    }
    if (newHeader && !oldHeader) {
      emit({ check: "response-header-added", operation, pointer: headerPointer(newPointer, newHeader), pointerIn: "new", message: `The ${status} response now has the header \`${name}\`.` });
      continue;
    }
    if (!oldHeader || !newHeader) continue;
    const pointer = follow(afterModel.document, resolvePointer(afterModel.document, headerPointer(newPointer, newHeader)), headerPointer(newPointer, newHeader)).pointer;
    const before = follow(beforeModel.document, resolvePointer(beforeModel.document, headerPointer(oldPointer, oldHeader)), headerPointer(oldPointer, oldHeader)).pointer;
    if (oldHeader.required && !newHeader.required) {
      emit({ check: "response-header-became-optional", operation, pointer: childPointer(pointer, "required"), pointerIn: "new", before: true, after: false, message: `The response header \`${name}\` of the ${status} response is now optional.` });
    }
    const label = `the response header \`${name}\` (${status})`;
    compareSchemas(
      { direction: "response", label, nestedLabel: (path) => `property \`${path}\` of ${label}`, operation },
      { document: beforeModel.document, schema: oldHeader.schema, pointer: childPointer(before, "schema") },
      { document: afterModel.document, schema: newHeader.schema, pointer: childPointer(pointer, "schema") },
      sink,
    );
  }
}
