/**
 * Walking a paged list page by page (`PagingInfo`, from the spec's `x-payspec-paging`), as the Stainless SDKs'
 * auto-pagination does: `for await (const refund of client.getRefunds())` yields every item of every page, asking
 * for the next page number until a page is empty, the last page (`totalPages`) has been read, or a page holds fewer
 * items than the page size. A server that ignores the page parameter (the same items again) stops the walk with an
 * error instead of looping for ever.
 */
import type { ClientCore } from "./core.js";
import { describeOperation, PayspecError } from "./errors.js";
import type { CallInput, OperationInfo, PagePromise, PagingInfo, RequestOptions } from "./operation.js";

/**
 * A paged operation's call (a generated method of an operation with `paging`): awaited, the first page, as
 * `core.call` gives it; walked with `for await`, every item of every page, the first page's answer included rather
 * than asked for twice. A function beside the core, so that a client without paged operations does not bundle it.
 */
export function paginate<Page, Item>(core: ClientCore, operation: OperationInfo, input: CallInput = {}, options: RequestOptions = {}): PagePromise<Page, Item> {
  const paging = operation.paging;
  if (paging === undefined) throw new PayspecError(`${operation.operationId} is not a paged operation.`);
  const first = core.call<Page>(operation, input, options);
  const query = input.query ?? {};
  const fetchPage = (page: number): Promise<unknown> => core.call(operation, { ...input, query: { ...query, [paging.page]: page } }, options);
  const described = describeOperation(operation.operationId, operation.method, operation.path);
  return Object.assign(first, { [Symbol.asyncIterator]: () => walkPages<Item>(paging, query, first, fetchPage, described) });
}

/** The value a JSON pointer reaches in `root` (own properties only), or undefined. */
function resolvePointer(root: unknown, pointer: string): unknown {
  let node = root;
  if (pointer === "") return node;
  for (const raw of pointer.slice(1).split("/")) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

function whole(value: unknown): number | undefined {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) ? number : undefined;
}

/**
 * Every item of every page, starting from `first` (the answer for the page the caller asked for: their `query`
 * value, else the first page). `fetchPage(n)` asks for page `n`.
 */
export async function* walkPages<Item>(
  paging: PagingInfo,
  query: Readonly<Record<string, unknown>>,
  first: Promise<unknown>,
  fetchPage: (page: number) => Promise<unknown>,
  described: string,
): AsyncGenerator<Item, void, undefined> {
  let page = whole(query[paging.page]) ?? paging.firstPage;
  const size = paging.size === undefined ? undefined : (whole(query[paging.size]) ?? paging.defaultSize);
  let body = await first;
  let previous: string | undefined;
  for (;;) {
    const items = resolvePointer(body, paging.items);
    if (!Array.isArray(items)) {
      throw new PayspecError(`${described}: page ${page} has no list of items at ${JSON.stringify(paging.items)}, so the pages cannot be walked.`);
    }
    if (items.length === 0) return;
    const text = JSON.stringify(items);
    if (text === previous) {
      throw new PayspecError(
        `${described}: page ${page} holds the same items as page ${page - 1}; the server seems to ignore "${paging.page}", so the walk stopped.`,
      );
    }
    previous = text;
    yield* items as Item[];
    const total = paging.totalPages === undefined ? undefined : whole(resolvePointer(body, paging.totalPages));
    if (total !== undefined ? page >= paging.firstPage + total - 1 : size !== undefined && items.length < size) return;
    page += 1;
    body = await fetchPage(page);
  }
}
