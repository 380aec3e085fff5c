/**
 * One OpenAPI document -> one standalone Redoc page, by running Redocly's CLI (`redocly build-docs --inlineBundle
 * --template`, with docs/redoc-template.ts): the page carries Redoc's script and the document inline, so it works from
 * file:// with no network.
 *
 * Why the CLI, and why a peer dependency: @redocly/cli 2.x is one package of 15 MB with no dependencies of its own
 * (Redoc 3 and React bundled in), and `build-docs` is its public interface. Redoc's own `redoc` package renders
 * only with React, react-dom, react-router and styled-components beside it: redoc 2.5 with its peers installs 110
 * packages, 82 MB; redoc 3.0.1 does not install from the registry (its @redocly/redoc-opentelemetry ^0.5.1 is not
 * published). The CLI is still 17% on top of the 88 MB the generator needs, for the one command that uses it, so
 * it is an optional peer dependency, as Prism is for `mock`: without it, `payspec docs` says what to install.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { REDOC_TEMPLATE } from "./redoc-template.js";

const run = promisify(execFile);

export const REDOCLY_CLI = "@redocly/cli";
export const REDOCLY_CLI_MISSING =
  `payspec docs renders its pages with Redocly's CLI, which is not installed. Install it beside payspec: npm i -D ${REDOCLY_CLI}@^2`;

/** The CLI's script; `resolve` is the module resolver (a parameter so that a test can stand in a missing package). */
export function redoclyCli(resolve: (specifier: string) => string = createRequire(import.meta.url).resolve): string {
  let packageJson: string;
  try {
    packageJson = resolve(`${REDOCLY_CLI}/package.json`);
  } catch {
    throw new Error(REDOCLY_CLI_MISSING);
  }
  return join(dirname(packageJson), "bin", "cli.js");
}

// Redoc 3's sidebar footer ("API docs by Redocly") loads its logo from Redocly's CDN, with no option
// to turn it off. The same mark, inlined as a data: URI, keeps the attribution and loads nothing.
const REDOCLY_MARK =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="52" height="14" viewBox="0 0 52 14">' +
      '<text x="0" y="11" font-family="system-ui,sans-serif" font-size="11" font-weight="600" fill="#0044d4">Redocly</text></svg>',
  );
const REDOCLY_MARK_SMALL =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="14" height="14" viewBox="0 0 14 14">' +
      '<rect width="14" height="14" rx="3" fill="#0044d4"/><text x="3.5" y="11" font-family="system-ui,sans-serif" ' +
      'font-size="10" font-weight="700" fill="#fff">R</text></svg>',
  );
const REMOTE_ASSETS: ReadonlyMap<string, string> = new Map([
  ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", REDOCLY_MARK],
  ["https://cdn.redoc.ly/redoc/logo-mini.svg", REDOCLY_MARK_SMALL],
]);

// What in an HTML page makes the browser fetch something on load (links a reader clicks do not count).
const REMOTE_LOADS = [
  /<script\b[^>]*\bsrc\s*=\s*["']?https?:/gi,
  /<link\b[^>]*\bhref\s*=\s*["']?https?:/gi,
  /<img\b[^>]*\bsrc\s*=\s*["']?https?:/gi,
  /@import\s+(url\()?["']?https?:/gi,
  /url\(\s*["']?https?:/gi,
  /\bsrc\s*:\s*[`"']https?:/g,
  /import\s*(\{[^}]*\}\s*from\s*)?["']https?:/g,
];

/** Replaces the remote assets Redoc is known to load with inline ones. */
export function inlineRemoteAssets(html: string): string {
  let result = html;
  for (const [url, replacement] of REMOTE_ASSETS) result = result.split(url).join(replacement);
  return result;
}

/** Everything left in the page that would load from the network, as short excerpts. */
export function findRemoteLoads(html: string): string[] {
  const found: string[] = [];
  for (const pattern of REMOTE_LOADS) {
    for (const match of html.matchAll(pattern)) {
      const start = match.index ?? 0;
      found.push(html.slice(start, start + 120).replace(/\s+/g, " "));
    }
  }
  return found;
}

export interface RedocPageOptions {
  /** The OpenAPI document to render (already bundled: local `$ref`s only). */
  readonly document: Readonly<Record<string, unknown>>;
  readonly outFile: string;
  /** Names the document in error messages: the spec file it came from. */
  readonly source: string;
}

/**
 * Redoc CE shows an `x-codeSamples` entry only when its language (its label, else its lang) is in the
 * `codeSamples.languages` option, which by default has no TypeScript: the option lists every language the document's
 * samples use, in the order first met, then Redoc's request payload tab.
 */
export function sampleLanguages(document: Readonly<Record<string, unknown>>): { lang: string }[] {
  const seen = new Map<string, string>();
  const paths = document["paths"];
  for (const item of typeof paths === "object" && paths !== null ? Object.values(paths) : []) {
    for (const operation of typeof item === "object" && item !== null ? Object.values(item) : []) {
      const samples = typeof operation === "object" && operation !== null ? (operation as Record<string, unknown>)["x-codeSamples"] : undefined;
      for (const sample of Array.isArray(samples) ? samples : []) {
        const { label, lang } = (sample ?? {}) as { label?: unknown; lang?: unknown };
        const name = typeof label === "string" && label ? label : typeof lang === "string" ? lang : "";
        if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
      }
    }
  }
  return [...seen.values(), ...(seen.has("payload") ? [] : ["Payload"])].map((lang) => ({ lang }));
}

export async function renderRedocPage({ document, outFile, source }: RedocPageOptions): Promise<void> {
  const cli = redoclyCli();
  // The CLI reads files: the document and the Redoc options (a redocly.yaml, `openapi:` being Redoc's key) go to a
  // folder of their own, where the CLI runs, so that no redocly.yaml of the user's (lint rules, other APIs) applies.
  const folder = await mkdtemp(join(tmpdir(), "payspec-docs-"));
  try {
    const specFile = join(folder, "openapi.json");
    await writeFile(specFile, JSON.stringify(document));
    await writeFile(join(folder, "redocly.yaml"), JSON.stringify({ openapi: { codeSamples: { languages: sampleLanguages(document) } } }, null, 2));
    const template = join(folder, "page.hbs");
    await writeFile(template, REDOC_TEMPLATE);
    const args = [cli, "build-docs", specFile, "--output", outFile, "--inlineBundle", "--template", template];
    try {
      await run(process.execPath, args, {
        cwd: folder,
        // Telemetry off: the CLI would otherwise try to report the run, and the page would send traces.
        env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" },
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      const { stderr, stdout } = error as { stderr?: string; stdout?: string };
      const output = `${stdout ?? ""}\n${stderr ?? ""}`.trim();
      throw new Error(`redocly build-docs failed for ${source}:\n${output}`);
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const html = inlineRemoteAssets(await readFile(outFile, "utf8"));
  // Redoc sends usage traces from the page unless the CLI ran with telemetry off; they may be sent on a
  // timer after load, so a browser test could miss them: check the option the page was built with.
  if (!html.includes('"disableTelemetry":true')) {
    throw new Error(`${outFile} was built with Redoc's page telemetry on; run redocly with REDOCLY_TELEMETRY=off.`);
  }
  const remote = findRemoteLoads(html);
  if (remote.length > 0) {
    throw new Error(
      `${outFile} would load from the network, which the offline docs must not do:\n  ${remote.join("\n  ")}\n` +
        "Inline the asset in docs/render-redoc-page.ts (REMOTE_ASSETS) or docs/redoc-template.ts.",
    );
  }
  await writeFile(outFile, html);
}
