/**
 * `compareModels`: every wire-level change between two versions of a spec, from the two models `loadSpec` built.
 * Operations are paired by method and path (path parameters' names aside), then by operationId; each pair is compared
 * part by part (parameters, request body, responses, security, servers), schemas by schema-compare.ts.
 */
import { childPointer, pointerOfRef, resolvePointer, tokensOf, pointerOf } from "../json-pointer.js";
import type { ApiModel, MediaType, Operation, OperationResponse, Parameter, SecurityRequirement, Server } from "../model.js";
import { preferredMedia, operationTypes } from "../emit/operation-types.js";
import { wireChange, type Member, type OperationRef, type WireChange, type WireChangeInput } from "./change.js";
import { compareSchemas, deepEqual, isObj, type SchemaAt, type ValueRoot } from "./schema-compare.js";

export function compareModels(before: ApiModel, after: ApiModel): WireChange[] {
  const changes: WireChange[] = [];
  const emit = (input: WireChangeInput) => changes.push(wireChange(input));
  const sink = (change: WireChange) => changes.push(change);

  if (before.clientName !== after.clientName) {
    emit({
      check: "client-renamed",
      pointer: "/info/title",
      pointerIn: "new",
      before: before.clientName,
      after: after.clientName,
      message: `The client class is now \`${after.clientName}\` (was \`${before.clientName}\`), named after the spec's title.`,
      member: { side: "client", path: [] },
      effect: `is now ${after.clientName}`,
    });
  }
  compareServers(emit, before.servers, after.servers, "/servers", undefined);
  compareSecuritySchemes(emit, before, after);

  for (const [oldOp, newOp] of pairOperations(before.operations, after.operations)) {
    if (oldOp && newOp) compareOperation(emit, sink, before, after, oldOp, newOp);
    else if (newOp) {
      emit({
        check: "endpoint-added",
        operation: refOf(newOp),
        pointer: newOp.pointer,
        pointerIn: "new",
        message: `New operation \`${newOp.operationId}\` (${verb(newOp)}).`,
        member: { side: "method", path: [] },
        effect: "was added",
      });
    } else if (oldOp) {
      emit({
        check: oldOp.deprecated ? "api-removed-with-deprecation" : "api-removed-without-deprecation",
        operation: refOf(oldOp),
        pointer: oldOp.pointer,
        pointerIn: "old",
        message: `The operation \`${oldOp.operationId}\` (${verb(oldOp)}) was removed${oldOp.deprecated ? " (it was deprecated)" : " without being deprecated first"}: calls to it fail.`,
        member: { side: "method", path: [] },
        effect: "was removed",
      });
    }
  }
  return changes;
}

export function refOf(operation: Operation): OperationRef {
  return { operationId: operation.operationId, methodName: operation.methodName, method: operation.method, path: operation.path };
}

/** A paired operation is named as the new spec names it, with the old method name when it changed. */
export function pairRef(before: Operation, after: Operation): OperationRef {
  return { ...refOf(after), ...(before.methodName !== after.methodName ? { previousMethodName: before.methodName } : {}) };
}

function verb(operation: Operation): string {
  return `\`${operation.method.toUpperCase()} ${operation.path}\``;
}

/** `/orders/{id}` and `/orders/{order_id}` are the same path on the wire. */
function pathKey(operation: Operation): string {
  return `${operation.method} ${operation.path.replace(/\{[^}]*\}/g, "{}")}`;
}

/** Pairs by method and path, then what is left by operationId (an operation that moved); the rest are alone. */
export function pairOperations(before: readonly Operation[], after: readonly Operation[]): Array<[Operation | undefined, Operation | undefined]> {
  const pairs: Array<[Operation | undefined, Operation | undefined]> = [];
  const newByKey = new Map(after.map((operation) => [pathKey(operation), operation]));
  const oldLeft: Operation[] = [];
  const paired = new Set<Operation>();
  for (const operation of before) {
    const match = newByKey.get(pathKey(operation));
    if (match) {
      pairs.push([operation, match]);
      paired.add(match);
    } else oldLeft.push(operation);
  }
  const newLeft = after.filter((operation) => !paired.has(operation));
  for (const operation of oldLeft) {
    const index = operation.operationIdDerived ? -1 : newLeft.findIndex((candidate) => !candidate.operationIdDerived && candidate.operationId === operation.operationId);
    if (index >= 0) {
      pairs.push([operation, newLeft[index]]);
      newLeft.splice(index, 1);
    } else pairs.push([operation, undefined]);
  }
  for (const operation of newLeft) pairs.push([undefined, operation]);
  return pairs;
}

type Emit = (input: WireChangeInput) => void;

function compareOperation(emit: Emit, sink: (change: WireChange) => void, beforeModel: ApiModel, afterModel: ApiModel, b: Operation, a: Operation): void {
  const operation = pairRef(b, a);
  const at = (pointer: string, pointerIn: "new" | "old" = "new") => ({ operation, pointer, pointerIn });
  if (pathKey(b) !== pathKey(a)) {
    emit({
      check: "api-operation-moved",
      ...at(a.pointer),
      before: `${b.method.toUpperCase()} ${b.path}`,
      after: `${a.method.toUpperCase()} ${a.path}`,
      message: `The operation \`${a.operationId}\` moved from ${verb(b)} to ${verb(a)}: old clients still call ${verb(b)}.`,
    });
  }
  if (b.operationId !== a.operationId) {
    emit({
      check: "api-operation-id-changed",
      ...at(childPointer(a.pointer, "operationId")),
      before: b.operationId,
      after: a.operationId,
      message: `The operationId of ${verb(a)} changed from \`${b.operationId}\` to \`${a.operationId}\`${b.methodName !== a.methodName ? `: the client method \`${b.methodName}\` is now \`${a.methodName}\`` : ""}.`,
      member: { side: "method", path: [] },
      effect: b.methodName !== a.methodName ? `is now ${a.methodName}` : "has a new operationId",
    });
  }
  if (b.deprecated !== a.deprecated) {
    emit({
      check: a.deprecated ? "endpoint-deprecated" : "endpoint-reactivated",
      ...at(childPointer(a.pointer, "deprecated")),
      before: b.deprecated,
      after: a.deprecated,
      message: `The operation \`${a.operationId}\` is ${a.deprecated ? "now deprecated" : "no longer deprecated"}.`,
      member: { side: "method", path: [] },
      effect: a.deprecated ? "is now deprecated" : "is no longer deprecated",
    });
  }
  for (const key of ["summary", "description", "tags"] as const) {
    if (deepEqual(b[key], a[key])) continue;
    emit({ check: "operation-documentation-changed", ...at(childPointer(a.pointer, key)), before: b[key], after: a[key], message: `The ${key} of \`${a.operationId}\` changed.` });
  }
  for (const key of [...new Set([...Object.keys(b.extensions), ...Object.keys(a.extensions)])].sort()) {
    if (deepEqual(b.extensions[key], a.extensions[key])) continue;
    emit({
      check: "operation-extension-changed",
      ...(key in a.extensions ? at(childPointer(a.pointer, key)) : at(childPointer(b.pointer, key), "old")),
      before: b.extensions[key],
      after: a.extensions[key],
      message: `The \`${key}\` extension of \`${a.operationId}\` changed.`,
    });
  }
  compareParameters(emit, sink, beforeModel, afterModel, b, a);
  compareRequestBodies(emit, sink, beforeModel, afterModel, b, a);
  compareResponses(emit, sink, beforeModel, afterModel, b, a);
  compareSecurity(emit, beforeModel, afterModel, b, a);
  // An operation's own servers, when either version has some: the document's are compared once, not per operation.
  if (!deepEqual(b.servers, beforeModel.servers) || !deepEqual(a.servers, afterModel.servers)) {
    compareServers(emit, b.servers, a.servers, serversPointer(afterModel, a), operation);
  }
}

// Parameters

const DEFAULT_STYLE: Readonly<Record<Parameter["in"], string>> = { path: "simple", query: "form", header: "simple", cookie: "form" };

function parameterKey(parameter: Parameter): string {
  return `${parameter.in}:${parameter.in === "header" ? parameter.name.toLowerCase() : parameter.name}`;
}

function compareParameters(emit: Emit, sink: (change: WireChange) => void, beforeModel: ApiModel, afterModel: ApiModel, b: Operation, a: Operation): void {
  const operation = pairRef(b, a);
  const oldByKey = new Map(b.parameters.map((parameter) => [parameterKey(parameter), parameter]));
  const newByKey = new Map(a.parameters.map((parameter) => [parameterKey(parameter), parameter]));
  const pairs: Array<[Parameter | undefined, Parameter | undefined]> = [];
  for (const [key, parameter] of oldByKey) pairs.push([parameter, newByKey.get(key)]);
  for (const [key, parameter] of newByKey) if (!oldByKey.has(key)) pairs.push([undefined, parameter]);

  // A path parameter renamed: paired by its place in the path template.
  const oldNames = templateNames(b.path);
  const newNames = templateNames(a.path);
  for (const pair of pairs) {
    const [oldParameter] = pair;
    if (!oldParameter || pair[1] || oldParameter.in !== "path") continue;
    const newName = newNames[oldNames.indexOf(oldParameter.name)];
    const index = pairs.findIndex(([o, n]) => !o && n?.in === "path" && n.name === newName);
    if (newName === undefined || index < 0) continue;
    pair[1] = pairs[index]![1];
    pairs.splice(index, 1);
  }

  for (const [oldParameter, newParameter] of pairs) {
    const parameter = (newParameter ?? oldParameter)!;
    const member: Member = { side: "input", path: [parameter.in, parameter.name] };
    const what = `the ${parameter.in} parameter \`${parameter.name}\``;
    if (!oldParameter && newParameter) {
      const required = newParameter.required && newParameter.constantValue === undefined;
      emit({
        check: newParameter.required ? "new-required-request-parameter" : "new-optional-request-parameter",
        operation,
        pointer: parameterPointer(afterModel, a, newParameter),
        pointerIn: "new",
        message: `New ${newParameter.required ? "required" : "optional"} ${what}${newParameter.constantValue !== undefined ? ` (always \`${newParameter.constantValue}\`, which the new client sends itself)` : ""}${newParameter.required ? ": old clients do not send it, so their requests are refused" : ""}.`,
        member,
        effect: required ? "was added, required" : "was added (optional)",
      });
      continue;
    }
    if (oldParameter && !newParameter) {
      emit({
        check: "request-parameter-removed",
        operation,
        pointer: parameterPointer(beforeModel, b, oldParameter),
        pointerIn: "old",
        message: `${cap(what)} was removed: old clients still send it, which the API may ignore or refuse.`,
        member: { side: "input", path: [oldParameter.in, oldParameter.name] },
        effect: "was removed",
      });
      continue;
    }
    if (!oldParameter || !newParameter) continue;
    const pointer = parameterPointer(afterModel, a, newParameter);
    const oldMember: Member = { side: "input", path: [oldParameter.in, oldParameter.name] };
    if (oldParameter.name !== newParameter.name) {
      emit({
        check: "request-path-parameter-renamed",
        operation,
        pointer: childPointer(pointer, "name"),
        pointerIn: "new",
        before: oldParameter.name,
        after: newParameter.name,
        message: `The path parameter \`${oldParameter.name}\` is now named \`${newParameter.name}\`: nothing changes on the wire.`,
        member: oldMember,
        alsoTouches: [member],
        effect: `is now input.path.${newParameter.name}`,
      });
    }
    if (oldParameter.required !== newParameter.required) {
      emit({
        check: newParameter.required ? "request-parameter-became-required" : "request-parameter-became-optional",
        operation,
        pointer: childPointer(pointer, "required"),
        pointerIn: "new",
        before: oldParameter.required,
        after: newParameter.required,
        message: newParameter.required ? `${cap(what)} is now required: old clients that leave it out are refused.` : `${cap(what)} is now optional.`,
        member,
        effect: newParameter.required ? "is now required" : "is now optional",
      });
    }
    const style = (parameter: Parameter) => parameter.style ?? DEFAULT_STYLE[parameter.in];
    const explode = (parameter: Parameter) => parameter.explode ?? style(parameter) === "form";
    if (style(oldParameter) !== style(newParameter) || explode(oldParameter) !== explode(newParameter)) {
      emit({
        check: "request-parameter-serialization-changed",
        operation,
        pointer,
        pointerIn: "new",
        before: { style: style(oldParameter), explode: explode(oldParameter) },
        after: { style: style(newParameter), explode: explode(newParameter) },
        message: `${cap(what)} is now written as style ${style(newParameter)}, explode ${String(explode(newParameter))} (was ${style(oldParameter)}, ${String(explode(oldParameter))}): old clients write it the old way.`,
        member,
        effect: "is serialized another way",
      });
    }
    if (oldParameter.deprecated !== newParameter.deprecated) {
      emit({
        check: newParameter.deprecated ? "request-parameter-deprecated" : "request-parameter-reactivated",
        operation,
        pointer: childPointer(pointer, "deprecated"),
        pointerIn: "new",
        before: oldParameter.deprecated,
        after: newParameter.deprecated,
        message: `${cap(what)} is ${newParameter.deprecated ? "now deprecated" : "no longer deprecated"}.`,
        member,
        effect: newParameter.deprecated ? "is now deprecated" : "is no longer deprecated",
      });
    }
    if (oldParameter.description !== newParameter.description) {
      emit({
        check: "operation-documentation-changed",
        operation,
        pointer: childPointer(pointer, "description"),
        pointerIn: "new",
        before: oldParameter.description,
        after: newParameter.description,
        message: `The description of ${what} changed.`,
      });
    }
    const root: ValueRoot = {
      direction: "request",
      label: what,
      nestedLabel: (path) => `property \`${path}\` of ${what}`,
      member,
      operation,
    };
    compareSchemas(root, parameterSchemaAt(beforeModel, b, oldParameter), parameterSchemaAt(afterModel, a, newParameter), sink);
  }
}

function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((match) => match[1] ?? "");
}

/** Where a parameter is written: the operation's list, else the path item's, following a `$ref` to components. */
function parameterPointer(model: ApiModel, operation: Operation, parameter: Parameter): string {
  const itemPointer = pointerOf(tokensOf(operation.pointer).slice(0, -1));
  for (const listPointer of [childPointer(operation.pointer, "parameters"), childPointer(itemPointer, "parameters")]) {
    const list = resolvePointer(model.document, listPointer);
    if (!Array.isArray(list)) continue;
    for (let index = 0; index < list.length; index++) {
      const found = follow(model.document, list[index], childPointer(listPointer, index));
      if (isObj(found.node) && found.node["name"] === parameter.name && found.node["in"] === parameter.in) return found.pointer;
    }
  }
  return operation.pointer;
}

function parameterSchemaAt(model: ApiModel, operation: Operation, parameter: Parameter): SchemaAt {
  const pointer = parameterPointer(model, operation, parameter);
  const node = resolvePointer(model.document, pointer);
  if (isObj(node) && node["schema"] === undefined && isObj(node["content"])) {
    const [contentType] = Object.keys(node["content"]);
    if (contentType !== undefined) return { document: model.document, schema: parameter.schema, pointer: childPointer(childPointer(childPointer(pointer, "content"), contentType), "schema") };
  }
  return { document: model.document, schema: parameter.schema, pointer: childPointer(pointer, "schema") };
}

/** The node at `pointer`, `$ref`s followed, and where it is written. */
function follow(document: unknown, node: unknown, pointer: string): { node: unknown; pointer: string } {
  let current = node;
  let at = pointer;
  for (let hops = 0; isObj(current) && typeof current["$ref"] === "string" && hops < 64; hops++) {
    const target = pointerOfRef(current["$ref"]);
    if (target === undefined) break;
    at = target;
    current = resolvePointer(document, target);
  }
  return { node: current, pointer: at };
}

// Request bodies

function compareRequestBodies(emit: Emit, sink: (change: WireChange) => void, beforeModel: ApiModel, afterModel: ApiModel, b: Operation, a: Operation): void {
  const operation = pairRef(b, a);
  const oldBody = b.requestBody;
  const newBody = a.requestBody;
  const member: Member = { side: "input", path: ["body"] };
  const newPointer = follow(afterModel.document, resolvePointer(afterModel.document, childPointer(a.pointer, "requestBody")), childPointer(a.pointer, "requestBody")).pointer;
  const oldPointer = follow(beforeModel.document, resolvePointer(beforeModel.document, childPointer(b.pointer, "requestBody")), childPointer(b.pointer, "requestBody")).pointer;
  if (!oldBody && !newBody) return;
  if (!oldBody && newBody) {
    emit({
      check: newBody.required ? "request-body-added-required" : "request-body-added-optional",
      operation,
      pointer: newPointer,
      pointerIn: "new",
      message: newBody.required ? "A required request body was added: old clients send none, so their requests are refused." : "An optional request body was added.",
      member,
      effect: newBody.required ? "was added, required" : "was added (optional)",
    });
    return;
  }
  if (oldBody && !newBody) {
    emit({ check: "request-body-removed", operation, pointer: oldPointer, pointerIn: "old", message: "The request body was removed: old clients still send one, which the API may ignore or refuse.", member, effect: "was removed" });
    return;
  }
  if (!oldBody || !newBody) return;
  if (oldBody.required !== newBody.required) {
    emit({
      check: newBody.required ? "request-body-became-required" : "request-body-became-optional",
      operation,
      pointer: childPointer(newPointer, "required"),
      pointerIn: "new",
      before: oldBody.required,
      after: newBody.required,
      message: newBody.required ? "The request body is now required: old clients that send none are refused." : "The request body is now optional.",
      member,
      effect: newBody.required ? "is now required" : "is now optional",
    });
  }
  if (oldBody.description !== newBody.description) {
    emit({ check: "operation-documentation-changed", operation, pointer: childPointer(newPointer, "description"), pointerIn: "new", before: oldBody.description, after: newBody.description, message: `The description of the request body of \`${a.operationId}\` changed.` });
  }
  const oldSent = preferredMedia(oldBody.content)?.contentType;
  const newSent = preferredMedia(newBody.content)?.contentType;
  const several = oldBody.content.length > 1 || newBody.content.length > 1;
  for (const [oldMedia, newMedia] of pairMedia(oldBody.content, newBody.content)) {
    const contentType = (newMedia ?? oldMedia)!.contentType;
    const mediaMember = contentType === newSent || contentType === oldSent ? member : undefined;
    if (oldMedia && !newMedia) {
      emit({
        check: "request-body-media-type-removed",
        operation,
        pointer: childPointer(childPointer(oldPointer, "content"), contentType),
        pointerIn: "old",
        before: contentType,
        message: `The request body can no longer be sent as \`${contentType}\`${contentType === oldSent ? ", which old clients send" : ""}.`,
        ...(mediaMember ? { member: mediaMember, effect: `is no longer sent as ${contentType}` } : {}),
      });
      continue;
    }
    if (newMedia && !oldMedia) {
      emit({ check: "request-body-media-type-added", operation, pointer: childPointer(childPointer(newPointer, "content"), contentType), pointerIn: "new", after: contentType, message: `The request body can now also be sent as \`${contentType}\`.` });
      continue;
    }
    if (!oldMedia?.schema || !newMedia?.schema) continue;
    const label = several ? `the request body (${contentType})` : "the request body";
    const root: ValueRoot = { direction: "request", label, nestedLabel: (path) => `request property \`${path}\`${several ? ` (${contentType})` : ""}`, operation, ...(mediaMember ? { member: mediaMember } : {}) };
    compareSchemas(root, mediaSchemaAt(beforeModel, oldMedia), mediaSchemaAt(afterModel, newMedia), sink);
  }
}

function pairMedia(before: readonly MediaType[], after: readonly MediaType[]): Array<[MediaType | undefined, MediaType | undefined]> {
  const types = [...new Set([...before.map((media) => media.contentType), ...after.map((media) => media.contentType)])].sort();
  return types.map((type) => [before.find((media) => media.contentType === type), after.find((media) => media.contentType === type)]);
}

function mediaSchemaAt(model: ApiModel, media: MediaType): SchemaAt {
  return { document: model.document, schema: media.schema, pointer: media.schemaPointer ?? "" };
}

// Responses

function isSuccess(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

function compareResponses(emit: Emit, sink: (change: WireChange) => void, beforeModel: ApiModel, afterModel: ApiModel, b: Operation, a: Operation): void {
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
  sink: (change: WireChange) => void,
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

// Security

function compareSecuritySchemes(emit: Emit, before: ApiModel, after: ApiModel): void {
  for (const name of [...new Set([...Object.keys(before.securitySchemes), ...Object.keys(after.securitySchemes)])].sort()) {
    const oldScheme = before.securitySchemes[name];
    const newScheme = after.securitySchemes[name];
    const pointer = childPointer("/components/securitySchemes", name);
    const member: Member = { side: "options", path: ["credentials", name] };
    if (oldScheme && !newScheme) {
      emit({ check: "security-scheme-removed", pointer, pointerIn: "old", before: oldScheme, message: `The security scheme \`${name}\` was removed.`, member, effect: "was removed" });
    } else if (newScheme && !oldScheme) {
      emit({ check: "security-scheme-added", pointer, pointerIn: "new", after: newScheme, message: `The security scheme \`${name}\` was added.`, member, effect: "was added" });
    } else if (oldScheme && newScheme) {
      const wire = (scheme: typeof oldScheme) => {
        const { description: _description, ...rest } = scheme as { description?: string };
        return rest;
      };
      if (!deepEqual(wire(oldScheme), wire(newScheme))) {
        emit({
          check: "security-scheme-changed",
          pointer,
          pointerIn: "new",
          before: wire(oldScheme),
          after: wire(newScheme),
          message: `The security scheme \`${name}\` now sends credentials as ${schemeText(newScheme)} (was ${schemeText(oldScheme)}).`,
          member,
          effect: `is now ${schemeText(newScheme)}`,
        });
      }
    }
  }
}

function schemeText(scheme: ApiModel["securitySchemes"][string]): string {
  if (scheme.type === "http") return `HTTP ${scheme.scheme}`;
  if (scheme.type === "apiKey") return `an API key in the ${scheme.in} \`${scheme.name}\``;
  return scheme.type;
}

function requirementKey(requirement: SecurityRequirement): string {
  return Object.keys(requirement).sort().join(" + ");
}

function requirementText(requirement: SecurityRequirement): string {
  return Object.entries(requirement)
    .map(([scheme, scopes]) => (scopes.length > 0 ? `\`${scheme}\` (${scopes.join(", ")})` : `\`${scheme}\``))
    .join(" and ");
}

function compareSecurity(emit: Emit, beforeModel: ApiModel, afterModel: ApiModel, b: Operation, a: Operation): void {
  const operation = pairRef(b, a);
  const own = (model: ApiModel, op: Operation) => Array.isArray(resolvePointer(model.document, childPointer(op.pointer, "security")));
  const pointer = own(afterModel, a) ? childPointer(a.pointer, "security") : "/security";
  const anonymous = (list: readonly SecurityRequirement[]) => list.length === 0 || list.some((requirement) => Object.keys(requirement).length === 0);
  const emitAt = (input: Omit<WireChangeInput, "operation" | "pointer" | "pointerIn">) => emit({ ...input, operation, pointer, pointerIn: "new" } as WireChangeInput);
  if (anonymous(b.security) && !anonymous(a.security)) {
    emitAt({ check: "api-security-added", before: b.security, after: a.security, message: `\`${a.operationId}\` now requires credentials (${a.security.map(requirementText).join(" or ")}): old clients send none.` });
    return;
  }
  if (!anonymous(b.security) && anonymous(a.security)) {
    emitAt({ check: "api-security-removed", before: b.security, after: a.security, message: `\`${a.operationId}\` no longer requires credentials.` });
    return;
  }
  const oldByKey = new Map(b.security.filter((r) => Object.keys(r).length > 0).map((requirement) => [requirementKey(requirement), requirement]));
  const newByKey = new Map(a.security.filter((r) => Object.keys(r).length > 0).map((requirement) => [requirementKey(requirement), requirement]));
  for (const [key, requirement] of oldByKey) {
    const match = newByKey.get(key);
    if (!match) {
      emitAt({ check: "api-security-requirement-removed", before: requirement, message: `\`${a.operationId}\` no longer accepts ${requirementText(requirement)}: old clients that authenticate that way are refused.` });
      continue;
    }
    for (const scheme of Object.keys(requirement).sort()) {
      const oldScopes = requirement[scheme] ?? [];
      const newScopes = match[scheme] ?? [];
      const added = newScopes.filter((scope) => !oldScopes.includes(scope));
      const removed = oldScopes.filter((scope) => !newScopes.includes(scope));
      if (added.length > 0) emitAt({ check: "api-security-scope-added", before: oldScopes, after: newScopes, message: `\`${a.operationId}\` now needs ${added.map((s) => `\`${s}\``).join(", ")} of \`${scheme}\`: credentials without it are refused.` });
      if (removed.length > 0) emitAt({ check: "api-security-scope-removed", before: oldScopes, after: newScopes, message: `\`${a.operationId}\` no longer needs ${removed.map((s) => `\`${s}\``).join(", ")} of \`${scheme}\`.` });
    }
  }
  for (const [key, requirement] of newByKey) {
    if (!oldByKey.has(key)) emitAt({ check: "api-security-requirement-added", after: requirement, message: `\`${a.operationId}\` now also accepts ${requirementText(requirement)}.` });
  }
}

// Servers

function serversPointer(model: ApiModel, operation: Operation): string {
  if (Array.isArray(resolvePointer(model.document, childPointer(operation.pointer, "servers")))) return childPointer(operation.pointer, "servers");
  const item = pointerOf(tokensOf(operation.pointer).slice(0, -1));
  if (Array.isArray(resolvePointer(model.document, childPointer(item, "servers")))) return childPointer(item, "servers");
  return "/servers";
}

function compareServers(emit: Emit, before: readonly Server[], after: readonly Server[], pointer: string, operation: OperationRef | undefined): void {
  const pairs: Array<[Server | undefined, Server | undefined, number, number]> = [];
  const newLeft = new Set(after.map((_, index) => index));
  const oldLeft: number[] = [];
  before.forEach((server, index) => {
    const match = after.findIndex((candidate, j) => newLeft.has(j) && candidate.url === server.url);
    if (match >= 0) {
      pairs.push([server, after[match], index, match]);
      newLeft.delete(match);
    } else oldLeft.push(index);
  });
  // The first server is the client's default: when its URL changed, that is one server whose URL changed.
  if (oldLeft.includes(0) && newLeft.has(0)) {
    pairs.push([before[0], after[0], 0, 0]);
    oldLeft.splice(oldLeft.indexOf(0), 1);
    newLeft.delete(0);
  }
  for (const index of oldLeft) pairs.push([before[index], undefined, index, -1]);
  for (const index of newLeft) pairs.push([undefined, after[index], -1, index]);
  const on = operation ? { operation } : {};
  for (const [oldServer, newServer, oldIndex, newIndex] of pairs) {
    if (oldServer && !newServer) {
      emit({ check: "server-removed", ...on, pointer: childPointer(pointer, oldIndex), pointerIn: "old", before: oldServer.url, message: `The server \`${oldServer.url}\` was removed.` });
      continue;
    }
    if (newServer && !oldServer) {
      emit({ check: "server-added", ...on, pointer: childPointer(pointer, newIndex), pointerIn: "new", after: newServer.url, message: `The server \`${newServer.url}\` was added.` });
      continue;
    }
    if (!oldServer || !newServer) continue;
    const at = childPointer(pointer, newIndex);
    const isDefault = newIndex === 0 && operation === undefined;
    if (oldServer.url !== newServer.url) {
      emit({
        check: "server-url-changed",
        ...on,
        pointer: childPointer(at, "url"),
        pointerIn: "new",
        before: oldServer.url,
        after: newServer.url,
        message: `The server URL changed from \`${oldServer.url}\` to \`${newServer.url}\`: clients built for the old spec still call the old one unless given a base URL.`,
        ...(isDefault ? { member: { side: "options", path: ["baseUrl"] }, effect: `now defaults to ${newServer.url}` } : {}),
      });
    }
    for (const name of [...new Set([...Object.keys(oldServer.variables), ...Object.keys(newServer.variables)])].sort()) {
      const oldVariable = oldServer.variables[name];
      const newVariable = newServer.variables[name];
      const variablePointer = childPointer(childPointer(at, "variables"), name);
      const member = isDefault ? { member: { side: "options", path: ["serverVariables", name] } as Member } : {};
      if (oldVariable && !newVariable) {
        emit({ check: "server-variable-removed", ...on, pointer: variablePointer, pointerIn: "old", before: oldVariable, message: `The server variable \`${name}\` was removed.`, ...member, effect: "was removed" });
      } else if (newVariable && !oldVariable) {
        emit({ check: "server-variable-added", ...on, pointer: variablePointer, pointerIn: "new", after: newVariable, message: `The server variable \`${name}\` was added (default \`${newVariable.default}\`).`, ...member, effect: "was added" });
      } else if (oldVariable && newVariable) {
        if (oldVariable.default !== newVariable.default) {
          emit({ check: "server-variable-default-changed", ...on, pointer: childPointer(variablePointer, "default"), pointerIn: "new", before: oldVariable.default, after: newVariable.default, message: `The server variable \`${name}\` now defaults to \`${newVariable.default}\` (was \`${oldVariable.default}\`).`, ...member, effect: `now defaults to ${newVariable.default}` });
        }
        const removed = (oldVariable.enum ?? []).filter((value) => newVariable.enum !== undefined && !newVariable.enum.includes(value));
        if (removed.length > 0) {
          emit({ check: "server-variable-enum-value-removed", ...on, pointer: childPointer(variablePointer, "enum"), pointerIn: "new", before: oldVariable.enum, after: newVariable.enum, message: `The server variable \`${name}\` no longer accepts ${removed.map((v) => `\`${v}\``).join(", ")}.`, ...member, effect: `no longer accepts ${removed.join(", ")}` });
        }
      }
    }
  }
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
