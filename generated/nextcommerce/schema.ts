export interface paths {
    "/orders/{number}/collect-payment/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Orders Collect Payment Create
         * @description Collect payment for an order outstanding balance on the order. Requires order original payment method to support merchant initiated transactions.
         */
        post: operations["ordersCollectPaymentCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/transactions/{id}/capture/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Transactions Capture Create
         * @description Capture an existing transaction.
         */
        post: operations["transactionsCaptureCreate"];
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
        /** @description An amount restated in the store's reporting currency. */
        AmountReportValues: {
            amount?: components["schemas"]["MoneyString"];
            currency?: string;
        };
        /** @description Marketing attribution of an order or transaction. */
        Attribution: {
            affiliate?: string;
            agent?: components["schemas"]["UserReference"];
            funnel?: string;
            gclid?: string;
            metadata?: Record<string, unknown> | null;
            subaffiliate1?: string;
            subaffiliate2?: string;
            subaffiliate3?: string;
            subaffiliate4?: string;
            subaffiliate5?: string;
            utm_campaign?: string;
            utm_content?: string;
            utm_medium?: string;
            utm_source?: string;
            utm_term?: string;
        };
        /** @description An order's billing address. */
        BillingAddress: {
            country?: string;
            first_name?: string;
            id?: number;
            last_name?: string;
            line1?: string;
            line2?: string;
            line3?: string;
            line4?: string;
            phone_number?: string;
            postcode?: string;
            state?: string;
        };
        /**
         * Format: decimal
         * @description The amount of funds that will be captured.
         *     Must be between 0.01 and the previously authorized amount.
         *     If not specified, the full authorized amount will be captured by default.
         */
        CaptureAmount: string;
        /** @description A fulfillment (shipment) of some of an order's lines. */
        Fulfillment: {
            /** Format: date-time */
            created_at?: string;
            delivery_status?: string | null;
            id?: number;
            /** Format: date-time */
            last_event_date?: string;
            line_items?: components["schemas"]["FulfillmentLineItem"][];
            location_id?: number;
            order_number?: string;
            origin_address?: components["schemas"]["OriginAddress"];
            requires_shipping?: boolean;
            shipping_method?: string;
            status?: string;
            tracking_carrier?: string;
            tracking_carriers?: string;
            tracking_code?: string;
            tracking_codes?: string;
            tracking_link?: string;
            /** Format: uri */
            tracking_links?: string;
        };
        /** @description An order line as part of a fulfillment. */
        FulfillmentLineItem: {
            currency?: string;
            fulfilled_quantity?: string;
            fulfillment_service?: string;
            id?: number;
            order_line_id?: number;
            price_excl_tax?: components["schemas"]["MoneyString"];
            price_incl_tax?: components["schemas"]["MoneyString"];
            product_id?: number;
            /** Format: uri */
            product_image?: string;
            product_title?: string;
            quantity?: components["schemas"]["Int32Quantity"];
            requires_shipping?: boolean;
            returnable_quantity?: string;
            returned_quantity?: string;
            sku?: string;
            tax_lines?: components["schemas"]["TaxLine"][];
            total_discount?: components["schemas"]["MoneyString"];
        };
        /** @description The payment gateway that processed a transaction. */
        Gateway: {
            id?: number;
            name?: string;
            type?: string;
        };
        /** @description A quantity of items. */
        Int32Quantity: number;
        /** @description A money amount written as a string. */
        MoneyString: string;
        /** @description A discount applied to the order by an offer. */
        OfferDiscount: {
            amount?: components["schemas"]["MoneyString"];
            description?: string;
            name?: string;
        };
        /** @description An order, as returned by Orders Collect Payment Create (API version 2024-04-01). */
        Order: {
            attribution?: components["schemas"]["Attribution"];
            billing_address?: components["schemas"]["BillingAddress"];
            /** Format: date-time */
            created_at?: string;
            currency?: string;
            /** Format: date-time */
            date_placed?: string;
            display_taxes?: string;
            fulfillment_status?: string;
            fulfillments?: components["schemas"]["Fulfillment"][];
            is_test?: boolean;
            lines?: components["schemas"]["OrderLine"][];
            metadata?: Record<string, unknown>;
            number?: string;
            offer_discounts?: components["schemas"]["OfferDiscount"][];
            /** Format: uri */
            order_status_url?: string;
            original_shipping_excl_tax?: components["schemas"]["MoneyString"];
            original_shipping_incl_tax?: components["schemas"]["MoneyString"];
            original_total_discount?: components["schemas"]["MoneyString"];
            original_total_excl_tax?: components["schemas"]["MoneyString"];
            original_total_incl_tax?: components["schemas"]["MoneyString"];
            payment_status?: string;
            refunds?: components["schemas"]["Refund"][];
            report_values?: components["schemas"]["OrderReportValues"];
            shipping_address?: components["schemas"]["ShippingAddress"];
            shipping_code?: string;
            shipping_excl_tax?: components["schemas"]["MoneyString"];
            shipping_incl_tax?: components["schemas"]["MoneyString"];
            shipping_method?: string;
            shipping_tax?: components["schemas"]["MoneyString"];
            shipping_tax_lines?: components["schemas"]["TaxLine"][];
            source?: string;
            status?: string;
            subscription_lifecycle?: string;
            subscriptions?: components["schemas"]["Subscription"][];
            supports_post_purchase_upsells?: boolean;
            tags?: string[];
            tax_lines?: components["schemas"]["OrderTaxLine"][];
            total_cost?: components["schemas"]["MoneyString"];
            total_discount?: components["schemas"]["MoneyString"];
            total_excl_tax?: components["schemas"]["MoneyString"];
            total_incl_tax?: components["schemas"]["MoneyString"];
            total_outstanding?: components["schemas"]["MoneyString"];
            total_tax?: components["schemas"]["MoneyString"];
            transactions?: components["schemas"]["OrderTransaction"][];
            /** Format: date-time */
            updated_at?: string;
            user?: components["schemas"]["User"];
            voucher_discounts?: components["schemas"]["VoucherDiscount"][];
        };
        /** @description Options for collecting an order's outstanding balance. */
        OrderCollectPaymentRequest: {
            /**
             * @description Send payment notification to customer.
             * @default false
             */
            send_payment_notification?: boolean;
        };
        /** @description A line (product variant and quantity) of an order. */
        OrderLine: {
            /** Format: date-time */
            created_at?: string;
            currency?: string;
            current_quantity?: number;
            editable_quantity?: number;
            fulfillable_quantity?: number;
            id?: number;
            is_gift_card?: boolean;
            is_upsell?: boolean;
            metadata?: Record<string, unknown>;
            original_price_excl_tax?: components["schemas"]["MoneyString"];
            original_price_incl_tax?: components["schemas"]["MoneyString"];
            original_total_discount?: components["schemas"]["MoneyString"];
            price_excl_tax?: components["schemas"]["MoneyString"];
            price_incl_tax?: components["schemas"]["MoneyString"];
            product_id?: number;
            /** Format: uri */
            product_image?: string;
            product_title?: string;
            /** Format: uri */
            product_url?: string;
            quantity?: number;
            report_values?: components["schemas"]["OrderLineReportValues"];
            requires_shipping?: boolean;
            sku?: string;
            tax_lines?: components["schemas"]["TaxLine"][];
            total_cost?: components["schemas"]["MoneyString"];
            total_discount?: components["schemas"]["MoneyString"];
            unit_cost?: components["schemas"]["MoneyString"];
            /** Format: date-time */
            updated_at?: string;
            variant_id?: number;
            variant_title?: string;
        };
        /** @description An order line's prices restated in the store's reporting currency. */
        OrderLineReportValues: {
            currency?: string;
            original_price_excl_tax?: components["schemas"]["MoneyString"];
            original_price_incl_tax?: components["schemas"]["MoneyString"];
            original_total_discount?: components["schemas"]["MoneyString"];
            price_excl_tax?: components["schemas"]["MoneyString"];
            price_incl_tax?: components["schemas"]["MoneyString"];
            total_cost?: components["schemas"]["MoneyString"];
            total_discount?: components["schemas"]["MoneyString"];
            unit_cost?: components["schemas"]["MoneyString"];
        };
        /** @description An order's totals restated in the store's reporting currency. */
        OrderReportValues: {
            currency?: string;
            original_shipping_excl_tax?: components["schemas"]["MoneyString"];
            original_shipping_incl_tax?: components["schemas"]["MoneyString"];
            original_total_discount?: components["schemas"]["MoneyString"];
            original_total_excl_tax?: components["schemas"]["MoneyString"];
            original_total_incl_tax?: components["schemas"]["MoneyString"];
            shipping_excl_tax?: components["schemas"]["MoneyString"];
            shipping_incl_tax?: components["schemas"]["MoneyString"];
            total_cost?: components["schemas"]["MoneyString"];
            total_discount?: components["schemas"]["MoneyString"];
            total_excl_tax?: components["schemas"]["MoneyString"];
            total_incl_tax?: components["schemas"]["MoneyString"];
        };
        /** @description A tax of the order as a whole (has its own id instead of the line-level tax_id). */
        OrderTaxLine: {
            amount?: components["schemas"]["MoneyString"];
            currency?: string;
            id?: number;
            rate?: number;
            report_values?: components["schemas"]["AmountReportValues"];
            source?: string;
            tax_title?: string;
        };
        /** @description A transaction as listed inside an Order (its transactions and its refunds' transactions). */
        OrderTransaction: {
            amount?: components["schemas"]["MoneyString"];
            auth_code?: string;
            currency?: string;
            /** Format: date-time */
            date_created?: string;
            external_id?: string;
            id?: number;
            is_disputed?: boolean;
            is_external?: boolean;
            is_initial_retry?: boolean;
            is_test?: boolean;
            network_transaction_id?: string;
            parent_id?: number;
            payment_details?: components["schemas"]["PaymentDetails"];
            payment_method?: string;
            report_values?: components["schemas"]["AmountReportValues"];
            response_code?: number;
            statement_descriptor?: string;
            status?: string;
            type?: string;
        };
        /** @description The address a fulfillment ships from. */
        OriginAddress: {
            country?: string;
            line1?: string;
            line2?: string;
            line3?: string;
            line4?: string;
            phone_number?: string;
            postcode?: string;
            state?: string;
        };
        /** @description How a transaction was paid (card, PayPal vault, 3-D Secure, gateway). */
        PaymentDetails: {
            bankcard_first_six?: string;
            bankcard_last_four?: string;
            card_token?: string;
            gateway?: components["schemas"]["Gateway"];
            is_3ds?: boolean;
            optimized_3ds?: boolean;
            paypal_vault_id?: string;
            sca_flow?: string;
        };
        /** @description A refund of (part of) an order, with its adjustments, refunded lines and refund transactions. */
        Refund: {
            adjustments?: components["schemas"]["RefundAdjustment"][];
            /** Format: date-time */
            created_at?: string;
            id?: number;
            note?: string;
            order_number?: string;
            refund_line_items?: components["schemas"]["RefundLineItem"][];
            report_values?: components["schemas"]["RefundReportValues"];
            total_refund_amount?: components["schemas"]["MoneyString"];
            total_return_excl_tax?: components["schemas"]["MoneyString"];
            total_return_incl_tax?: components["schemas"]["MoneyString"];
            transactions?: components["schemas"]["OrderTransaction"][];
            user_id?: number;
        };
        /** @description An amount refunded outside the order lines (for example shipping). */
        RefundAdjustment: {
            amount_excl_tax?: components["schemas"]["MoneyString"];
            amount_incl_tax?: components["schemas"]["MoneyString"];
            id?: number;
            report_values?: components["schemas"]["RefundAmountReportValues"];
            type?: string;
        };
        /** @description A refunded amount restated in the store's reporting currency. */
        RefundAmountReportValues: {
            amount_excl_tax?: components["schemas"]["MoneyString"];
            amount_incl_tax?: components["schemas"]["MoneyString"];
            currency?: string;
        };
        /** @description An order line refunded, with the quantity and how it is restocked. */
        RefundLineItem: {
            amount_excl_tax?: components["schemas"]["MoneyString"];
            amount_incl_tax?: components["schemas"]["MoneyString"];
            id?: number;
            line_item_id?: number;
            location_id?: number;
            quantity?: components["schemas"]["Int32Quantity"];
            report_values?: components["schemas"]["RefundAmountReportValues"];
            restock_type?: string;
        };
        /** @description A refund's totals restated in the store's reporting currency. */
        RefundReportValues: {
            currency?: string;
            total_refund_amount?: components["schemas"]["MoneyString"];
            total_return_excl_tax?: components["schemas"]["MoneyString"];
            total_return_incl_tax?: components["schemas"]["MoneyString"];
        };
        /** @description An order's shipping address (the billing address fields plus delivery notes). */
        ShippingAddress: {
            country?: string;
            first_name?: string;
            id?: number;
            last_name?: string;
            line1?: string;
            line2?: string;
            line3?: string;
            line4?: string;
            notes?: string;
            phone_number?: string;
            postcode?: string;
            state?: string;
        };
        /** @description A subscription an order or transaction belongs to, with its billing cycle. */
        Subscription: {
            billing_cycle?: number;
            id?: number;
        };
        /** @description A tax applied to an order line, a fulfillment line item or the shipping. */
        TaxLine: {
            amount?: components["schemas"]["MoneyString"];
            currency?: string;
            rate?: number;
            report_values?: components["schemas"]["AmountReportValues"];
            source?: string;
            tax_id?: number;
            tax_title?: string;
        };
        /** @description A payment transaction, as returned by Transactions Capture Create (API version 2023-02-10). */
        Transaction: {
            amount?: components["schemas"]["MoneyString"];
            amount_available_for_refund?: components["schemas"]["MoneyString"];
            attribution?: components["schemas"]["Attribution"];
            auth_code?: string;
            currency?: string;
            /** Format: date-time */
            date_created?: string;
            external_id?: string;
            id?: number;
            initiator?: components["schemas"]["UserReference"];
            is_disputed?: boolean;
            is_external?: boolean;
            is_test?: boolean;
            network_transaction_id?: string;
            /** @description The number of the order the transaction belongs to. */
            order?: string;
            parent_id?: number;
            payment_details?: components["schemas"]["PaymentDetails"];
            payment_method?: string;
            report_values?: components["schemas"]["AmountReportValues"];
            response_code?: number;
            statement_descriptor?: string;
            status?: string;
            subscription?: components["schemas"]["Subscription"];
            type?: string;
            user?: components["schemas"]["User"];
        };
        /** @description Options for capturing a transaction. */
        TransactionCaptureRequest: {
            amount?: components["schemas"]["CaptureAmount"];
        };
        /** @description The customer of an order or transaction. */
        User: {
            accepts_marketing?: boolean;
            /** Format: email */
            email?: string;
            first_name?: string;
            id?: number;
            ip?: string;
            language?: string;
            last_name?: string;
            phone_number?: string;
            user_agent?: string;
        };
        /** @description A person referenced by an attribution (agent) or a transaction (initiator). */
        UserReference: {
            /** Format: email */
            email?: string;
            first_name?: string;
            id?: number;
            last_name?: string;
        };
        /** @description A voucher code and its validity period. */
        Voucher: {
            code?: string;
            /** Format: date-time */
            end_datetime?: string;
            name?: string;
            /** Format: date-time */
            start_datetime?: string;
        };
        /** @description A discount applied to the order by a voucher. */
        VoucherDiscount: {
            amount?: components["schemas"]["MoneyString"];
            description?: string;
            name?: string;
            voucher?: components["schemas"]["Voucher"];
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
    ordersCollectPaymentCreate: {
        parameters: {
            query?: never;
            header: {
                "X-29next-API-Version": "2024-04-01";
            };
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["OrderCollectPaymentRequest"];
            };
        };
        responses: {
            /** @description The order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "attribution": {
                     *         "affiliate": "string",
                     *         "agent": {
                     *           "email": "user@example.com",
                     *           "first_name": "string",
                     *           "id": 0,
                     *           "last_name": "string"
                     *         },
                     *         "funnel": "string",
                     *         "gclid": "string",
                     *         "metadata": null,
                     *         "subaffiliate1": "string",
                     *         "subaffiliate2": "string",
                     *         "subaffiliate3": "string",
                     *         "subaffiliate4": "string",
                     *         "subaffiliate5": "string",
                     *         "utm_campaign": "string",
                     *         "utm_content": "string",
                     *         "utm_medium": "string",
                     *         "utm_source": "string",
                     *         "utm_term": "string"
                     *       },
                     *       "billing_address": {
                     *         "country": "string",
                     *         "first_name": "string",
                     *         "id": 0,
                     *         "last_name": "string",
                     *         "line1": "string",
                     *         "line2": "string",
                     *         "line3": "string",
                     *         "line4": "string",
                     *         "phone_number": "string",
                     *         "postcode": "string",
                     *         "state": "string"
                     *       },
                     *       "created_at": "2019-08-24T14:15:22Z",
                     *       "currency": "string",
                     *       "date_placed": "2019-08-24T14:15:22Z",
                     *       "display_taxes": "string",
                     *       "fulfillment_status": "not_required",
                     *       "fulfillments": [
                     *         {
                     *           "created_at": "2019-08-24T14:15:22Z",
                     *           "delivery_status": null,
                     *           "id": 0,
                     *           "last_event_date": "2019-08-24T14:15:22Z",
                     *           "line_items": [
                     *             {
                     *               "currency": "string",
                     *               "fulfilled_quantity": "string",
                     *               "fulfillment_service": "string",
                     *               "id": 0,
                     *               "order_line_id": 0,
                     *               "price_excl_tax": "string",
                     *               "price_incl_tax": "string",
                     *               "product_id": 0,
                     *               "product_image": "http://example.com",
                     *               "product_title": "string",
                     *               "quantity": 2147483647,
                     *               "requires_shipping": true,
                     *               "returnable_quantity": "string",
                     *               "returned_quantity": "string",
                     *               "sku": "string",
                     *               "tax_lines": [
                     *                 {
                     *                   "amount": "string",
                     *                   "currency": "string",
                     *                   "rate": 0.1,
                     *                   "report_values": {
                     *                     "amount": "string",
                     *                     "currency": "string"
                     *                   },
                     *                   "source": "string",
                     *                   "tax_id": 0,
                     *                   "tax_title": "string"
                     *                 }
                     *               ],
                     *               "total_discount": "string"
                     *             }
                     *           ],
                     *           "location_id": 0,
                     *           "order_number": "string",
                     *           "origin_address": {
                     *             "country": "string",
                     *             "line1": "string",
                     *             "line2": "string",
                     *             "line3": "string",
                     *             "line4": "string",
                     *             "phone_number": "string",
                     *             "postcode": "string",
                     *             "state": "string"
                     *           },
                     *           "requires_shipping": true,
                     *           "shipping_method": "string",
                     *           "status": "success",
                     *           "tracking_carrier": "string",
                     *           "tracking_carriers": "string",
                     *           "tracking_code": "string",
                     *           "tracking_codes": "string",
                     *           "tracking_link": "string",
                     *           "tracking_links": "http://example.com"
                     *         }
                     *       ],
                     *       "is_test": true,
                     *       "lines": [
                     *         {
                     *           "created_at": "2019-08-24T14:15:22Z",
                     *           "currency": "string",
                     *           "current_quantity": 0,
                     *           "editable_quantity": 0,
                     *           "fulfillable_quantity": 0,
                     *           "id": 0,
                     *           "is_gift_card": true,
                     *           "is_upsell": true,
                     *           "metadata": {},
                     *           "original_price_excl_tax": "string",
                     *           "original_price_incl_tax": "string",
                     *           "original_total_discount": "string",
                     *           "price_excl_tax": "string",
                     *           "price_incl_tax": "string",
                     *           "product_id": 0,
                     *           "product_image": "http://example.com",
                     *           "product_title": "string",
                     *           "product_url": "http://example.com",
                     *           "quantity": 0,
                     *           "report_values": {
                     *             "currency": "str",
                     *             "original_price_excl_tax": "string",
                     *             "original_price_incl_tax": "string",
                     *             "original_total_discount": "string",
                     *             "price_excl_tax": "string",
                     *             "price_incl_tax": "string",
                     *             "total_cost": "string",
                     *             "total_discount": "string",
                     *             "unit_cost": "string"
                     *           },
                     *           "requires_shipping": true,
                     *           "sku": "string",
                     *           "tax_lines": [
                     *             {
                     *               "amount": "string",
                     *               "currency": "string",
                     *               "rate": 0.1,
                     *               "report_values": {
                     *                 "amount": "string",
                     *                 "currency": "string"
                     *               },
                     *               "source": "string",
                     *               "tax_id": 0,
                     *               "tax_title": "string"
                     *             }
                     *           ],
                     *           "total_cost": "string",
                     *           "total_discount": "string",
                     *           "unit_cost": "string",
                     *           "updated_at": "2019-08-24T14:15:22Z",
                     *           "variant_id": 0,
                     *           "variant_title": "string"
                     *         }
                     *       ],
                     *       "metadata": {},
                     *       "number": "string",
                     *       "offer_discounts": [
                     *         {
                     *           "amount": "string",
                     *           "description": "string",
                     *           "name": "string"
                     *         }
                     *       ],
                     *       "order_status_url": "http://example.com",
                     *       "original_shipping_excl_tax": "string",
                     *       "original_shipping_incl_tax": "string",
                     *       "original_total_discount": "string",
                     *       "original_total_excl_tax": "string",
                     *       "original_total_incl_tax": "string",
                     *       "payment_status": "pending",
                     *       "refunds": [
                     *         {
                     *           "adjustments": [
                     *             {
                     *               "amount_excl_tax": "string",
                     *               "amount_incl_tax": "string",
                     *               "id": 0,
                     *               "report_values": {
                     *                 "amount_excl_tax": "string",
                     *                 "amount_incl_tax": "string",
                     *                 "currency": "string"
                     *               },
                     *               "type": "refund_shipping"
                     *             }
                     *           ],
                     *           "created_at": "2019-08-24T14:15:22Z",
                     *           "id": 0,
                     *           "note": "string",
                     *           "order_number": "string",
                     *           "refund_line_items": [
                     *             {
                     *               "amount_excl_tax": "string",
                     *               "amount_incl_tax": "string",
                     *               "id": 0,
                     *               "line_item_id": 0,
                     *               "location_id": 0,
                     *               "quantity": 2147483647,
                     *               "report_values": {
                     *                 "amount_excl_tax": "string",
                     *                 "amount_incl_tax": "string",
                     *                 "currency": "string"
                     *               },
                     *               "restock_type": "cancel"
                     *             }
                     *           ],
                     *           "report_values": {
                     *             "currency": "string",
                     *             "total_refund_amount": "string",
                     *             "total_return_excl_tax": "string",
                     *             "total_return_incl_tax": "string"
                     *           },
                     *           "total_refund_amount": "string",
                     *           "total_return_excl_tax": "string",
                     *           "total_return_incl_tax": "string",
                     *           "transactions": [
                     *             {
                     *               "amount": "string",
                     *               "auth_code": "string",
                     *               "currency": "string",
                     *               "date_created": "2019-08-24T14:15:22Z",
                     *               "external_id": "string",
                     *               "id": 0,
                     *               "is_disputed": true,
                     *               "is_external": true,
                     *               "is_initial_retry": true,
                     *               "is_test": true,
                     *               "network_transaction_id": "string",
                     *               "parent_id": 0,
                     *               "payment_details": {
                     *                 "bankcard_first_six": "string",
                     *                 "bankcard_last_four": "string",
                     *                 "card_token": "string",
                     *                 "gateway": {
                     *                   "id": 0,
                     *                   "name": "string",
                     *                   "type": "string"
                     *                 },
                     *                 "is_3ds": true,
                     *                 "optimized_3ds": true,
                     *                 "paypal_vault_id": "string",
                     *                 "sca_flow": "string"
                     *               },
                     *               "payment_method": "string",
                     *               "report_values": {
                     *                 "amount": "string",
                     *                 "currency": "string"
                     *               },
                     *               "response_code": 0,
                     *               "statement_descriptor": "string",
                     *               "status": "succeeded",
                     *               "type": "string"
                     *             }
                     *           ],
                     *           "user_id": 0
                     *         }
                     *       ],
                     *       "report_values": {
                     *         "currency": "string",
                     *         "original_shipping_excl_tax": "string",
                     *         "original_shipping_incl_tax": "string",
                     *         "original_total_discount": "string",
                     *         "original_total_excl_tax": "string",
                     *         "original_total_incl_tax": "string",
                     *         "shipping_excl_tax": "string",
                     *         "shipping_incl_tax": "string",
                     *         "total_cost": "string",
                     *         "total_discount": "string",
                     *         "total_excl_tax": "string",
                     *         "total_incl_tax": "string"
                     *       },
                     *       "shipping_address": {
                     *         "country": "string",
                     *         "first_name": "string",
                     *         "id": 0,
                     *         "last_name": "string",
                     *         "line1": "string",
                     *         "line2": "string",
                     *         "line3": "string",
                     *         "line4": "string",
                     *         "notes": "string",
                     *         "phone_number": "string",
                     *         "postcode": "string",
                     *         "state": "string"
                     *       },
                     *       "shipping_code": "string",
                     *       "shipping_excl_tax": "string",
                     *       "shipping_incl_tax": "string",
                     *       "shipping_method": "string",
                     *       "shipping_tax": "string",
                     *       "shipping_tax_lines": [
                     *         {
                     *           "amount": "string",
                     *           "currency": "string",
                     *           "rate": 0.1,
                     *           "report_values": {
                     *             "amount": "string",
                     *             "currency": "string"
                     *           },
                     *           "source": "string",
                     *           "tax_id": 0,
                     *           "tax_title": "string"
                     *         }
                     *       ],
                     *       "source": "string",
                     *       "status": "string",
                     *       "subscription_lifecycle": "string",
                     *       "subscriptions": [
                     *         {
                     *           "billing_cycle": 0,
                     *           "id": 0
                     *         }
                     *       ],
                     *       "supports_post_purchase_upsells": true,
                     *       "tags": [
                     *         "string"
                     *       ],
                     *       "tax_lines": [
                     *         {
                     *           "amount": "string",
                     *           "currency": "string",
                     *           "id": 0,
                     *           "rate": 0.1,
                     *           "report_values": {
                     *             "amount": "string",
                     *             "currency": "string"
                     *           },
                     *           "source": "string",
                     *           "tax_title": "string"
                     *         }
                     *       ],
                     *       "total_cost": "string",
                     *       "total_discount": "string",
                     *       "total_excl_tax": "string",
                     *       "total_incl_tax": "string",
                     *       "total_outstanding": "string",
                     *       "total_tax": "string",
                     *       "transactions": [
                     *         {
                     *           "amount": "string",
                     *           "auth_code": "string",
                     *           "currency": "string",
                     *           "date_created": "2019-08-24T14:15:22Z",
                     *           "external_id": "string",
                     *           "id": 0,
                     *           "is_disputed": true,
                     *           "is_external": true,
                     *           "is_initial_retry": true,
                     *           "is_test": true,
                     *           "network_transaction_id": "string",
                     *           "parent_id": 0,
                     *           "payment_details": {
                     *             "bankcard_first_six": "string",
                     *             "bankcard_last_four": "string",
                     *             "card_token": "string",
                     *             "gateway": {
                     *               "id": 0,
                     *               "name": "string",
                     *               "type": "string"
                     *             },
                     *             "is_3ds": true,
                     *             "optimized_3ds": true,
                     *             "paypal_vault_id": "string",
                     *             "sca_flow": "string"
                     *           },
                     *           "payment_method": "string",
                     *           "report_values": {
                     *             "amount": "string",
                     *             "currency": "string"
                     *           },
                     *           "response_code": 0,
                     *           "statement_descriptor": "string",
                     *           "status": "succeeded",
                     *           "type": "string"
                     *         }
                     *       ],
                     *       "updated_at": "2019-08-24T14:15:22Z",
                     *       "user": {
                     *         "accepts_marketing": true,
                     *         "email": "user@example.com",
                     *         "first_name": "string",
                     *         "id": 0,
                     *         "ip": "string",
                     *         "language": "string",
                     *         "last_name": "string",
                     *         "phone_number": "string",
                     *         "user_agent": "string"
                     *       },
                     *       "voucher_discounts": [
                     *         {
                     *           "amount": "string",
                     *           "description": "string",
                     *           "name": "string",
                     *           "voucher": {
                     *             "code": "string",
                     *             "end_datetime": "2019-08-24T14:15:22Z",
                     *             "name": "string",
                     *             "start_datetime": "2019-08-24T14:15:22Z"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Order"];
                };
            };
        };
    };
    transactionsCaptureCreate: {
        parameters: {
            query?: never;
            header: {
                "X-29next-API-Version": "2023-02-10";
            };
            path: {
                /** @description A unique integer value identifying this Transaction. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["TransactionCaptureRequest"];
            };
        };
        responses: {
            /** @description The captured transaction. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "amount": "string",
                     *       "amount_available_for_refund": "0.00",
                     *       "attribution": {
                     *         "affiliate": "string",
                     *         "agent": {
                     *           "email": "user@example.com",
                     *           "first_name": "string",
                     *           "id": 0,
                     *           "last_name": "string"
                     *         },
                     *         "funnel": "string",
                     *         "gclid": "string",
                     *         "metadata": null,
                     *         "subaffiliate1": "string",
                     *         "subaffiliate2": "string",
                     *         "subaffiliate3": "string",
                     *         "subaffiliate4": "string",
                     *         "subaffiliate5": "string",
                     *         "utm_campaign": "string",
                     *         "utm_content": "string",
                     *         "utm_medium": "string",
                     *         "utm_source": "string",
                     *         "utm_term": "string"
                     *       },
                     *       "auth_code": "string",
                     *       "currency": "string",
                     *       "date_created": "2019-08-24T14:15:22Z",
                     *       "external_id": "string",
                     *       "id": 0,
                     *       "initiator": {
                     *         "email": "user@example.com",
                     *         "first_name": "string",
                     *         "id": 0,
                     *         "last_name": "string"
                     *       },
                     *       "is_disputed": true,
                     *       "is_external": true,
                     *       "is_test": true,
                     *       "network_transaction_id": "string",
                     *       "order": "string",
                     *       "parent_id": 0,
                     *       "payment_details": {
                     *         "bankcard_first_six": "string",
                     *         "bankcard_last_four": "string",
                     *         "card_token": "string",
                     *         "gateway": {
                     *           "id": 0,
                     *           "name": "string",
                     *           "type": "string"
                     *         },
                     *         "is_3ds": true,
                     *         "optimized_3ds": true,
                     *         "paypal_vault_id": "string",
                     *         "sca_flow": "string"
                     *       },
                     *       "payment_method": "string",
                     *       "report_values": {
                     *         "amount": "string",
                     *         "currency": "string"
                     *       },
                     *       "response_code": 0,
                     *       "statement_descriptor": "string",
                     *       "status": "succeeded",
                     *       "subscription": {
                     *         "billing_cycle": 0,
                     *         "id": 0
                     *       },
                     *       "type": "string",
                     *       "user": {
                     *         "accepts_marketing": true,
                     *         "email": "user@example.com",
                     *         "first_name": "string",
                     *         "id": 0,
                     *         "ip": "string",
                     *         "language": "string",
                     *         "last_name": "string",
                     *         "phone_number": "string",
                     *         "user_agent": "string"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Transaction"];
                };
            };
        };
    };
}
