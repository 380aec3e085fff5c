/**
 * The page of test/mock/msw-browser.test.ts (bundled by esbuild): msw's setupWorker with the generated Payments
 * handlers under a relative base URL, driving the generated client. What it finds goes to `window.results`.
 */
import { setupWorker } from "msw/browser";
import { handlers } from "../../../generated/payments/msw.js";
import { AuthenticationError, PaymentsClient, UnprocessableEntityError } from "../../../generated/payments/index.js";

async function run(): Promise<Record<string, unknown>> {
  const worker = setupWorker(...handlers({ baseUrl: "/api" }));
  await worker.start({ serviceWorker: { url: "/mockServiceWorker.js" }, quiet: true, onUnhandledRequest: "error" });
  const baseUrl = `${location.origin}/api`;
  const client = new PaymentsClient({ baseUrl, credentials: { bearerAuth: "browser-test-token" }, maxRetries: 0, validate: { response: true } });
  const results: Record<string, unknown> = {};
  results["retrieved"] = await client.retrievePayment({ path: { payment_id: "p-1" } });
  const unchecked = new PaymentsClient({ baseUrl, credentials: { bearerAuth: "browser-test-token" }, maxRetries: 0, validate: { request: false } });
  try {
    await unchecked.payForOrders({ body: { orders: [7 as unknown as string] } });
  } catch (error) {
    results["badRequest"] = error instanceof UnprocessableEntityError ? { status: error.status, body: error.body } : String(error);
  }
  try {
    await new PaymentsClient({ baseUrl, maxRetries: 0 }).retrievePayment({ path: { payment_id: "p-1" } });
  } catch (error) {
    results["noCredentials"] = error instanceof AuthenticationError ? error.status : String(error);
  }
  worker.resetHandlers(...handlers({ baseUrl: "/api", dynamic: true, seed: 5 }));
  results["dynamic"] = [await client.retrievePayment({ path: { payment_id: "p-1" } }), await client.retrievePayment({ path: { payment_id: "p-1" } })];
  return results;
}

declare global {
  interface Window {
    results?: Record<string, unknown>;
  }
}

run().then(
  (results) => (window.results = results),
  (error: unknown) => (window.results = { error: String((error as Error)?.stack ?? error) }),
);
