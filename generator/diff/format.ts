/**
 * A `DiffReport` for people and for machines: terminal text, Markdown for a pull-request comment, JSON.
 * Changes are grouped by impact (the worse of the wire-level classification and the compiler's verdict); each says
 * what changed, where in the spec, what it does to the client's code, and whether that code still compiles.
 */
import { CHECK_IDS, CHECKS, LEVELS, type Level } from "./checks.js";
import type { CompilerVerdict } from "./compiler.js";
import { countsText, type Change, type DiffReport } from "./report.js";

export type DiffFormat = "text" | "markdown" | "json";

export const LEVEL_TITLES: Readonly<Record<Level, string>> = {
  breaking: "Breaking",
  "possibly-breaking": "Possibly breaking",
  "non-breaking": "Non-breaking",
  annotation: "Annotations",
};

const LEVEL_WORDS: Readonly<Record<Level, string>> = {
  breaking: "breaking",
  "possibly-breaking": "possibly breaking",
  "non-breaking": "non-breaking",
  annotation: "an annotation",
};

const VERDICT_TEXT: Readonly<Record<CompilerVerdict, string>> = {
  compiles: "compiles",
  "does-not-compile": "does not compile",
  "does-not-compile-where-used": "does not compile where it is used",
};

export function formatReport(report: DiffReport, format: DiffFormat): string {
  return format === "json" ? formatJson(report) : format === "markdown" ? formatMarkdown(report) : formatText(report);
}

function headline(report: DiffReport): string {
  const counts = countsText(report.counts);
  return counts === undefined ? "no changes" : `${counts} change${report.changes.length === 1 ? "" : "s"}`;
}

/** `payForOrders (POST /payments)`, or `the whole API` for document-level changes. */
function operationText(change: Change): string {
  return change.operation ? `${change.operation.operationId} (${change.operation.method.toUpperCase()} ${change.operation.path})` : "the whole API";
}

function valueText(value: unknown): string {
  return JSON.stringify(value) ?? "undefined";
}

/** Values that fit on a line; a whole schema added or removed is better read in the spec, at the pointer. */
function shortValue(value: unknown): boolean {
  return (JSON.stringify(value) ?? "").length <= 80;
}

function valuesText(change: Change): string | undefined {
  const hasBefore = "before" in change && shortValue(change.before);
  const hasAfter = "after" in change && shortValue(change.after);
  if (!hasBefore && !hasAfter) return undefined;
  if (hasBefore && hasAfter) return `${valueText(change.before)} -> ${valueText(change.after)}`;
  return hasBefore ? `was ${valueText(change.before)}` : `now ${valueText(change.after)}`;
}

// Text

export function formatText(report: DiffReport): string {
  const lines = [`${report.name}: ${headline(report)} (${report.beforeLabel} -> ${report.afterLabel})`];
  lines.push(`code written against the old ${report.clientName}: ${compilesSummary(report)}`);
  for (const level of LEVELS) {
    const changes = report.changes.filter((change) => change.impact === level);
    if (changes.length === 0) continue;
    lines.push("", `${LEVEL_TITLES[level].toUpperCase()} (${changes.length})`);
    for (const change of changes) {
      lines.push(`  ${operationText(change)} [${change.check}]`, `    ${change.message}`);
      if (change.clientChange) lines.push(`    your code: ${change.clientChange}`);
      lines.push(`    compiler: ${VERDICT_TEXT[change.compiler.verdict]}${change.compiler.message ? `: ${change.compiler.message}` : ""}`);
      if (change.disagreement) lines.push(`    note: ${change.disagreement}`);
      const values = valuesText(change);
      lines.push(`    at #${change.pointer} (${change.pointerIn} spec)${values ? `: ${values}` : ""}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** `still compiles`, or which operations' code does not. */
function compilesSummary(report: DiffReport): string {
  const broken = report.changes.filter((change) => change.compiler.verdict === "does-not-compile");
  const whereUsed = report.changes.filter((change) => change.compiler.verdict === "does-not-compile-where-used");
  if (broken.length === 0 && whereUsed.length === 0) return "still compiles";
  const members = (changes: readonly Change[]) => [...new Set(changes.map((change) => change.clientMember ?? operationText(change)))];
  const parts: string[] = [];
  if (broken.length > 0) parts.push(`does not compile (${members(broken).join("; ")})`);
  if (whereUsed.length > 0) parts.push(`${broken.length > 0 ? "and does not compile" : "does not compile"} where it uses ${members(whereUsed).join("; ")}`);
  return parts.join(", ");
}

// Markdown

/** Inline code that survives any content: a fence longer than any run of backticks inside. */
function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Text of ours (messages with `code` spans) made safe for Markdown: no raw HTML, no stray table or list syntax. */
function prose(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/[<>&]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&amp;")).replace(/([*_\\[\]|])/g, "\\$1")))
    .join("");
}

export function formatMarkdown(report: DiffReport): string {
  const out: string[] = [`## payspec diff: ${code(report.name)}`, ""];
  out.push(`Compared ${code(report.beforeLabel)} with ${code(report.afterLabel)}: **${headline(report)}**.`, "");
  if (report.changes.length === 0) {
    out.push("Nothing a client can see changed.");
    return `${out.join("\n")}\n`;
  }
  out.push(`Code written against the old ${code(report.clientName)}: **${compilesSummaryMarkdown(report)}**.`, "");
  out.push("| Impact | Changes |", "| --- | --- |");
  for (const level of LEVELS) out.push(`| ${LEVEL_TITLES[level]} | ${report.counts[level]} |`);
  out.push("");
  for (const level of LEVELS) {
    const changes = report.changes.filter((change) => change.impact === level);
    if (changes.length === 0) continue;
    const folded = level === "non-breaking" || level === "annotation";
    if (folded) out.push("<details>", `<summary>${LEVEL_TITLES[level]} (${changes.length})</summary>`, "");
    else out.push(`### ${LEVEL_TITLES[level]} (${changes.length})`, "");
    for (const change of changes) out.push(...markdownChange(change));
    out.push("");
    if (folded) out.push("</details>", "");
  }
  const diagnostics = report.compiler.operations.flatMap((operation) =>
    (["input", "response"] as const)
      .filter((side) => operation[side]?.compiles === false && operation[side]?.diagnostic)
      .map((side) => ({ title: `${report.clientName}.${operation.methodName} (${side})`, text: operation[side]!.diagnostic! })),
  );
  if (report.compiler.options.compiles === false && report.compiler.options.diagnostic) diagnostics.push({ title: `${report.clientName} options`, text: report.compiler.options.diagnostic });
  if (diagnostics.length > 0) {
    out.push("<details>", "<summary>What the TypeScript compiler says</summary>", "");
    for (const diagnostic of diagnostics) out.push(`${code(diagnostic.title)}:`, "", "```text", diagnostic.text.replace(/```/g, "'''"), "```", "");
    out.push("</details>", "");
  }
  return `${out.join("\n")}\n`;
}

function compilesSummaryMarkdown(report: DiffReport): string {
  const broken = report.changes.some((change) => change.compiler.verdict === "does-not-compile");
  const whereUsed = report.changes.some((change) => change.compiler.verdict === "does-not-compile-where-used");
  if (broken) return "does not compile";
  if (whereUsed) return "does not compile where it uses what was removed";
  return "still compiles";
}

function markdownChange(change: Change): string[] {
  const where = change.operation ? `**${code(change.operation.operationId)}** (${code(`${change.operation.method.toUpperCase()} ${change.operation.path}`)})` : "**The whole API**";
  const lines = [`- ${where}: ${prose(change.message)}`];
  if (change.clientChange) {
    const verdict = change.compiler.verdict === "compiles" ? "Compiles." : `**${capitalize(VERDICT_TEXT[change.compiler.verdict])}**: ${prose(change.compiler.message ?? "")}.`;
    const effect = change.clientMember !== undefined && change.clientChange.startsWith(change.clientMember) ? change.clientChange.slice(change.clientMember.length) : "";
    lines.push(`  - Your code: ${code(change.clientMember ?? change.clientChange)}${prose(effect)}. ${verdict}`);
  } else if (change.compiler.verdict !== "compiles") {
    lines.push(`  - Your code: **${capitalize(VERDICT_TEXT[change.compiler.verdict])}**: ${prose(change.compiler.message ?? "")}.`);
  }
  if (change.disagreement) lines.push(`  - Note: ${prose(change.disagreement)}`);
  const shown = [
    ...("before" in change && shortValue(change.before) ? [`was ${code(valueText(change.before))}`] : []),
    ...("after" in change && shortValue(change.after) ? [`now ${code(valueText(change.after))}`] : []),
  ];
  const values = shown.length > 0 ? `: ${shown.join(", ")}` : "";
  lines.push(`  - Where: ${code(`#${change.pointer}`)} in the ${change.pointerIn} spec${values}. Check ${code(change.check)}: ${LEVEL_WORDS[change.classification]} on the wire.`);
  return lines;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// JSON

export function formatJson(report: DiffReport): string {
  const json = {
    spec: report.name,
    client: report.clientName,
    before: report.beforeLabel,
    after: report.afterLabel,
    summary: report.counts,
    changes: report.changes.map((change) => ({
      classification: change.classification,
      impact: change.impact,
      check: change.check,
      why: CHECKS[change.check].sentence,
      operationId: change.operation?.operationId ?? null,
      method: change.operation ? change.operation.method.toUpperCase() : null,
      path: change.operation?.path ?? null,
      pointer: change.pointer,
      pointerIn: change.pointerIn,
      message: change.message,
      ...("before" in change ? { before: change.before } : {}),
      ...("after" in change ? { after: change.after } : {}),
      clientMember: change.clientMember ?? null,
      clientChange: change.clientChange ?? null,
      compiler: { verdict: change.compiler.verdict, compiles: change.compiler.verdict === "compiles", message: change.compiler.message ?? null },
      ...(change.disagreement ? { disagreement: change.disagreement } : {}),
    })),
    compiler: report.compiler,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** The catalogue, for `payspec diff --checks`: one line per check, its id, level and sentence. */
export function formatChecks(): string {
  const width = Math.max(...CHECK_IDS.map((id) => id.length));
  const levelWidth = Math.max(...LEVELS.map((level) => level.length));
  return `${CHECK_IDS.map((id) => `${id.padEnd(width)}  ${CHECKS[id].level.padEnd(levelWidth)}  ${CHECKS[id].sentence}`).join("\n")}\n`;
}
