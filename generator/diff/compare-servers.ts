/** Servers: the document's (once) and an operation's own, with their variables. */
import { childPointer, pointerOf, resolvePointer, tokensOf } from "../json-pointer.js";
import type { ApiModel, Operation, Server } from "../model.js";
import type { Member, OperationRef } from "./change.js";
import type { Emit } from "./spec-nodes.js";

/** Where an operation's servers are written: its own list, its path item's, else the document's. */
export function serversPointer(model: ApiModel, operation: Operation): string {
  if (Array.isArray(resolvePointer(model.document, childPointer(operation.pointer, "servers")))) return childPointer(operation.pointer, "servers");
  const item = pointerOf(tokensOf(operation.pointer).slice(0, -1));
  if (Array.isArray(resolvePointer(model.document, childPointer(item, "servers")))) return childPointer(item, "servers");
  return "/servers";
}

export function compareServers(emit: Emit, before: readonly Server[], after: readonly Server[], pointer: string, operation: OperationRef | undefined): void {
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
