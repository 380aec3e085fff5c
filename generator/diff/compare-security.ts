/** Security: the schemes of the spec (once), and each operation pair's requirements. */
import { childPointer, resolvePointer } from "../json-pointer.js";
import type { ApiModel, Operation, SecurityRequirement } from "../model.js";
import { pairRef, type Member, type WireChangeInput } from "./change.js";
import { deepEqual, type Emit } from "./spec-nodes.js";

export function compareSecuritySchemes(emit: Emit, before: ApiModel, after: ApiModel): void {
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

export function compareSecurity(emit: Emit, beforeModel: ApiModel, afterModel: ApiModel, b: Operation, a: Operation): void {
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
