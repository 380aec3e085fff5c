export interface paths {
    "/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List all Payments
         * @description List all Payments, one page at a time (`size` and `page`), filtered by date (`from_date`, `to_date`) and status, sorted by the field named in `sort`.
         *
         *     Accessible to both User and Admin Roles.
         */
        get: operations["listPayments"];
        put?: never;
        /**
         * Payment for Orders
         * @description Pay for an Order or multiple Orders at once.
         *
         *     Accessible to both User and Admin Roles.
         */
        post: operations["payForOrders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/{payment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of the queried payment. */
                payment_id: string;
            };
            cookie?: never;
        };
        /**
         * Retrieve a Payment
         * @description Retrieve the Payment with the given ID.
         *
         *     Accessible to both User and Admin Roles.
         */
        get: operations["retrievePayment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update Payment
         * @description Only the below fields are editable in a payment.
         *
         *     Accessible to both User and Admin Roles.
         */
        patch: operations["updatePayment"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description Amount as a Float with decimal points. Example: 10.23 USD
         * @example 10.23
         */
        Amount: number;
        /** @description Pay for an Order or multiple Orders at once. */
        PayForOrdersRequest: {
            /** @description List with Orders to be paid. */
            orders?: string[];
            /** @description Selected Payment Method id to use. */
            payment_method?: string;
        };
        /** @description A payment of an Order or a Subscription, made with a Payment Method. None of its fields is stated required, so none is. */
        Payment: {
            /**
             * @description Default is True.
             * @default true
             */
            active?: boolean;
            amount?: components["schemas"]["Amount"];
            amount_paid?: components["schemas"]["Amount"];
            amount_reserved?: components["schemas"]["Amount"];
            /** @description The Address object with billing details, for use if supported by payment provider. */
            billing_address?: Record<string, unknown>;
            /**
             * @description 3 letter ISO currency code as defined by ISO 4217.
             * @example USD
             */
            currency?: string;
            /**
             * @description Current state of payment. Can be: created, processing, captured, succeeded, failed, cancelled, reserved, refunded, partial_refund, pending_refund, refund_failed and on_retry.
             * @enum {string}
             */
            current_state?: "created" | "processing" | "captured" | "succeeded" | "failed" | "cancelled" | "reserved" | "refunded" | "partial_refund" | "pending_refund" | "refund_failed" | "on_retry";
            /** @description Some additional description, if desired and supported by payment provider. */
            description?: string;
            /** @description If the payment fails, this will have text describing the reason. */
            error_message?: string;
            /** @description Human readable ID. 6 characters long. */
            human_id?: string;
            /** @description ID of the payment (the `payment_id` that "Retrieve a Payment" and "Update Payment" take). */
            id?: string;
            /** @description Additional information on the payment, if supported by payment provider. */
            metadata?: unknown[];
            /** @description Date for scheduling payment, timestamp format. */
            payment_date?: number;
            /** @description ID of existing Payment Method. */
            payment_method?: string;
            /** @description If the payment fails, this will have some code from the chosen payment method backend. */
            status_code?: string;
            /** @description Order or Subscription ID. */
            subject?: string;
            /** @description The user associated with the Payment. */
            user?: Record<string, unknown>;
        };
        /** @description Only the below fields are editable in a payment. */
        UpdatePaymentRequest: {
            /**
             * @description Default is True.
             * @default true
             */
            active?: boolean;
            /** @description The Billing Address for they payment method. */
            billing_address?: string;
            /** @description Update payment date, timestamp format. */
            payment_date?: number;
            /** @description ID for payment method. */
            payment_method?: string;
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
    listPayments: {
        parameters: {
            query?: {
                /** @description Number of resources per page. Default is 10. */
                size?: number;
                /** @description Defines which page to retrieve. Default is 0. */
                page?: number;
                /** @description Start date, timestamp format. Default is None. */
                from_date?: number;
                /** @description End date, timestamp format. Default is None. */
                to_date?: number;
                /** @description Field used to sort results. */
                sort?: string;
                /** @description Status of the payment. */
                status?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of Payments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "active": true,
                     *         "amount": 10.23,
                     *         "amount_paid": 10.23,
                     *         "amount_reserved": 0,
                     *         "currency": "USD",
                     *         "current_state": "succeeded",
                     *         "description": "Payment for 2 orders",
                     *         "human_id": "K7Q2ZP",
                     *         "id": "3c6a1f0e-2b7d-4e59-9a41-7d2f8c5b1e90",
                     *         "metadata": [],
                     *         "payment_date": 1735689600,
                     *         "payment_method": "pm-0001",
                     *         "subject": "order-1001"
                     *       },
                     *       {
                     *         "active": true,
                     *         "amount": 25.5,
                     *         "amount_paid": 0,
                     *         "amount_reserved": 0,
                     *         "currency": "USD",
                     *         "current_state": "failed",
                     *         "error_message": "The card was declined.",
                     *         "human_id": "M3X8RT",
                     *         "id": "9b1d4c2a-6e3f-4a7b-8c5d-0f2e1a3b4c5d",
                     *         "metadata": [],
                     *         "payment_date": 1735776000,
                     *         "payment_method": "pm-0002",
                     *         "status_code": "card_declined",
                     *         "subject": "subscription-42"
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["Payment"][];
                };
            };
        };
    };
    payForOrders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The Orders to pay, and the Payment Method to pay them with. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "orders": [
                 *         "order-1001",
                 *         "order-1002"
                 *       ],
                 *       "payment_method": "pm-0001"
                 *     }
                 */
                "application/json": components["schemas"]["PayForOrdersRequest"];
            };
        };
        responses: {
            /** @description The Payment created for the Orders. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "active": true,
                     *       "amount": 10.23,
                     *       "amount_paid": 0,
                     *       "amount_reserved": 0,
                     *       "currency": "USD",
                     *       "current_state": "created",
                     *       "description": "Payment for 2 orders",
                     *       "human_id": "K7Q2ZP",
                     *       "id": "3c6a1f0e-2b7d-4e59-9a41-7d2f8c5b1e90",
                     *       "metadata": [],
                     *       "payment_date": 1735689600,
                     *       "payment_method": "pm-0001",
                     *       "subject": "order-1001"
                     *     }
                     */
                    "application/json": components["schemas"]["Payment"];
                };
            };
        };
    };
    retrievePayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of the queried payment. */
                payment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Payment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "active": true,
                     *       "amount": 10.23,
                     *       "amount_paid": 10.23,
                     *       "amount_reserved": 0,
                     *       "currency": "USD",
                     *       "current_state": "succeeded",
                     *       "description": "Payment for 2 orders",
                     *       "human_id": "K7Q2ZP",
                     *       "id": "3c6a1f0e-2b7d-4e59-9a41-7d2f8c5b1e90",
                     *       "metadata": [],
                     *       "payment_date": 1735689600,
                     *       "payment_method": "pm-0001",
                     *       "subject": "order-1001"
                     *     }
                     */
                    "application/json": components["schemas"]["Payment"];
                };
            };
        };
    };
    updatePayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of the queried payment. */
                payment_id: string;
            };
            cookie?: never;
        };
        /** @description The fields to change; those left out keep their value. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "payment_date": 1735776000,
                 *       "payment_method": "pm-0002"
                 *     }
                 */
                "application/json": components["schemas"]["UpdatePaymentRequest"];
            };
        };
        responses: {
            /** @description The updated Payment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "active": true,
                     *       "amount": 10.23,
                     *       "amount_paid": 0,
                     *       "amount_reserved": 0,
                     *       "currency": "USD",
                     *       "current_state": "created",
                     *       "description": "Payment for 2 orders",
                     *       "human_id": "K7Q2ZP",
                     *       "id": "3c6a1f0e-2b7d-4e59-9a41-7d2f8c5b1e90",
                     *       "metadata": [],
                     *       "payment_date": 1735776000,
                     *       "payment_method": "pm-0002",
                     *       "subject": "order-1001"
                     *     }
                     */
                    "application/json": components["schemas"]["Payment"];
                };
            };
        };
    };
}
