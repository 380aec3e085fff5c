export interface paths {
    "/orders/payment_actions/refund_quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create Refund Quotes - BATCH
         * @description Calculate the tax amount, total refund amount and get available payment options for an order refund by providing items and costs or quantities to refund.
         *
         *     This endpoint will accept a batch of one or more.
         *
         *     Requires at least one of the following scopes: `store_v2_orders`, `store_v2_transactions`.
         */
        post: operations["createRefundQuotesBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/payment_actions/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get All Refunds
         * @description Returns a list of refunds ordered by refund ID in ascending order.
         *
         *     Requires at least one of the following scopes: `store_v2_transactions_read_only`, `store_v2_transactions`, `store_v2_orders_read_only`, `store_v2_orders`.
         */
        get: operations["getRefunds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/payment_actions/refunds/{refund_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a Refund
         * @description Returns a refund by refund ID.
         */
        get: operations["getRefund"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{order_id}/payment_actions/capture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Capture order payment
         * @description Capture the payment for an order. When there are no payment method validation issues, the capture process is successful, the `payment_status` updates to `capture pending`, and the payment request is scheduled. The payment request itself occurs asynchronously.
         *
         *     Requires at least one of the following scopes: `store_v2_orders`, `store_v2_transactions`.
         */
        post: operations["captureOrderPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{order_id}/payment_actions/refund_quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a Refund Quote
         * @description Calculate the tax amount, total refund amount and get available payment options for an order refund by providing items and costs or quantities to refund.
         *
         *     Requires at least one of the following scopes: `store_v2_orders`, `store_v2_transactions`.
         *
         *     Note: Order refunds are processed consecutively. Processing synchronous refunds on an order are not yet supported.
         */
        post: operations["createRefundQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{order_id}/payment_actions/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Refunds for Order
         * @description Returns a list of refunds ordered by refund ID in ascending order for the given order.
         *
         *     Requires at least one of the following scopes: `store_v2_transactions_read_only`, `store_v2_transactions`, `store_v2_orders_read_only`, `store_v2_orders`.
         */
        get: operations["getOrderRefunds"];
        put?: never;
        /**
         * Create a Refund
         * @description Creates a refund. When there are no payment method validation issues, the refund process is successful and the refund payment request is scheduled. The payment request itself occurs asynchronously.
         *
         *     Requires at least one of the following scopes: `store_v2_orders`, `store_v2_transactions`.
         *
         *     Note: Order refunds are processed consecutively. Processing synchronous refunds on an order are not yet supported.
         */
        post: operations["createRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{order_id}/payment_actions/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Void
         * @description Void the payment for an order. When there are no payment method validation issues, the void process is successful, the `payment_status` updates to `void pending`, and the void payment request is scheduled. The payment request itself occurs asynchronously.
         *
         *     Requires at least one of the following scopes: `store_v2_orders`, `store_v2_transactions`.
         */
        post: operations["voidOrderPayment"];
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
        /**
         * @description Merchant explicitly provided override based on their own calculation.
         *
         *     This override gives merchants the flexibility to
         *     - bypass any tax correction due to tax rate/providers changes between when a customer places an order and a merchant initiates a refund
         *     - use explicit values calculated by external systems (e.g., merchants' own Extended Producer Responsibility or Order Management System)
         *
         *     Note: when using the override, BC internal tax based refund calculation is skipped and therefore order/taxes records are not updated.
         */
        MerchantCalculatedOverride: {
            total_amount?: number;
            total_tax?: number;
        };
        /** @description Response metadata. */
        Meta: Record<string, unknown>;
        /** @description Where a page stands in a paged list. */
        Pagination: {
            count?: number;
            current_page?: number;
            links?: {
                current?: string;
                next?: string;
                previous?: string;
            };
            per_page?: number;
            total?: number;
            total_pages?: number;
        };
        /** @description A refund of an order. */
        Refund: {
            /** Format: date-time */
            created?: string;
            id?: number;
            items?: components["schemas"]["RefundItem"][];
            order_id?: number;
            payments?: components["schemas"]["RefundPayment"][];
            reason?: string;
            total_amount?: number;
            total_tax?: number;
            user_id?: number;
            uses_merchant_override_values?: boolean;
        };
        /** @description Response payload for Refund resource. */
        RefundCollectionResponse: {
            /** @description Collection of Refunds */
            data?: components["schemas"]["Refund"][];
            meta?: components["schemas"]["Meta"];
        };
        /** @description An item (or cost) refunded. */
        RefundItem: {
            item_id?: number;
            item_type?: string;
            quantity?: number;
            reason?: string;
            requested_amount?: number | null;
        };
        /** @description An item (or cost) to refund, with the amount or quantity to refund. */
        RefundItemRequest: {
            amount?: number;
            item_id?: number;
            item_type?: string;
            quantity?: number;
            reason?: string;
        };
        /** @description One way (provider and amount) to pay a refund back. */
        RefundMethod: {
            amount?: number;
            offline?: boolean;
            offline_provider?: boolean;
            offline_reason?: string;
            provider_description?: string;
            provider_id?: string;
        };
        /** @description A payment through which a refund is paid back. */
        RefundPayment: {
            amount?: number;
            declined_message?: string;
            id?: number;
            is_declined?: boolean;
            offline?: boolean;
            provider_id?: string;
        };
        /** @description A payment provider to refund through, and the amount to refund with it. */
        RefundPaymentRequest: {
            amount?: number;
            offline?: boolean;
            provider_id?: string;
        };
        /** @description Tax amount, total refund amount and the payment options available for an order refund. */
        RefundQuote: {
            adjustment?: number;
            order_id?: number;
            /** @description The available refund options; each one is a list of refund methods used together. */
            refund_methods?: components["schemas"]["RefundMethod"][][];
            rounding?: number;
            tax_inclusive?: boolean;
            total_refund_amount?: number;
            total_refund_tax_amount?: number;
        };
        /** @description Request body for refund quotes. */
        RefundQuoteRequest: {
            items: components["schemas"]["RefundItemRequest"][];
        };
        RefundQuoteResponse: {
            data?: components["schemas"]["RefundQuote"];
            meta?: components["schemas"]["Meta"];
        };
        /** @description An order that could not be quoted, with the HTTP status and error of its quote. */
        RefundQuotesBatchError: {
            error?: string;
            order_id?: number;
            status?: number;
        };
        /** @description Response metadata. */
        RefundQuotesBatchMeta: {
            meta?: components["schemas"]["Pagination"];
        };
        /** @description Request body for batch refund quotes. */
        RefundQuotesBatchRequest: {
            items?: components["schemas"]["RefundItemRequest"][];
        };
        RefundQuotesBatchResponse: {
            data?: components["schemas"]["RefundQuote"][];
            errors?: components["schemas"]["RefundQuotesBatchError"][];
            meta?: components["schemas"]["RefundQuotesBatchMeta"];
        };
        /** @description Request body for refund requests. */
        RefundRequest: {
            items: components["schemas"]["RefundItemRequest"][];
            merchant_calculated_override?: components["schemas"]["MerchantCalculatedOverride"];
            payments: components["schemas"]["RefundPaymentRequest"][];
        };
        RefundResponse: {
            data?: components["schemas"]["Refund"];
            meta?: components["schemas"]["Meta"];
        };
    };
    responses: never;
    parameters: {
        /** @description The ID of the Order to which the transactions belong. */
        OrderId: number;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createRefundQuotesBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Request body for batch refund quotes. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "items": [
                 *         {
                 *           "amount": 1.99,
                 *           "item_id": 1,
                 *           "item_type": "SHIPPING",
                 *           "quantity": 3,
                 *           "reason": "Customer requested refund"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["RefundQuotesBatchRequest"];
            };
        };
        responses: {
            /** @description The refund quotes, and the errors of the orders that could not be quoted. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "adjustment": -10.2,
                     *           "order_id": 0,
                     *           "refund_methods": [
                     *             [
                     *               {
                     *                 "amount": 9.99,
                     *                 "offline": true,
                     *                 "offline_provider": true,
                     *                 "offline_reason": "Multiple online refunds are not available.",
                     *                 "provider_description": "Paypal Express",
                     *                 "provider_id": "checkout_paypalexpress"
                     *               }
                     *             ]
                     *           ],
                     *           "rounding": 0,
                     *           "tax_inclusive": true,
                     *           "total_refund_amount": 1.99,
                     *           "total_refund_tax_amount": 1.95
                     *         }
                     *       ],
                     *       "errors": [
                     *         {
                     *           "error": "string",
                     *           "order_id": 0,
                     *           "status": 422
                     *         }
                     *       ],
                     *       "meta": {
                     *         "meta": {
                     *           "count": 36,
                     *           "current_page": 1,
                     *           "links": {
                     *             "current": "?page=1&limit=50",
                     *             "next": "string",
                     *             "previous": "string"
                     *           },
                     *           "per_page": 50,
                     *           "total": 36,
                     *           "total_pages": 1
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["RefundQuotesBatchResponse"];
                };
            };
        };
    };
    getRefunds: {
        parameters: {
            query?: {
                /** @description Filter by `order_id`. Accepts multiple as comma-separated values. */
                "order_id:in"?: number[];
                /** @description Filter by refund `id`. Accepts multiple as comma-separated values. */
                "id:in"?: number[];
                /**
                 * @description Filter results so they are later than or equal to provided date.
                 *     Must be in url-encoded RFC 3339 format. e.g. `2020-01-15T01:02:34-01:00` is RFC 3339 format. Url-encoded this will be `2020-01-15T01%3A02%3A34%2B01%3A00`
                 */
                "created:min"?: string;
                /**
                 * @description Filter results so they are earlier than or equal to provided date.
                 *     Must be in url-encoded RFC 3339 format. e.g. `2020-01-15T01:02:34-01:00` is RFC 3339 format. Url-encoded this will be `2020-01-15T01%3A02%3A34%2B01%3A00`
                 */
                "created:max"?: string;
                /** @description Specifies the page number in a limited (paginated) list of items. */
                page?: number;
                /** @description Controls the number of items per page in a limited (paginated) list of items. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response payload for Refund resource. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "items": [
                     *             {
                     *               "item_id": 0,
                     *               "item_type": "PRODUCT",
                     *               "quantity": 0,
                     *               "reason": "string",
                     *               "requested_amount": 1.99
                     *             }
                     *           ],
                     *           "order_id": 0,
                     *           "payments": [
                     *             {
                     *               "amount": 1.99,
                     *               "declined_message": "string",
                     *               "is_declined": true,
                     *               "offline": true,
                     *               "provider_id": "storecredit"
                     *             }
                     *           ],
                     *           "reason": "string",
                     *           "total_amount": 1.99,
                     *           "total_tax": 0,
                     *           "uses_merchant_override_values": true
                     *         }
                     *       ],
                     *       "meta": {}
                     *     }
                     */
                    "application/json": components["schemas"]["RefundCollectionResponse"];
                };
            };
        };
    };
    getRefund: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Refund ID. */
                refund_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The refund. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created": "2022-06-16T16:44:15+00:00",
                     *         "id": 12,
                     *         "items": [
                     *           {
                     *             "item_id": 87,
                     *             "item_type": "PRODUCT",
                     *             "quantity": 1,
                     *             "reason": "Wrong item sent.",
                     *             "requested_amount": null
                     *           }
                     *         ],
                     *         "order_id": 180,
                     *         "payments": [
                     *           {
                     *             "amount": 50,
                     *             "declined_message": "",
                     *             "id": 13,
                     *             "is_declined": false,
                     *             "offline": true,
                     *             "provider_id": "storecredit"
                     *           }
                     *         ],
                     *         "reason": "",
                     *         "total_amount": 50,
                     *         "total_tax": 5,
                     *         "user_id": 0,
                     *         "uses_merchant_override_values": false
                     *       },
                     *       "meta": {}
                     *     }
                     */
                    "application/json": components["schemas"]["RefundResponse"];
                };
            };
        };
    };
    captureOrderPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The ID of the Order whose payment is captured. */
                order_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Resource Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": Record<string, unknown>;
                };
            };
        };
    };
    createRefundQuote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The ID of the Order to refund. */
                order_id: number;
            };
            cookie?: never;
        };
        /** @description Request body for refund quotes. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "items": [
                 *         {
                 *           "amount": 1.99,
                 *           "item_id": 1,
                 *           "item_type": "SHIPPING",
                 *           "quantity": 3,
                 *           "reason": "Customer requested refund"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["RefundQuoteRequest"];
            };
        };
        responses: {
            /** @description The refund quote for the order. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "adjustment": -10.2,
                     *         "order_id": 0,
                     *         "refund_methods": [
                     *           [
                     *             {
                     *               "amount": 9.99,
                     *               "offline": true,
                     *               "offline_provider": true,
                     *               "offline_reason": "Multiple online refunds are not available.",
                     *               "provider_description": "Paypal Express",
                     *               "provider_id": "checkout_paypalexpress"
                     *             }
                     *           ]
                     *         ],
                     *         "rounding": 0,
                     *         "tax_inclusive": true,
                     *         "total_refund_amount": 1.99,
                     *         "total_refund_tax_amount": 1.95
                     *       },
                     *       "meta": {}
                     *     }
                     */
                    "application/json": components["schemas"]["RefundQuoteResponse"];
                };
            };
        };
    };
    getOrderRefunds: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The ID of the Order to which the transactions belong. */
                order_id: components["parameters"]["OrderId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response payload for Refund resource. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "items": [
                     *             {
                     *               "item_id": 0,
                     *               "item_type": "PRODUCT",
                     *               "quantity": 0,
                     *               "reason": "string",
                     *               "requested_amount": 1.99
                     *             }
                     *           ],
                     *           "order_id": 0,
                     *           "payments": [
                     *             {
                     *               "amount": 1.99,
                     *               "declined_message": "string",
                     *               "is_declined": true,
                     *               "offline": true,
                     *               "provider_id": "storecredit"
                     *             }
                     *           ],
                     *           "reason": "string",
                     *           "total_amount": 1.99,
                     *           "total_tax": 0,
                     *           "uses_merchant_override_values": true
                     *         }
                     *       ],
                     *       "meta": {}
                     *     }
                     */
                    "application/json": components["schemas"]["RefundCollectionResponse"];
                };
            };
        };
    };
    createRefund: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The ID of the Order to refund. */
                order_id: number;
            };
            cookie?: never;
        };
        /** @description Request body for refund requests. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "items": [
                 *         {
                 *           "amount": 1.99,
                 *           "item_id": 1,
                 *           "item_type": "SHIPPING",
                 *           "quantity": 3,
                 *           "reason": "Customer requested refund"
                 *         }
                 *       ],
                 *       "merchant_calculated_override": {
                 *         "total_amount": 1.99,
                 *         "total_tax": 0
                 *       },
                 *       "payments": [
                 *         {
                 *           "amount": 9.99,
                 *           "offline": true,
                 *           "provider_id": "checkout_paypalexpress"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["RefundRequest"];
            };
        };
        responses: {
            /** @description The refund created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "items": [
                     *           {
                     *             "item_id": 0,
                     *             "item_type": "PRODUCT",
                     *             "quantity": 0,
                     *             "reason": "string",
                     *             "requested_amount": 1.99
                     *           }
                     *         ],
                     *         "order_id": 0,
                     *         "payments": [
                     *           {
                     *             "amount": 1.99,
                     *             "declined_message": "string",
                     *             "is_declined": true,
                     *             "offline": true,
                     *             "provider_id": "storecredit"
                     *           }
                     *         ],
                     *         "reason": "string",
                     *         "total_amount": 1.99,
                     *         "total_tax": 0,
                     *         "uses_merchant_override_values": true
                     *       },
                     *       "meta": {}
                     *     }
                     */
                    "application/json": components["schemas"]["RefundResponse"];
                };
            };
        };
    };
    voidOrderPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The ID of the Order whose payment is voided. */
                order_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Resource Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": Record<string, unknown>;
                };
            };
        };
    };
}
