/**
 * Finds and launches the Chromium the docs tests drive with playwright-core. No download ever:
 * PAYSPEC_CHROMIUM, else Debian's /usr/bin/chromium (what .ci/run installs), else a browser that
 * playwright itself installed earlier. None found: the test fails with the command that fixes it.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const NO_CHROMIUM_MESSAGE =
  "No Chromium found. Install it with: apt-get install -y chromium (or set PAYSPEC_CHROMIUM=/path/to/chrome)";

export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  candidates: readonly (string | undefined)[] = ["/usr/bin/chromium", safePlaywrightPath()],
): string {
  const fromEnv = env["PAYSPEC_CHROMIUM"];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`PAYSPEC_CHROMIUM=${fromEnv} does not exist. ${NO_CHROMIUM_MESSAGE}`);
    return fromEnv;
  }
  const found = candidates.find((candidate): candidate is string => candidate !== undefined && existsSync(candidate));
  if (!found) throw new Error(NO_CHROMIUM_MESSAGE);
  return found;
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

// Root in a closed network: no sandbox, and none of Chromium's own background traffic.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}
