// Redoc 3 (what `redocly build-docs` 2.x renders) routes by hash: an operation lives at
// `#/<tag slug>/<operationId, lower-cased>`, the tag slug being `slugify(tagName).toLowerCase()`
// with the `slugify` package, which Redoc bundles and calls with its defaults. Using the same
// package gives the same slugs for any tag name ("Payment Collections" -> "payment-collections").
// The browser test (test/docs) follows every such link on the built pages, so a Redoc change fails there.
import slugify from "slugify";

function tagSlug(tagName: string): string {
  const slug = slugify(tagName) || tagName;
  return slug.toLowerCase().replace(/\\/g, "%5C");
}

/** The hash (with its `#`) of an operation inside its Redoc page, e.g. `#/orders/orderscollectpaymentcreate`. */
export function redocOperationAnchor(tagName: string, operationId: string): string {
  return `#/${tagSlug(tagName)}/${operationId.replace(/\\/g, "%5C").toLowerCase()}`;
}

/** The hash of an operation with no tag: Redoc 3 lists those under "other", e.g. `#/other/getstatus`. */
export function redocUntaggedAnchor(operationId: string): string {
  return `#/other/${operationId.replace(/\\/g, "%5C").toLowerCase()}`;
}
