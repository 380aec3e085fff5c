/** The request side of an operation pair: its parameters and its request body. */
import { childPointer, pointerOf, resolvePointer, tokensOf } from "../json-pointer.js";
import { preferredMedia } from "../emit/operation-types.js";
import type { ApiModel, Operation, Parameter } from "../model.js";
import { pairRef, type Member } from "./change.js";
import { compareSchemas, type SchemaAt, type ValueRoot } from "./schema-compare.js";
import { cap, follow, isObj, mediaSchemaAt, pairMedia, type Emit, type Sink } from "./spec-nodes.js";

const DEFAULT_STYLE: Readonly<Record<Parameter["in"], string>> = { path: "simple", query: "form", header: "simple", cookie: "form" };

function parameterKey(parameter: Parameter): string {
  return `${parameter.in}:${parameter.in === "header" ? parameter.name.toLowerCase() : parameter.name}`;
}

export function compareParameters(emit: Emit, sink: Sink, beforeModel: ApiModel, afterModel: ApiModel, b: Operation, a: Operation): void {
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

export function compareRequestBodies(emit: Emit, sink: Sink, beforeModel: ApiModel, afterModel: ApiModel, b: Operation, a: Operation): void {
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
