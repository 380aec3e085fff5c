/**
 * One spec -> one standalone Redoc page, by running the Redocly CLI itself (`redocly build-docs
 * --inlineBundle --template docs/redoc-template.hbs`): the page carries Redoc's script and the
 * bundled spec inline, so it works from file:// with no network.
 */
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
export const REDOC_TEMPLATE = join(here, "redoc-template.hbs");

function redoclyCli(): string {
  const packageJson = createRequire(import.meta.url).resolve("@redocly/cli/package.json");
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
  readonly specFile: string;
  readonly outFile: string;
  /** Folder the CLI runs in: where it finds redocly.yaml. */
  readonly cwd: string;
}

export async function renderRedocPage({ specFile, outFile, cwd }: RedocPageOptions): Promise<void> {
  const args = [redoclyCli(), "build-docs", specFile, "--output", outFile, "--inlineBundle", "--template", REDOC_TEMPLATE];
  try {
    await run(process.execPath, args, {
      cwd,
      // Telemetry off: the CLI would otherwise try to report the run, and the page would send traces.
      env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    const output = `${stdout ?? ""}\n${stderr ?? ""}`.trim();
    throw new Error(`redocly build-docs failed for ${specFile}:\n${output}`);
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
        "Inline the asset in docs/render-redoc-page.ts (REMOTE_ASSETS) or docs/redoc-template.hbs.",
    );
  }
  await writeFile(outFile, html);
}
