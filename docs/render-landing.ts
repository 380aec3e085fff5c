/**
 * The landing page (index.html): static HTML rendered from the API summaries (describe-api.ts). Every text that
 * comes from a spec goes through `escapeHtml`; the page has inline CSS and loads nothing. The payment-action table
 * appears when the specs carry `x-payment-actions`; otherwise each API lists its operations only.
 */
import type { ApiSummary, OperationSummary } from "./describe-api.js";
import { PAYMENT_ACTIONS, PAYMENT_ACTIONS_EXTENSION } from "./payment-actions.js";

/** Marks the index.html this module writes: a folder holding one is a docs site the builder may replace. */
export const SITE_GENERATOR = "payspec docs";

/** The five characters HTML gives meaning to (a dependency for five replacements would not pay for itself). */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Escaped text with Markdown's inline code spans (`x`) shown as code: enough for one-line summaries. */
function inlineText(value: string): string {
  return escapeHtml(value).replace(/`([^`]+)`/g, "<code>$1</code>");
}

/** The first paragraph of a Markdown description, as inline text. */
function firstParagraph(markdown: string): string {
  const paragraph = markdown.trim().split(/\n\s*\n/)[0] ?? "";
  return inlineText(paragraph.replace(/\s*\n\s*/g, " "));
}

const html = String.raw;

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function methodBadge(method: string): string {
  return `<span class="method method-${escapeHtml(method.toLowerCase())}">${escapeHtml(method)}</span>`;
}

function operationLink(operation: OperationSummary): string {
  return `<a class="op-link" href="${escapeHtml(operation.href)}">${methodBadge(operation.method)}<span>${escapeHtml(operation.summary)}</span></a>`;
}

function sectionId(api: ApiSummary): string {
  return `api-${api.name}`;
}

function apiCard(api: ApiSummary): string {
  const versions = api.versions.map((version) => `<span class="chip">${escapeHtml(version.value)}</span>`).join("");
  return html`
      <article class="card">
        <h3><a href="#${escapeHtml(sectionId(api))}">${escapeHtml(api.shortTitle)}</a></h3>
        ${api.title === api.shortTitle ? "" : `<p class="card-sub">${escapeHtml(api.title)}</p>`}
        <div class="chips">${versions}</div>
        <p class="card-meta">${plural(api.operations.length, "operation")} · OpenAPI ${escapeHtml(api.openapi)} · <code>${escapeHtml(api.clientName)}</code></p>
        <a class="button" href="${escapeHtml(api.page)}">API reference →</a>
      </article>`;
}

function actionsTable(apis: readonly ApiSummary[]): string {
  const header = apis.map((api) => `<th scope="col"><a href="${escapeHtml(api.page)}">${escapeHtml(api.shortTitle)}</a></th>`).join("");
  const rows = PAYMENT_ACTIONS.map((action) => {
    const cells = apis
      .map((api) => {
        const operations = api.operations.filter((operation) => operation.actions.includes(action.id));
        if (operations.length === 0) return `<td class="none"><span aria-label="not offered">—</span></td>`;
        return `<td>${operations.map(operationLink).join("")}</td>`;
      })
      .join("");
    return `<tr data-action="${escapeHtml(action.id)}"><th scope="row">${escapeHtml(action.label)}</th>${cells}</tr>`;
  }).join("\n");
  return html`
      <div class="table-wrap">
        <table class="matrix">
          <thead><tr><th scope="col">Action</th>${header}</tr></thead>
          <tbody>
${rows}
          </tbody>
        </table>
      </div>`;
}

function versionsBlock(api: ApiSummary): string {
  if (api.versions.length === 0) return `<p class="muted">No version stated.</p>`;
  return `<ul class="plain">${api.versions
    .map((version) => `<li class="version"><span class="chip">${escapeHtml(version.value)}</span><div class="muted small">${escapeHtml(version.source)}</div></li>`)
    .join("")}</ul>`;
}

function serversBlock(api: ApiSummary): string {
  if (api.servers.length === 0) return `<p class="muted">No server stated.</p>`;
  return api.servers
    .map((server) => {
      const variables = server.variables
        .map(
          (variable) =>
            `<li><code>${escapeHtml(variable.name)}</code> default <code>${escapeHtml(variable.default)}</code>` +
            (variable.enum.length > 0 ? `, one of ${variable.enum.map((value) => `<code>${escapeHtml(value)}</code>`).join(" ")}` : "") +
            (variable.description ? `<div class="muted small">${firstParagraph(variable.description)}</div>` : "") +
            `</li>`,
        )
        .join("");
      return (
        `<div class="server"><code class="url">${escapeHtml(server.url)}</code>` +
        (server.description ? `<div class="muted small">${firstParagraph(server.description)}</div>` : "") +
        (variables ? `<ul class="plain vars">${variables}</ul>` : "") +
        `</div>`
      );
    })
    .join("");
}

function authBlock(api: ApiSummary): string {
  if (api.auth.length === 0) return `<p class="muted">No authentication stated.</p>`;
  return `<ul class="plain">${api.auth
    .map(
      (scheme) =>
        `<li class="auth"><strong>${escapeHtml(scheme.kind)}</strong> <span class="muted">(${escapeHtml(scheme.name)})</span>` +
        (scheme.scopes.length > 0
          ? `<div class="scopes"><span class="muted small">Scopes used:</span> ${scheme.scopes.map((scope) => `<code>${escapeHtml(scope)}</code>`).join(" ")}</div>`
          : "") +
        `</li>`,
    )
    .join("")}</ul>`;
}

function operationsTable(api: ApiSummary, withActions: boolean): string {
  const labels = new Map<string, string>(PAYMENT_ACTIONS.map((action) => [action.id, action.label]));
  const rows = api.operations
    .map((operation) => {
      const actions = operation.actions.map((action) => `<span class="tag">${escapeHtml(labels.get(action) ?? action)}</span>`).join("");
      const versions = operation.versionHeaders
        .map((header) => `<div class="muted small"><code>${escapeHtml(header.name)}: ${escapeHtml(header.value)}</code></div>`)
        .join("");
      const deprecated = operation.deprecated ? `<span class="deprecated">deprecated</span>` : "";
      return html`
            <tr>
              <td>${methodBadge(operation.method)}</td>
              <td><code class="path">${escapeHtml(operation.path)}</code>${versions}</td>
              <td><a href="${escapeHtml(operation.href)}">${escapeHtml(operation.summary)}</a>${deprecated}<div class="muted small"><code>${escapeHtml(operation.operationId)}</code></div></td>
              <td><code class="call">client.${escapeHtml(operation.methodName)}()</code></td>${withActions ? `\n              <td>${actions}</td>` : ""}
            </tr>`;
    })
    .join("");
  return html`
        <div class="table-wrap">
          <table class="ops">
            <thead><tr><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Operation</th><th scope="col">Client method</th>${withActions ? `<th scope="col">Payment actions</th>` : ""}</tr></thead>
            <tbody>${rows}
            </tbody>
          </table>
        </div>`;
}

function apiSection(api: ApiSummary, withActions: boolean): string {
  return html`
    <section class="api" id="${escapeHtml(sectionId(api))}">
      <header class="api-head">
        <div>
          <h2>${escapeHtml(api.title)}</h2>
          <p class="lead">${firstParagraph(api.description)}</p>
        </div>
        <a class="button" href="${escapeHtml(api.page)}">Open API reference →</a>
      </header>
      <div class="facts">
        <div class="fact"><h4>API versions</h4>${versionsBlock(api)}</div>
        <div class="fact"><h4>Servers</h4>${serversBlock(api)}</div>
        <div class="fact"><h4>Authentication</h4>${authBlock(api)}</div>
      </div>
      <h3 class="ops-title">Operations</h3>${operationsTable(api, withActions)}
    </section>`;
}

const STYLE = `
:root { --ink:#0f172a; --muted:#64748b; --line:#e2e8f0; --bg:#f8fafc; --card:#fff; --accent:#4338ca; --accent-soft:#eef2ff; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif; color:var(--ink); background:var(--bg); }
a { color:var(--accent); text-decoration:none; } a:hover { text-decoration:underline; }
code { font-family: ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace; font-size:.86em; background:#f1f5f9; padding:.1em .35em; border-radius:4px; }
.topbar { background:#0b1020; color:#e2e8f0; }
.topbar .inner { display:flex; align-items:center; gap:28px; height:56px; }
.brand { font-weight:700; font-size:18px; color:#fff; letter-spacing:-.01em; }
.brand span { color:#a5b4fc; }
.topbar nav a { color:#cbd5e1; margin-right:20px; font-size:14px; }
.inner { max-width:1180px; margin:0 auto; padding:0 28px; }
.hero { background:linear-gradient(180deg,#0b1020 0%,#1e1b4b 100%); color:#fff; padding:56px 0 64px; }
.hero h1 { font-size:40px; line-height:1.15; margin:0 0 14px; letter-spacing:-.02em; }
.hero p { color:#c7d2fe; max-width:720px; font-size:17px; margin:0; }
.stats { display:flex; gap:36px; margin-top:30px; }
.stat b { display:block; font-size:28px; color:#fff; }
.stat span { color:#a5b4fc; font-size:13px; text-transform:uppercase; letter-spacing:.06em; }
.cards { display:grid; grid-template-columns:repeat(auto-fill,minmax(250px,1fr)); gap:18px; margin-top:-36px; }
.card { background:var(--card); border:1px solid var(--line); border-radius:12px; padding:20px; box-shadow:0 8px 24px rgba(15,23,42,.08); display:flex; flex-direction:column; }
.card h3 { margin:0 0 10px; font-size:17px; } .card-sub + .chips { margin-top:0; } .card h3 a { color:var(--ink); }
.card-sub { color:var(--muted); font-size:13px; margin:-6px 0 12px; }
.card-meta { color:var(--muted); font-size:13px; margin:12px 0 16px; flex:1; }
.chips { display:flex; flex-wrap:wrap; gap:6px; }
.chip { display:inline-block; background:var(--accent-soft); color:var(--accent); border-radius:999px; padding:1px 10px; font-size:12px; font-weight:600; font-family:ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace; }
.button { display:inline-block; align-self:flex-start; background:var(--accent); color:#fff; padding:7px 14px; border-radius:8px; font-size:14px; font-weight:600; white-space:nowrap; }
.button:hover { background:#3730a3; text-decoration:none; }
main section { margin:56px 0; }
h2 { font-size:26px; letter-spacing:-.01em; margin:0 0 6px; }
.section-lead { color:var(--muted); margin:0 0 18px; max-width:760px; }
.table-wrap { overflow-x:auto; background:var(--card); border:1px solid var(--line); border-radius:12px; }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; vertical-align:middle; padding:10px 14px; border-bottom:1px solid var(--line); }
tbody tr:last-child th, tbody tr:last-child td { border-bottom:none; }
thead th { background:#f1f5f9; font-size:12px; text-transform:uppercase; letter-spacing:.05em; color:#475569; }
.matrix { table-layout:fixed; min-width:760px; } .matrix thead th:first-child { width:230px; }
.matrix tbody th { font-weight:600; }
.matrix tbody tr:nth-child(even) { background:#fbfcfe; }
.matrix td.none { color:#cbd5e1; text-align:center; }
.op-link { display:flex; align-items:center; gap:8px; padding:2px 0; font-size:14px; }
.method { display:inline-block; min-width:52px; text-align:center; font:700 11px/1.9 ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace; border-radius:5px; color:#fff; padding:0 6px; }
.method-get { background:#059669; } .method-post { background:#2563eb; } .method-put,.method-patch { background:#d97706; } .method-delete { background:#dc2626; }
.method-head,.method-options,.method-trace { background:#64748b; }
.api { background:var(--card); border:1px solid var(--line); border-radius:14px; padding:28px; }
.api-head { display:flex; justify-content:space-between; gap:24px; align-items:flex-start; }
.api-head .lead { color:#334155; margin:6px 0 0; max-width:760px; }
.facts { display:grid; grid-template-columns:1fr 1.4fr 1.2fr; gap:18px; margin:24px 0; }
.fact { background:var(--bg); border:1px solid var(--line); border-radius:10px; padding:14px 16px; min-width:0; }
.fact h4 { margin:0 0 8px; font-size:12px; text-transform:uppercase; letter-spacing:.06em; color:#475569; }
.plain { list-style:none; padding:0; margin:0; } .plain li { margin:4px 0; } .plain li.version + li.version { margin-top:10px; }
.vars { margin-top:8px; font-size:13px; } .vars .muted { margin-top:2px; } .url { overflow-wrap:anywhere; }
.server + .server { margin-top:10px; }
.muted { color:var(--muted); } .small { font-size:12.5px; }
.scopes { margin-top:6px; display:flex; flex-wrap:wrap; gap:4px; align-items:center; }
.ops-title { font-size:15px; margin:0 0 10px; }
.ops .path { background:none; padding:0; font-size:13.5px; }
.ops .call { background:none; padding:0; font-size:13px; color:#334155; }
.deprecated { color:#b45309; font-size:12px; margin-left:6px; }
.tag { display:inline-block; background:#ecfdf5; color:#047857; border-radius:6px; padding:1px 8px; font-size:12px; margin:2px 4px 2px 0; white-space:nowrap; }
footer { color:var(--muted); font-size:13px; padding:28px 0 48px; border-top:1px solid var(--line); }
@media (max-width: 860px) { .matrix thead th:first-child { width:150px; } .facts { grid-template-columns:1fr; } .api-head { flex-direction:column; } .hero h1 { font-size:30px; } }
`;

export interface LandingPageInput {
  readonly apis: readonly ApiSummary[];
  /** The page's heading and title; by default "Payment API reference" when the specs carry payment actions, else "API reference". */
  readonly title?: string;
  /** Spec files the site was built from, as the user named them, for the footer. */
  readonly sources: readonly string[];
}

export function renderLandingPage({ apis, sources, title }: LandingPageInput): string {
  const operationCount = apis.reduce((sum, api) => sum + api.operations.length, 0);
  const withActions = apis.some((api) => api.operations.some((operation) => operation.actions.length > 0));
  const covered = PAYMENT_ACTIONS.filter((action) => apis.some((api) => api.operations.some((operation) => operation.actions.includes(action.id)))).length;
  const heading = title ?? (withActions ? "Payment API reference" : "API reference");
  const actionsStat = withActions ? `\n      <div class="stat"><b>${covered}/${PAYMENT_ACTIONS.length}</b><span>Payment actions covered</span></div>` : "";
  const actionsNav = withActions ? `<a href="#payment-actions">Payment actions</a>` : "";
  const actionsSection = withActions
    ? html`

    <section id="payment-actions">
      <h2>Payment actions across APIs</h2>
      <p class="section-lead">Which API offers each payment action, and through which operation. Read from each operation's <code>${PAYMENT_ACTIONS_EXTENSION}</code>; a dash means the API's spec has no such operation.</p>${actionsTable(apis)}
    </section>`
    : "";
  return html`<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <meta name="generator" content="${SITE_GENERATOR}" />
  <title>${escapeHtml(heading)}</title>
  <meta name="description" content="${escapeHtml(apis.map((api) => api.shortTitle).join(", "))}: versions, servers, authentication, and every operation with its typed TypeScript client call." />
  <link rel="icon" href="data:," />
  <style>${STYLE}</style>
</head>
<body>
  <div class="topbar"><div class="inner">
    <span class="brand">pay<span>spec</span></span>
    <nav><a href="#apis">APIs</a>${actionsNav}<a href="#operations">Operations</a></nav>
  </div></div>
  <header class="hero"><div class="inner">
    <h1>${escapeHtml(heading)}</h1>
    <p>${plural(apis.length, "API")} described in OpenAPI: how to reach each one, how it authenticates, and how to call every operation with its generated TypeScript client.</p>
    <div class="stats">
      <div class="stat"><b>${apis.length}</b><span>APIs</span></div>
      <div class="stat"><b>${operationCount}</b><span>Operations</span></div>${actionsStat}
    </div>
  </div></header>
  <main class="inner">
    <div class="cards" id="apis">${apis.map(apiCard).join("")}
    </div>${actionsSection}

    <div id="operations">${apis.map((api) => apiSection(api, withActions)).join("\n")}
    </div>
  </main>
  <footer><div class="inner">Generated by <code>payspec docs</code> from ${sources.map((source) => `<code>${escapeHtml(source)}</code>`).join(", ")}. API references rendered with Redocly.</div></footer>
</body>
</html>
`;
}
