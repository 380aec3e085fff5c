/**
 * `diffModels`: the report on two versions of a spec. The wire-level changes (compare.ts) and the compiler's findings
 * on the two generated clients (compiler.ts) are joined by the client member they touch; each change keeps its
 * wire-level classification, and gets the compiler's verdict and an impact, the worse of the two. The compiler has
 * the last word on "compiles": a change is never reported as compatible when code written against the old client no
 * longer compiles, and where the two disagree the change says so.
 */
import type { SpecProblem } from "../errors.js";
import type { ApiModel } from "../model.js";
import { generateFromModel } from "../pipeline.js";
import { CHECKS, LEVELS, worseLevel, type CheckId, type Level } from "./checks.js";
import { memberText, refOf, type Member, type OperationRef, type WireChange } from "./change.js";
import { compareModels, pairOperations } from "./compare.js";
import { judgeWithCompiler, type CompilerFinding, type CompilerVerdict, type SideVerdict } from "./compiler.js";

export interface Change {
  readonly check: CheckId;
  /** The wire-level classification, from the side of a client built for the old spec. */
  readonly classification: Level;
  /** The worse of the classification and what the compiler finds: what the summary counts and `--fail-on` acts on. */
  readonly impact: Level;
  readonly operation?: OperationRef;
  readonly pointer: string;
  /** Which version of the spec `pointer` is in: the new one, or the old one for something removed. */
  readonly pointerIn: "new" | "old";
  readonly before?: unknown;
  readonly after?: unknown;
  readonly message: string;
  /** The client member the change touches, e.g. `PaymentsClient.payForOrders: input.body.orders`. */
  readonly clientMember?: string;
  /** The member and what happened to it: `PaymentsClient.payForOrders: input.body.orders is now required`. */
  readonly clientChange?: string;
  readonly compiler: { readonly verdict: CompilerVerdict; readonly message?: string };
  /** Set when the wire-level classification and the compiler disagree, saying how. */
  readonly disagreement?: string;
}

export interface OperationVerdict {
  readonly operationId: string;
  readonly methodName: string;
  readonly input?: SideVerdict;
  readonly response?: SideVerdict;
  readonly method?: SideVerdict;
}

export interface DiffReport {
  /** The spec's name, e.g. `payments`. */
  readonly name: string;
  readonly clientName: string;
  /** What was compared, for people: `HEAD:specs/payments.yaml`, `specs/payments.yaml`. */
  readonly beforeLabel: string;
  readonly afterLabel: string;
  readonly changes: readonly Change[];
  /** Changes by impact. */
  readonly counts: Readonly<Record<Level, number>>;
  /** The compiler's answer per operation present in both versions, and for the constructor options. */
  readonly compiler: { readonly operations: readonly OperationVerdict[]; readonly options: SideVerdict };
  /** What the loader accepted with an assumption, in either version (`ApiModel.warnings`). */
  readonly warnings: readonly SpecProblem[];
}

export interface DiffOptions {
  readonly beforeLabel: string;
  readonly afterLabel: string;
}

export async function diffModels(before: ApiModel, after: ApiModel, options: DiffOptions): Promise<DiffReport> {
  // Each client with its own copy of the runtime (the default), so that every type it uses is there to compile.
  const [beforeFiles, afterFiles] = await Promise.all([generateFromModel(before), generateFromModel(after)]);
  const wire = compareModels(before, after);
  const pairs = pairOperations(before.operations, after.operations).map(([oldOp, newOp]) => ({
    operationId: (newOp ?? oldOp)!.operationId,
    ...(oldOp ? { before: oldOp.methodName } : {}),
    ...(newOp ? { after: newOp.methodName } : {}),
  }));
  const judgement = judgeWithCompiler({ files: beforeFiles, clientName: before.clientName }, { files: afterFiles, clientName: after.clientName }, pairs);

  const names = { before: before.clientName, after: after.clientName };
  const changes = wire.map((change) => joined(change, judgement.findings, names));
  // What the compiler finds that no wire-level change explains is reported too: never silently compatible.
  const explained = new Set<CompilerFinding>();
  for (const change of wire) for (const finding of judgement.findings) if (overlaps(change, finding)) explained.add(finding);
  for (const finding of judgement.findings) {
    if (explained.has(finding)) continue;
    const operation = after.operations.find((op) => op.operationId === finding.operationId) ?? before.operations.find((op) => op.operationId === finding.operationId);
    changes.push(
      joined(
        {
          check: "client-type-incompatible",
          level: CHECKS["client-type-incompatible"].level,
          ...(operation ? { operation: refOf(operation) } : {}),
          pointer: operation?.pointer ?? "",
          pointerIn: "new",
          message: `The compiler finds ${finding.message}.`,
          member: finding.member,
        },
        [finding],
        names,
      ),
    );
  }

  const counts = Object.fromEntries(LEVELS.map((level) => [level, changes.filter((change) => change.impact === level).length])) as Record<Level, number>;
  const operations: OperationVerdict[] = [];
  for (const [operationId, verdicts] of judgement.operations) {
    const operation = after.operations.find((op) => op.operationId === operationId) ?? before.operations.find((op) => op.operationId === operationId);
    operations.push({ operationId, methodName: operation?.methodName ?? operationId, ...verdicts });
  }
  return {
    name: after.name,
    clientName: after.clientName,
    beforeLabel: options.beforeLabel,
    afterLabel: options.afterLabel,
    changes: sortChanges(changes),
    counts,
    compiler: { operations, options: judgement.options },
    warnings: [...before.warnings, ...after.warnings],
  };
}

/** The change touches the member the finding is about, or one inside it, or one it is inside. */
function overlaps(change: WireChange, finding: CompilerFinding): boolean {
  const members = [...(change.member ? [change.member] : []), ...(change.alsoTouches ?? [])];
  return members.some((member) => {
    if (member.side !== finding.member.side) return false;
    if (member.side !== "options" && member.side !== "client" && change.operation?.operationId !== finding.operationId) return false;
    const [shorter, longer] = member.path.length <= finding.member.path.length ? [member.path, finding.member.path] : [finding.member.path, member.path];
    return shorter.every((segment, index) => segment === longer[index]);
  });
}

const VERDICT_ORDER: readonly CompilerVerdict[] = ["does-not-compile", "does-not-compile-where-used", "compiles"];

/** The client's class name in each version: code written against the old one names the old class. */
interface ClientNames {
  readonly before: string;
  readonly after: string;
}

function joined(change: WireChange, findings: readonly CompilerFinding[], names: ClientNames): Change {
  const matching = findings.filter((finding) => overlaps(change, finding)).sort((a, b) => VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict));
  const worst = matching[0];
  const verdict: CompilerVerdict = worst?.verdict ?? "compiles";
  const compilerLevel: Level = verdict === "does-not-compile" ? "breaking" : verdict === "does-not-compile-where-used" ? "possibly-breaking" : "annotation";
  const impact = worseLevel(change.level, compilerLevel);
  const clientMember = change.member ? memberLabel(names, change.operation, change.member) : undefined;
  const disagreement = disagreementOf(change, verdict, worst?.message);
  return {
    check: change.check,
    classification: change.level,
    impact,
    ...(change.operation ? { operation: change.operation } : {}),
    pointer: change.pointer,
    pointerIn: change.pointerIn,
    ...("before" in change ? { before: change.before } : {}),
    ...("after" in change ? { after: change.after } : {}),
    message: change.message,
    ...(clientMember !== undefined ? { clientMember, clientChange: change.effect !== undefined ? `${clientMember} ${change.effect}` : clientMember } : {}),
    compiler: { verdict, ...(worst ? { message: worst.message } : {}) },
    ...(disagreement !== undefined ? { disagreement } : {}),
  };
}

function disagreementOf(change: WireChange, verdict: CompilerVerdict, message: string | undefined): string | undefined {
  if (change.check === "client-type-incompatible") return undefined;
  const wireHarmless = change.level === "non-breaking" || change.level === "annotation";
  if (wireHarmless && verdict !== "compiles") {
    return `On the wire this is ${change.level}, but the compiler disagrees: ${message ?? "code written against the old client no longer compiles"}.`;
  }
  if (!wireHarmless && verdict === "compiles" && change.member && (change.member.side === "input" || change.member.side === "response")) {
    return `Code written against the old client still compiles: the types do not show this change, so only running it shows the ${change.level === "breaking" ? "break" : "difference"}.`;
  }
  return undefined;
}

/** `PaymentsClient.payForOrders: input.body.orders`, `PaymentsClient: options.baseUrl`, `PaymentsClient.listPayments`. */
function memberLabel(names: ClientNames, operation: OperationRef | undefined, member: Member): string {
  if (member.side === "client") return names.before;
  const clientName = names.after;
  if (member.side === "options") return `${clientName}: ${memberText(member)}`;
  const method = operation ? `${clientName}.${operation.previousMethodName ?? operation.methodName}` : clientName;
  if (member.side === "method") return method;
  return `${method}: ${memberText(member)}`;
}

function sortChanges(changes: readonly Change[]): Change[] {
  const key = (change: Change) => [LEVELS.indexOf(change.impact), change.operation?.operationId ?? "", change.pointer, change.check] as const;
  return [...changes].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let index = 0; index < ka.length; index++) {
      if (ka[index]! < kb[index]!) return -1;
      if (ka[index]! > kb[index]!) return 1;
    }
    return 0;
  });
}

/** `2 breaking, 1 possibly breaking, 3 non-breaking` (zero counts left out), or undefined when nothing changed. */
export function countsText(counts: Readonly<Record<Level, number>>): string | undefined {
  const words: Record<Level, string> = { breaking: "breaking", "possibly-breaking": "possibly breaking", "non-breaking": "non-breaking", annotation: "annotation" };
  const parts = (Object.keys(words) as Level[]).filter((level) => counts[level] > 0).map((level) => `${counts[level]} ${words[level]}`);
  return parts.length === 0 ? undefined : parts.join(", ");
}
