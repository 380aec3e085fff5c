/**
 * `compareModels`: every wire-level change between two versions of a spec, from the two models `loadSpec` built.
 * Operations are paired by method and path (path parameters' names aside), then by operationId; each pair is compared
 * part by part: requests (compare-requests.ts), responses (compare-responses.ts), security (compare-security.ts),
 * servers (compare-servers.ts), schemas by schema-compare.ts.
 */
import { childPointer } from "../json-pointer.js";
import type { ApiModel, Operation } from "../model.js";
import { pairRef, refOf, wireChange, type WireChange, type WireChangeInput } from "./change.js";
import { compareParameters, compareRequestBodies } from "./compare-requests.js";
import { compareResponses } from "./compare-responses.js";
import { compareSecurity, compareSecuritySchemes } from "./compare-security.js";
import { compareServers, serversPointer } from "./compare-servers.js";
import { deepEqual, verb, type Emit, type Sink } from "./spec-nodes.js";

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

function compareOperation(emit: Emit, sink: Sink, beforeModel: ApiModel, afterModel: ApiModel, b: Operation, a: Operation): void {
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
