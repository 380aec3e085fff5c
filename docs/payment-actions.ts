/**
 * The payment-action vocabulary of `x-payment-actions` (fixed for every spec, see redocly.yaml's
 * `rule/operation-x-payment-actions`), in the order the landing page's table lists it, with the
 * labels a reader sees.
 */
export const PAYMENT_ACTIONS = [
  { id: "capture", label: "Capture" },
  { id: "partial-capture", label: "Partial capture" },
  { id: "void", label: "Void" },
  { id: "refund", label: "Refund" },
  { id: "refund-quote", label: "Refund quote" },
  { id: "collect-balance", label: "Collect outstanding balance" },
  { id: "pay", label: "Pay" },
  { id: "create-payment-collection", label: "Create payment collection" },
  { id: "list-payments", label: "List payments" },
  { id: "retrieve-payment", label: "Retrieve payment" },
  { id: "update-payment", label: "Update payment" },
  { id: "list-refunds", label: "List refunds" },
  { id: "retrieve-refund", label: "Retrieve refund" },
] as const;

export type PaymentAction = (typeof PAYMENT_ACTIONS)[number]["id"];

const KNOWN = new Set<string>(PAYMENT_ACTIONS.map((action) => action.id));

export function isPaymentAction(value: unknown): value is PaymentAction {
  return typeof value === "string" && KNOWN.has(value);
}

export const PAYMENT_ACTION_IDS: readonly string[] = PAYMENT_ACTIONS.map((action) => action.id);
