/**
 * The Markdown report read as a person reads a pull-request comment: rendered by a GitHub-flavoured Markdown parser
 * (micromark with its GFM extension, the reference implementation of the GFM spec; raw HTML allowed, as GitHub allows
 * <details>), shown in a real Chromium, and checked by what is on the screen: headings, the table, the sentences,
 * what is folded away. Expected texts are written by hand.
 */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../docs/chromium.js";
import { runDiff, tempFolder } from "./support.js";

const PAYMENTS = path.resolve(import.meta.dirname, "../../specs/payments.yaml");

let folder: Awaited<ReturnType<typeof tempFolder>>;
let browser: Browser;
let page: Page;
let markdown: string;

beforeAll(async () => {
  folder = await tempFolder("payspec-diff-markdown-");
  await mkdir(path.join(folder.dir, "old"));
  await mkdir(path.join(folder.dir, "new"));
  await copyFile(PAYMENTS, path.join(folder.dir, "old", "payments.yaml"));
  // The README's example and two more: `orders` required in the request, `description` gone from the Payment,
  // a new optional request field, and a summary reworded.
  let spec = await readFile(PAYMENTS, "utf8");
  const edit = (from: string, to: string) => {
    if (!spec.includes(from)) throw new Error(`payments.yaml no longer contains ${JSON.stringify(from)}`);
    spec = spec.replace(from, to);
  };
  edit("      additionalProperties: false\n      x-inferred: >-\n        The document states neither", "      additionalProperties: false\n      required: [orders]\n      x-inferred: >-\n        The document states neither");
  edit(
    "        description:\n          type: string\n          description: Some additional description, if desired and supported by payment provider.\n",
    "",
  );
  edit("        payment_date:\n          type: number\n          description: Update payment date, timestamp format.", "        payment_date:\n          type: number\n          description: Update payment date, timestamp format.\n        note:\n          type: string");
  edit("      summary: Retrieve a Payment\n", "      summary: Retrieve one Payment\n");
  await writeFile(path.join(folder.dir, "new", "payments.yaml"), spec);

  const run = await runDiff(["old/payments.yaml", "new/payments.yaml", "--format", "markdown", "--fail-on", "breaking"], folder.dir);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(1);
  markdown = run.stdout;
  const html = micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent(`<!doctype html><html><body><main>${html}</main></body></html>`);
});

afterAll(async () => {
  await browser?.close();
  await folder?.remove();
});

/** The text of an element without its nested lists: the line a reader sees for one list item. */
async function ownText(selector: string): Promise<string[]> {
  return page.$$eval(selector, (items) =>
    items.map((item) => {
      const copy = item.cloneNode(true) as HTMLElement;
      copy.querySelectorAll("ul").forEach((list) => list.remove());
      return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
    }),
  );
}

describe("the Markdown report, rendered as GitHub renders a comment", () => {
  it("opens with a heading, what was compared, and the compiler's verdict", async () => {
    expect(await page.locator("h2").allInnerTexts()).toEqual(["payspec diff: payments"]);
    const paragraphs = (await page.locator("main > p").allInnerTexts()).map((text) => text.trim());
    expect(paragraphs.slice(0, 2)).toEqual([
      "Compared old/payments.yaml with new/payments.yaml: 1 breaking, 4 possibly breaking, 1 non-breaking, 1 annotation changes.",
      "Code written against the old PaymentsClient: does not compile.",
    ]);
  });

  it("counts the changes by impact in a table", async () => {
    const rows = await page.$$eval("table tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("th, td")].map((cell) => (cell.textContent ?? "").trim())));
    expect(rows).toEqual([
      ["Impact", "Changes"],
      ["Breaking", "1"],
      ["Possibly breaking", "4"],
      ["Non-breaking", "1"],
      ["Annotations", "1"],
    ]);
  });

  it("shows breaking and possibly breaking changes, and folds the rest away", async () => {
    expect(await page.locator("h3").allInnerTexts()).toEqual(["Breaking (1)", "Possibly breaking (4)"]);
    expect(await page.locator("details > summary").allInnerTexts()).toEqual(["Non-breaking (1)", "Annotations (1)", "What the TypeScript compiler says"]);
    // Folded: a reader sees only the summaries until they open one.
    expect(await page.getByText("Request property note was added, optional.").isVisible()).toBe(false);
    await page.locator("summary", { hasText: "Non-breaking (1)" }).click();
    expect(await page.getByText("Request property note was added, optional.").isVisible()).toBe(true);
  });

  it("says what changed, what it does to the code, and where, in sentences", async () => {
    const breaking = page.locator("h3:has-text('Breaking (1)') + ul > li");
    expect(await breaking.count()).toBe(1);
    expect(await ownText("h3:has-text('Breaking (1)') + ul > li")).toEqual([
      "payForOrders (POST /payments): Request property orders is now required: old clients that leave it out are refused.",
    ]);
    expect(await ownText("h3:has-text('Breaking (1)') + ul > li > ul > li")).toEqual([
      "Your code: PaymentsClient.payForOrders: input.body.orders is now required. Does not compile: input.body.orders is now required: code that leaves it out no longer compiles.",
      'Where: #/components/schemas/PayForOrdersRequest/required in the new spec: was "optional", now "required". Check request-property-became-required: breaking on the wire.',
    ]);
    expect(await breaking.locator("strong").allInnerTexts()).toEqual(["payForOrders", "Does not compile"]);
    expect(await breaking.locator("code").allInnerTexts()).toContain("#/components/schemas/PayForOrdersRequest/required");

    expect(await ownText("h3:has-text('Possibly breaking (4)') + ul > li")).toEqual([
      "listPayments (GET /payments): Response property [].description (optional) was removed: old clients lose what it carried.",
      "payForOrders (POST /payments): Response property description (optional) was removed: old clients lose what it carried.",
      "retrievePayment (GET /payments/{payment_id}): Response property description (optional) was removed: old clients lose what it carried.",
      "updatePayment (PATCH /payments/{payment_id}): Response property description (optional) was removed: old clients lose what it carried.",
    ]);
    expect((await ownText("h3:has-text('Possibly breaking (4)') + ul > li > ul > li"))[0]).toBe(
      "Your code: PaymentsClient.listPayments: response[].description was removed. Does not compile where it is used: the new type has no response[].description: code that reads it no longer compiles.",
    );
  });

  it("shows no Markdown or HTML syntax to the reader", async () => {
    const visible = await page.$eval("main", (main) => {
      const copy = main.cloneNode(true) as HTMLElement;
      copy.querySelectorAll("pre").forEach((block) => block.remove());
      return copy.textContent ?? "";
    });
    for (const syntax of ["**", "`", "<br", "<details", "</", "| ---", "\\"]) expect(visible).not.toContain(syntax);
  });

  it("keeps TypeScript's own words behind a fold", async () => {
    const diagnostic = page.locator("details:has(summary:has-text('What the TypeScript compiler says')) pre");
    expect(await diagnostic.isVisible()).toBe(false);
    await page.locator("summary", { hasText: "What the TypeScript compiler says" }).click();
    expect(await diagnostic.isVisible()).toBe(true);
    expect(await diagnostic.innerText()).toContain("Property 'orders' is optional in type '{ orders?: string[]; payment_method?: string; }' but required in type '{ orders: string[]; payment_method?: string; }'.");
  });
});
