/**
 * The payment-action vocabulary of `x-payment-actions`, this project's extension (see redocly.yaml's
 * `rule/operation-x-payment-actions`), in the order the landing page's table lists it, with the labels a reader
 * sees. The table appears only when the specs carry the extension; any other spec gets a plain operations list.
 */
import { specError } from "../generator/errors.js";
import type { ApiModel, Operation } from "../generator/model.js";

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

export const PAYMENT_ACTIONS_EXTENSION = "x-payment-actions";

const KNOWN = new Set<string>(PAYMENT_ACTIONS.map((action) => action.id));

function isPaymentAction(value: unknown): value is PaymentAction {
  return typeof value === "string" && KNOWN.has(value);
}

/**
 * The payment actions an operation declares (none when it has no `x-payment-actions`). A value outside the
 * vocabulary would leave the table wrong: it is a spec error naming the operation.
 */
export function paymentActionsOf(model: ApiModel, operation: Operation): PaymentAction[] {
  const value = operation.extensions[PAYMENT_ACTIONS_EXTENSION];
  if (value === undefined) return [];
  const where = { file: model.file ?? model.name, pointer: `${operation.pointer}/${PAYMENT_ACTIONS_EXTENSION}` };
  const vocabulary = PAYMENT_ACTIONS.map((action) => action.id).join(", ");
  if (!Array.isArray(value)) {
    throw specError({ ...where, message: `operation ${operation.operationId}: ${PAYMENT_ACTIONS_EXTENSION} must be a list`, hint: `e.g. [capture]; one or more of ${vocabulary}` });
  }
  return value.map((action) => {
    if (isPaymentAction(action)) return action;
    throw specError({
      ...where,
      message: `operation ${operation.operationId} (${operation.method.toUpperCase()} ${operation.path}): ${PAYMENT_ACTIONS_EXTENSION} has ${JSON.stringify(action)}, which is not in the vocabulary`,
      hint: `use one of ${vocabulary}, or add the action to docs/payment-actions.ts and redocly.yaml`,
    });
  });
}
