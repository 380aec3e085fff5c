/** What a wire-level comparison finds: one `WireChange` per change, before the compiler's judgement is added. */
import type { HttpMethod, Operation } from "../model.js";
import { CHECKS, type CheckId, type Level } from "./checks.js";

/** The operation a change belongs to, named as both the spec and the client name it. */
export interface OperationRef {
  readonly operationId: string;
  readonly methodName: string;
  readonly method: HttpMethod;
  readonly path: string;
  /** The method's name in the old client, when it was another. */
  readonly previousMethodName?: string;
}

/**
 * Where a change lands in the generated client's types:
 * - `input`: the method's argument (`input.body.amount`, `input.query.page`);
 * - `response`: what the method resolves to (`response.items[].id`);
 * - `method`: the method itself (removed, renamed);
 * - `options`: the client's constructor options (`options.credentials.bearerAuth`);
 * - `client`: the client class.
 */
export type MemberSide = "input" | "response" | "method" | "options" | "client";

export interface Member {
  readonly side: MemberSide;
  /** Property names, `[]` for array items, `[string]` for a map's values. */
  readonly path: readonly string[];
}

export interface WireChange {
  readonly check: CheckId;
  readonly level: Level;
  readonly operation?: OperationRef;
  /** JSON pointer of what changed: in the new spec, or in the old one when it is gone (`pointerIn`). */
  readonly pointer: string;
  readonly pointerIn: "new" | "old";
  readonly before?: unknown;
  readonly after?: unknown;
  /** The change in a sentence. */
  readonly message: string;
  readonly member?: Member;
  /** Other members the change touches (a path parameter renamed: the old name and the new one). */
  readonly alsoTouches?: readonly Member[];
  /** What happened to the member, to follow its name: `is now required`, `was removed`. */
  readonly effect?: string;
}

export type WireChangeInput = Omit<WireChange, "level"> & { readonly level?: Level };

/** A change with its check's level unless the input says otherwise. */
export function wireChange(input: WireChangeInput): WireChange {
  return { ...input, level: input.level ?? CHECKS[input.check].level };
}

/** `input.body.lines[].quantity`, `input.header["X-Api-Version"]` */
export function memberText(member: Member): string {
  let text: string = member.side;
  for (const segment of member.path) {
    text += segment.startsWith("[") ? segment : /^[A-Za-z_$][\w$]*$/.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
  }
  return text;
}

export function refOf(operation: Operation): OperationRef {
  return { operationId: operation.operationId, methodName: operation.methodName, method: operation.method, path: operation.path };
}

/** A paired operation is named as the new spec names it, with the old method name when it changed. */
export function pairRef(before: Operation, after: Operation): OperationRef {
  return { ...refOf(after), ...(before.methodName !== after.methodName ? { previousMethodName: before.methodName } : {}) };
}
