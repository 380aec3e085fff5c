export interface paths {
    "/admin/payment-collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create Payment Collection
         * @description Create a payment collection.
         */
        post: operations["createPaymentCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A capture of (part of) a payment. */
        Capture: {
            amount?: number;
            /** Format: date-time */
            created_at?: string;
            created_by?: string;
            id?: string;
            payment?: components["schemas"]["Payment"];
        };
        /** @description The payment collection to create. */
        CreatePaymentCollectionRequest: {
            amount?: number;
            order_id: string;
        };
        /** @description A payment authorized through a payment session, with its captures and refunds. */
        Payment: {
            amount?: number;
            authorized_amount?: number;
            /** Format: date-time */
            canceled_at?: string;
            captured_amount?: number;
            /** Format: date-time */
            captured_at?: string;
            captures?: components["schemas"]["Capture"][];
            /** Format: date-time */
            created_at?: string;
            currency_code?: string;
            data?: Record<string, unknown>;
            id?: string;
            payment_collection?: components["schemas"]["PaymentCollection"];
            payment_session?: components["schemas"]["PaymentSession"];
            provider_id?: string;
            refunded_amount?: number;
            refunds?: components["schemas"]["Refund"][];
            /** Format: date-time */
            updated_at?: string;
        };
        /** @description A payment collection, the amount to be paid and the sessions and payments made towards it. */
        PaymentCollection: {
            amount?: number;
            authorized_amount?: number;
            captured_amount?: number;
            /** Format: date-time */
            completed_at?: string;
            /** Format: date-time */
            created_at?: string;
            currency_code?: string;
            id?: string;
            metadata?: Record<string, unknown>;
            payment_providers?: components["schemas"]["PaymentProvider"][];
            payment_sessions?: components["schemas"]["PaymentSession"][];
            payments?: components["schemas"]["Payment"][];
            refunded_amount?: number;
            status?: string;
            /** Format: date-time */
            updated_at?: string;
        };
        /** @description The payment collection's details. */
        PaymentCollectionResponse: {
            payment_collection?: components["schemas"]["PaymentCollection"];
        };
        /** @description A payment provider available to a payment collection. */
        PaymentProvider: {
            id?: string;
            is_enabled?: boolean;
        };
        /** @description A payment session opened with a provider for a payment collection. */
        PaymentSession: {
            amount?: number;
            /** Format: date-time */
            authorized_at?: string;
            context?: components["schemas"]["PaymentSessionContext"];
            currency_code?: string;
            data?: Record<string, unknown>;
            id?: string;
            payment?: components["schemas"]["Payment"];
            payment_collection?: components["schemas"]["PaymentCollection"];
            provider_id?: string;
            status?: string;
        };
        /** @description The context a payment session was created in. */
        PaymentSessionContext: {
            customer?: {
                id?: string;
            };
        };
        /** @description A refund of (part of) a payment. */
        Refund: {
            amount?: number;
            /** Format: date-time */
            created_at?: string;
            created_by?: string;
            id?: string;
            note?: string;
            payment?: components["schemas"]["Payment"];
            refund_reason?: components["schemas"]["RefundReason"];
            refund_reason_id?: string;
        };
        /** @description A reason a refund was made. */
        RefundReason: {
            /** Format: date-time */
            created_at?: string;
            description?: string;
            id?: string;
            label?: string;
            metadata?: Record<string, unknown>;
            /** Format: date-time */
            updated_at?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createPaymentCollection: {
        parameters: {
            query?: {
                /** @description The fields to return. Prefixed with `+`, a field is added to the default fields; prefixed with `-`, it is removed from the default fields. Without prefix, the given fields replace the entire default fields. */
                fields?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "amount": 0,
                 *       "order_id": "string"
                 *     }
                 */
                "application/json": components["schemas"]["CreatePaymentCollectionRequest"];
            };
        };
        responses: {
            /** @description The created payment collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "payment_collection": {
                     *         "amount": 0,
                     *         "authorized_amount": 0,
                     *         "captured_amount": 0,
                     *         "completed_at": "2019-08-24T14:15:22Z",
                     *         "created_at": "2019-08-24T14:15:22Z",
                     *         "currency_code": "string",
                     *         "id": "string",
                     *         "metadata": {},
                     *         "payment_providers": [
                     *           {
                     *             "id": "string",
                     *             "is_enabled": true
                     *           }
                     *         ],
                     *         "payment_sessions": [
                     *           {
                     *             "amount": 0,
                     *             "authorized_at": "2019-08-24T14:15:22Z",
                     *             "context": {
                     *               "customer": {
                     *                 "id": "cus_123"
                     *               }
                     *             },
                     *             "currency_code": "usd",
                     *             "data": {},
                     *             "id": "string",
                     *             "payment": {
                     *               "amount": 0,
                     *               "authorized_amount": 0,
                     *               "canceled_at": "2019-08-24T14:15:22Z",
                     *               "captured_amount": 0,
                     *               "captured_at": "2019-08-24T14:15:22Z",
                     *               "captures": [
                     *                 {
                     *                   "amount": 0,
                     *                   "created_at": "2019-08-24T14:15:22Z",
                     *                   "created_by": "string",
                     *                   "id": "string",
                     *                   "payment": {}
                     *                 }
                     *               ],
                     *               "created_at": "2019-08-24T14:15:22Z",
                     *               "currency_code": "string",
                     *               "data": {},
                     *               "id": "string",
                     *               "payment_collection": {},
                     *               "payment_session": {},
                     *               "provider_id": "string",
                     *               "refunded_amount": 0,
                     *               "refunds": [
                     *                 {
                     *                   "amount": 0,
                     *                   "created_at": "2019-08-24T14:15:22Z",
                     *                   "created_by": "string",
                     *                   "id": "string",
                     *                   "note": "string",
                     *                   "payment": {},
                     *                   "refund_reason": {
                     *                     "created_at": "2019-08-24T14:15:22Z",
                     *                     "description": "string",
                     *                     "id": "string",
                     *                     "label": "string",
                     *                     "metadata": {},
                     *                     "updated_at": "2019-08-24T14:15:22Z"
                     *                   },
                     *                   "refund_reason_id": "string"
                     *                 }
                     *               ],
                     *               "updated_at": "2019-08-24T14:15:22Z"
                     *             },
                     *             "payment_collection": {},
                     *             "provider_id": "string",
                     *             "status": "authorized"
                     *           }
                     *         ],
                     *         "payments": [
                     *           {
                     *             "amount": 0,
                     *             "authorized_amount": 0,
                     *             "canceled_at": "2019-08-24T14:15:22Z",
                     *             "captured_amount": 0,
                     *             "captured_at": "2019-08-24T14:15:22Z",
                     *             "captures": [
                     *               {
                     *                 "amount": 0,
                     *                 "created_at": "2019-08-24T14:15:22Z",
                     *                 "created_by": "string",
                     *                 "id": "string",
                     *                 "payment": {}
                     *               }
                     *             ],
                     *             "created_at": "2019-08-24T14:15:22Z",
                     *             "currency_code": "string",
                     *             "data": {},
                     *             "id": "string",
                     *             "payment_collection": {},
                     *             "payment_session": {
                     *               "amount": 0,
                     *               "authorized_at": "2019-08-24T14:15:22Z",
                     *               "context": {
                     *                 "customer": {
                     *                   "id": "cus_123"
                     *                 }
                     *               },
                     *               "currency_code": "usd",
                     *               "data": {},
                     *               "id": "string",
                     *               "payment": {
                     *                 "amount": 0,
                     *                 "authorized_amount": 0,
                     *                 "canceled_at": "2019-08-24T14:15:22Z",
                     *                 "captured_amount": 0,
                     *                 "captured_at": "2019-08-24T14:15:22Z",
                     *                 "captures": [
                     *                   {
                     *                     "amount": 0,
                     *                     "created_at": "2019-08-24T14:15:22Z",
                     *                     "created_by": "string",
                     *                     "id": "string",
                     *                     "payment": {}
                     *                   }
                     *                 ],
                     *                 "created_at": "2019-08-24T14:15:22Z",
                     *                 "currency_code": "string",
                     *                 "data": {},
                     *                 "id": "string",
                     *                 "payment_collection": {},
                     *                 "payment_session": {},
                     *                 "provider_id": "string",
                     *                 "refunded_amount": 0,
                     *                 "refunds": [
                     *                   {
                     *                     "amount": 0,
                     *                     "created_at": "2019-08-24T14:15:22Z",
                     *                     "created_by": "string",
                     *                     "id": "string",
                     *                     "note": "string",
                     *                     "payment": {},
                     *                     "refund_reason": {
                     *                       "created_at": "2019-08-24T14:15:22Z",
                     *                       "description": "string",
                     *                       "id": "string",
                     *                       "label": "string",
                     *                       "metadata": {},
                     *                       "updated_at": "2019-08-24T14:15:22Z"
                     *                     },
                     *                     "refund_reason_id": "string"
                     *                   }
                     *                 ],
                     *                 "updated_at": "2019-08-24T14:15:22Z"
                     *               },
                     *               "payment_collection": {},
                     *               "provider_id": "string",
                     *               "status": "authorized"
                     *             },
                     *             "provider_id": "string",
                     *             "refunded_amount": 0,
                     *             "refunds": [
                     *               {
                     *                 "amount": 0,
                     *                 "created_at": "2019-08-24T14:15:22Z",
                     *                 "created_by": "string",
                     *                 "id": "string",
                     *                 "note": "string",
                     *                 "payment": {
                     *                   "amount": 0,
                     *                   "authorized_amount": 0,
                     *                   "canceled_at": "2019-08-24T14:15:22Z",
                     *                   "captured_amount": 0,
                     *                   "captured_at": "2019-08-24T14:15:22Z",
                     *                   "captures": [
                     *                     {
                     *                       "amount": 0,
                     *                       "created_at": "2019-08-24T14:15:22Z",
                     *                       "created_by": "string",
                     *                       "id": "string",
                     *                       "payment": {}
                     *                     }
                     *                   ],
                     *                   "created_at": "2019-08-24T14:15:22Z",
                     *                   "currency_code": "string",
                     *                   "data": {},
                     *                   "id": "string",
                     *                   "payment_collection": {},
                     *                   "payment_session": {},
                     *                   "provider_id": "string",
                     *                   "refunded_amount": 0,
                     *                   "refunds": [
                     *                     {
                     *                       "amount": 0,
                     *                       "created_at": "2019-08-24T14:15:22Z",
                     *                       "created_by": "string",
                     *                       "id": "string",
                     *                       "note": "string",
                     *                       "payment": {},
                     *                       "refund_reason": {
                     *                         "created_at": "2019-08-24T14:15:22Z",
                     *                         "description": "string",
                     *                         "id": "string",
                     *                         "label": "string",
                     *                         "metadata": {},
                     *                         "updated_at": "2019-08-24T14:15:22Z"
                     *                       },
                     *                       "refund_reason_id": "string"
                     *                     }
                     *                   ],
                     *                   "updated_at": "2019-08-24T14:15:22Z"
                     *                 },
                     *                 "refund_reason": {
                     *                   "created_at": "2019-08-24T14:15:22Z",
                     *                   "description": "string",
                     *                   "id": "string",
                     *                   "label": "string",
                     *                   "metadata": {},
                     *                   "updated_at": "2019-08-24T14:15:22Z"
                     *                 },
                     *                 "refund_reason_id": "string"
                     *               }
                     *             ],
                     *             "updated_at": "2019-08-24T14:15:22Z"
                     *           }
                     *         ],
                     *         "refunded_amount": 0,
                     *         "status": "canceled",
                     *         "updated_at": "2019-08-24T14:15:22Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PaymentCollectionResponse"];
                };
            };
        };
    };
}
