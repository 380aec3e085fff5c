import type { Page } from "playwright-core";

export interface PageWatch {
  /** Requests to anything but file:, data:, blob: or 127.0.0.1/localhost: aborted and listed here. */
  readonly offMachineRequests: string[];
  /** console.error messages and uncaught page errors. */
  readonly errors: string[];
}

function isLocal(url: string): boolean {
  if (/^(file|data|blob|about):/.test(url)) return true;
  try {
    const { hostname } = new URL(url);
    return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
  } catch {
    return false;
  }
}

/** Blocks and records every request that would leave the machine, and records every error the page reports. */
export async function watchPage(page: Page): Promise<PageWatch> {
  const watch: PageWatch = { offMachineRequests: [], errors: [] };
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    watch.offMachineRequests.push(url);
    return route.abort("blockedbyclient");
  });
  page.on("console", (message) => {
    if (message.type() === "error") watch.errors.push(`console.error: ${message.text()}`);
  });
  page.on("pageerror", (error) => watch.errors.push(`page error: ${error.message}`));
  return watch;
}
