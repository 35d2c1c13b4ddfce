// Generated from Beacon's OpenAPI document by web/tools/generate-api-types.ts; do not edit.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** liveness */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** this document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (requests, latency, ingested records, errors, derived-view lag); loopback clients only unless BEACON_METRICS_PUBLIC */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Prometheus text format */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** send events (JSON array or NDJSON); scope ingest */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["events"][];
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            responses: {
                /** @description stored; accepted rows are durable */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IngestResult"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segment/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Segment HTTP Tracking API: a batch of calls, or one call with its type (webhook destinations); the write key is an ingest key sent as HTTP Basic username with an empty password (or Bearer); scope ingest */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SegmentBatch"];
                    "text/plain": string;
                };
            };
            responses: {
                /** @description stored; accepted events are durable */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SegmentResult"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segment/track": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Segment HTTP Tracking API: one track call; the write key is an ingest key sent as HTTP Basic username with an empty password (or Bearer); scope ingest */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SegmentCall"];
                    "text/plain": string;
                };
            };
            responses: {
                /** @description stored; accepted events are durable */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SegmentResult"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segment/page": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Segment HTTP Tracking API: one page call (→ page_view); the write key is an ingest key sent as HTTP Basic username with an empty password (or Bearer); scope ingest */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SegmentCall"];
                    "text/plain": string;
                };
            };
            responses: {
                /** @description stored; accepted events are durable */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SegmentResult"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segment/identify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Segment HTTP Tracking API: one identify call (links anonymousId to userId); the write key is an ingest key sent as HTTP Basic username with an empty password (or Bearer); scope ingest */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SegmentCall"];
                    "text/plain": string;
                };
            };
            responses: {
                /** @description stored; accepted events are durable */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SegmentResult"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segment/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Segment HTTP Tracking API: one screen call; the write key is an ingest key sent as HTTP Basic username with an empty password (or Bearer); scope ingest */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SegmentCall"];
                    "text/plain": string;
                };
            };
            responses: {
                /** @description stored; accepted events are durable */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SegmentResult"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segment/alias": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Segment HTTP Tracking API: one alias call (links previousId to userId); the write key is an ingest key sent as HTTP Basic username with an empty password (or Bearer); scope ingest */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SegmentCall"];
                    "text/plain": string;
                };
            };
            responses: {
                /** @description stored; accepted events are durable */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SegmentResult"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/import/{source}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** import records of a source (JSON array, NDJSON or CSV; gzip via Content-Encoding); scope ingest */
        post: {
            parameters: {
                query?: {
                    /** @description an export layout; refused for a source other than the preset's */
                    preset?: "google_ads" | "meta_ads" | "linkedin_ads" | "tiktok_ads" | "ga4_bigquery" | "hubspot_contacts" | "mailchimp_activity" | "nps_survey" | "csat_survey" | "ces_survey";
                    /** @description Header=field,… */
                    map?: string;
                    platform?: string;
                    /** @description IANA zone (or UTC) whose midnight a date-only timestamp (2026-12-01) means; without it such values are rejected */
                    assume_timezone?: string;
                };
                header?: never;
                path: {
                    source: "events" | "ad_performance" | "campaigns" | "orders" | "lifecycle" | "surveys" | "costs" | "fx_rates";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["events"][];
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            responses: {
                /** @description stored; accepted rows are durable */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IngestResult"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** past imports with counts; scope read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportList"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** delete everything one import stored; scope admin */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the import's id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/freshness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** latest date loaded per source and platform; scope read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Freshness"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** workspace settings; scope read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SettingsResult"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** change workspace settings; scope admin */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SettingsResult"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API keys of the workspace (no secrets); scope admin */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** create a key; the secret is returned once; scope admin */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        scope?: "ingest" | "read" | "admin";
                    };
                };
            };
            responses: {
                /** @description created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** revoke a key; scope admin */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the key's id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the metric catalog incl. user-defined metrics; scope read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Catalog"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** metrics × dimensions × grain over a period, filtered, optionally compared and forecast → { columns, rows, totals, comparison?, forecast? }; forecast: { horizon } continues each metric past its last complete day, week or month (no dimensions); scope read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Query"];
                };
            };
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["QueryResult"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/metrics/custom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** user-defined metrics; scope read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomMetricList"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** define (or replace) a metric from a formula over catalog ids; scope admin */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CustomMetric"];
                };
            };
            responses: {
                /** @description created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/metrics/custom/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** delete a user-defined metric; scope admin */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the metric's id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the campaign's objective and its headline KPIs, compared with the previous period; scope read */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path: {
                    /** @description the campaign's id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CampaignKpis"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/goals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** goals with actual, % attained, expected by today and status, and the forecast of their period-end value with its interval; scope read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GoalList"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** create a goal; scope admin */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Goal"];
                };
            };
            responses: {
                /** @description created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/goals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** delete a goal; scope admin */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the goal's id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/benchmarks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** benchmark bands per metric; scope read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BenchmarkList"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** create a benchmark band; scope admin */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Benchmark"];
                };
            };
            responses: {
                /** @description created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/attribution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** multi-touch attribution: a model, or compare for every model, over the journeys of a period by channel, campaign, ad group or ad, or over a path file; attributed conversions, revenue, cost, CPA, ROAS, optional 90 % intervals; scope read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Attribution"];
                };
            };
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AttributionReport"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                501: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** predicted customer lifetime value: RFM from orders up to the calibration end, BG/NBD and Gamma-Gamma fits, the top customers by residual value; scope read */
        get: {
            parameters: {
                query?: {
                    /** @description last day the models learn from (default yesterday) */
                    calibration_end?: string;
                    time_unit?: "day" | "week";
                    /** @description default 365 */
                    horizon_days?: number;
                    /** @description yearly discount rate (default 0.1) */
                    discount?: number;
                    /** @description gross margin (default: the workspace setting) */
                    margin?: number;
                    /** @description customers listed (default 20) */
                    top?: number;
                    /** @description compare predicted with actual purchases from the day after calibration_end to this day */
                    holdout_end?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ClvReport"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cohorts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** acquisition cohorts by week or month: retention (% active per period since acquisition, by purchase or subscription) or cumulative revenue per customer, optionally for one channel or per acquisition channel or campaign; the sBG retention projection for subscriptions; scope read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Cohorts"];
                };
            };
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CohortReport"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funnels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** funnel: people who entered in a period (their first first-step event, local dates) and reached each step within a conversion window, ordered, strict or in any order; counts, conversion from the previous and the first step, median time between steps, optionally by the channel or campaign that entered them; scope read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Funnel"];
                };
            };
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FunnelReport"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** forecast by exponential smoothing (simple, Holt, Holt-Winters additive or multiplicative, damped or not; auto picks the lowest AICc) of a series sent as { date, value } points, or of a metric’s totals per day, week or month over from…to (partial buckets left out, with a note); parameters, SSE, AICc, one-step fitted values and points with prediction intervals; scope read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Forecast"];
                };
            };
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ForecastReport"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/anomalies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** anomalies on a metric’s totals per day, week or month over from…to: each point judged against the one-step forecast of a seasonal Holt-Winters model fitted on the history before from (or, with too short a history, the median and MAD of the seasonal differences, or of the values) ± z·σ at the sensitivity’s coverage (default 0.99); expected value, interval, anomaly, severity, score and direction per point, the method and why, its parameters and notes; scope read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Anomalies"];
                };
            };
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnomalyReport"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** why a metric changed from the previous period (or the same days a year earlier) to from…to: its change split along its formula (known factorisations such as CPA = CPC ÷ CVR, else the formula’s own terms and factors) into drivers that add up to the change, and with by across the dimension’s segments (mix and rate parts for ratios); a metric whose formula cannot be split answers its total change with a note; scope read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Explain"];
                };
            };
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExplainReport"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segments/underperforming": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** the segments of one or more dimensions (several: their combinations) that do significantly worse than the workspace on a ratio metric over from…to: each KPI shrunk toward the pooled value by an empirical-Bayes model (beta-binomial, gamma-Poisson or normal), flagged by its posterior probability of being worse under a Bayesian false discovery rate, ranked by spend at stake; a metric that is no ratio is a 422; scope read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UnderperformingSegments"];
                };
            };
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UnderperformingSegmentsReport"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/experiments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the experiments the workspace’s experiment_exposure events name, with the people whose first exposure was to each variant, most recently exposed first; scope read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExperimentList"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/experiments/analyze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A/B experiment readout, from each variant’s sufficient statistics (rate: n and conversions; mean: n, sum and sum of squares; optional CUPED covariate) or from the workspace’s experiment_exposure events ({ experiment, metric }: first exposure per person picks the variant, people who saw two are left out and counted, the metric after exposure per person, CUPED on the days before, aggregated in the warehouse): per treatment the lift over the control with its interval, z or Welch t, p-value (Benjamini–Hochberg adjusted too), probability to beat the control and expected loss; the sample ratio check and warnings; scope read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ExperimentStats"] | components["schemas"]["ExperimentRequest"];
                };
            };
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExperimentReadout"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** alert rules with their firing state, last evaluation and next scheduled run; scope read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlertList"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** create an alert rule (a metric, its condition, schedule, webhook and recommended action), checked against the catalog and the workspace time zone; scope admin */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AlertRuleInput"];
                };
            };
            responses: {
                /** @description created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlertRule"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/budget/recommend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** a budget split: a response curve per channel or campaign (Hill or exponential saturation over geometric adstock, fitted on the daily spend and attributed outcome of from…to), the split of total_budget for a period as long that maximises revenue or conversions (or the most spend that keeps a target ROAS or CPA), with expected outcomes and intervals, marginal returns, binding constraints and the reasons; scope read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Budget"];
                };
            };
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BudgetReport"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/quality": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the data-quality audit: ad rows with more clicks than impressions or spend without impressions, conversions with no visit before them, UTM campaigns nothing knows, money without an fx rate, future events, tracking gaps, platform-reported against tracked conversions, duplicates received, stale sources; each finding with severity, counts, days and examples; scope read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["QualityReport"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** a source's current rows in the workspace (bookkeeping columns left out, natural-key order) as a CSV or Parquet download, streamed; scope read */
        get: {
            parameters: {
                query: {
                    source: "events" | "ad_performance" | "campaigns" | "orders" | "lifecycle" | "surveys" | "costs" | "fx_rates";
                    /** @description default csv */
                    format?: "csv" | "parquet";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file (Content-Disposition: attachment; filename=…) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                        "application/vnd.apache.parquet": string;
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** a metric query's rows (the body of POST /v1/query as query) as a CSV or Parquet download, one column per result column; scope read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ExportQuery"];
                };
            };
            responses: {
                /** @description the file (Content-Disposition: attachment; filename=…) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                        "application/vnd.apache.parquet": string;
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sql": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** read-only SQL: one SELECT over views holding only the workspace's rows (one per source, named after it, and kpis, the KPI catalog); other statements, other tables, file and catalog functions are refused (422); DuckDB engine only (ClickHouse: a read-only user with row policies); scope read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Sql"];
                };
            };
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SqlResult"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** firings newest first: the value, what it was judged against, the query, the segments that moved, the recommended action and the webhook delivery log; scope read */
        get: {
            parameters: {
                query?: {
                    /** @description only this rule’s firings */
                    rule_id?: string;
                    /** @description at most this many (default 1000) */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlertHistory"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** delete an alert rule (its firings stay in the history); scope admin */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the alert rule's id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** silence a firing until its condition clears, with a comment saying why; 409 when the rule is not firing; scope admin */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the alert rule's id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Acknowledge"];
                };
            };
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlertAcknowledged"];
                    };
                };
                /** @description error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/{id}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** evaluate a rule now, as its schedule would: its condition on the latest bucket, its firing state stepped, and when it fires the firing recorded and its webhook sent; scope admin */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the alert rule's id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlertEvaluation"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/attribution/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** what each attribution model does and its parameters; scope read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AttributionModels"];
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/benchmarks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** delete a benchmark band; scope admin */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the benchmark band's id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                code: string;
                message: string;
                details?: unknown;
                /** @description the request's id in the server log (also the X-Request-Id header) */
                request_id?: string;
            };
        };
        IngestResult: {
            accepted: number;
            updated: number;
            duplicates: number;
            rejected: number;
            /** @description one per invalid field of each rejected record (the first 100). A CSV header without a column for a required field rejects every record with one error: field "(header)", index 0, line of the header, a message naming the unknown columns, the missing fields and the ?map= that fixes it */
            errors: {
                index: number;
                line?: number;
                field: string;
                message: string;
            }[];
            /** @description present only when there is something to say that rejected nothing: a CSV column that is not a field of the source (field: the column; ignored, or kept in properties for events), with the field it likely means, then the ?map= that reads them (field "(header)") */
            warnings?: {
                line?: number;
                field: string;
                message: string;
            }[];
        };
        /** @description A Segment call (track, page, identify, screen, alias); traits are not stored. A group call is refused with a located error. */
        SegmentCall: {
            /** @description required in a batch; implied by the path of a single call */
            type?: "track" | "page" | "identify" | "screen" | "alias";
            /** @description → event_id, the idempotency key (absent: a hash of the call) */
            messageId?: string;
            /** @description → anonymous_id (absent: the userId stands for it) */
            anonymousId?: string;
            /** @description → user_id; identify (both ids) links the anonymous id to the user */
            userId?: string;
            /** @description alias: → anonymous_id, linked to userId */
            previousId?: string;
            /** @description track: the event name; mapped by the setting segment_events, else kept as the event type */
            event?: string;
            /** @description page / screen name → properties.page_name / screen_name */
            name?: string;
            /**
             * Format: date-time
             * @description when it happened by the device clock
             */
            timestamp?: string;
            /**
             * Format: date-time
             * @description when the device sent it; timestamp − sentAt + receivedAt removes the device clock skew
             */
            sentAt?: string;
            /**
             * Format: date-time
             * @description set by a collector that forwarded the call; else the time Beacon received it
             */
            receivedAt?: string;
            /**
             * Format: date-time
             * @description present on forwarded calls: timestamp is then already corrected
             */
            originalTimestamp?: string;
            /** @description → properties; revenue (else total), currency, order_id (or orderId) → the event fields */
            properties?: {
                [key: string]: unknown;
            };
            context?: {
                page?: {
                    /** @description → url */
                    url?: string;
                    /** @description → url when there is no url */
                    path?: string;
                    search?: string;
                    /** @description → referrer */
                    referrer?: string;
                    /** @description → properties.page_title */
                    title?: string;
                };
                campaign?: {
                    /** @description → utm_campaign */
                    name?: string;
                    /** @description → utm_source */
                    source?: string;
                    /** @description → utm_medium */
                    medium?: string;
                    /** @description → utm_term */
                    term?: string;
                    /** @description → utm_content */
                    content?: string;
                };
                /** @description → user_agent */
                userAgent?: string;
                /** @description not stored */
                ip?: string;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        /** @description A Segment batch; a single call (as a webhook destination sends it) is taken too. */
        SegmentBatch: {
            /** @description Segment calls, each with its type; errors name their position (batch[3].type) */
            batch: unknown[];
            /** @description applies to every call (a call’s own context wins, key by key) */
            context?: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description applies to every call without one
             */
            sentAt?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description Beacon's ingest summary and Segment's `success` */
        SegmentResult: {
            /** @constant */
            success: true;
            accepted: number;
            updated: number;
            duplicates: number;
            rejected: number;
            errors: {
                /** @description position of the call in the batch */
                index: number;
                /** @description the Segment field, e.g. batch[3].type */
                field: string;
                message: string;
            }[];
        };
        Settings: {
            currency: string;
            timezone: string;
            conversion_types: string[];
            gross_margin: number;
            own_hosts: string[];
            channel_rules: {
                channel: string;
                /** @description regex (RE2 syntax), case-insensitive, full match */
                source?: string;
                medium?: string;
                campaign?: string;
            }[];
            attribution_model: "first_touch" | "last_touch" | "last_non_direct" | "linear" | "time_decay" | "position_based" | "markov" | "shapley";
            lookback_days: number;
            session_timeout_minutes: number;
            bot_filtering: boolean;
            /** @description which touch gives a customer's acquisition channel and campaign: their first, or their last non-direct one up to their first completed order */
            acquisition_touch: "first_touch" | "last_non_direct";
            /** @description Segment track event name → Beacon event type, applied as events arrive at /v1/segment/*; other track names are stored under their own name */
            segment_events: {
                [key: string]: string;
            };
        };
        Query: {
            metrics: string[] | string;
            dimensions?: string[] | string;
            grain?: string | null;
            /** @description first day, YYYY-MM-DD (inclusive, workspace time zone) */
            from: string;
            /** @description last day, YYYY-MM-DD (inclusive) */
            to: string;
            filters?: {
                dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                op: "eq" | "neq" | "in" | "not_in" | "contains";
                values: string[];
            }[];
            compare?: string | null;
            attribution?: {
                model?: string;
                lookback_days?: number;
            };
            order_by?: string | {
                field: string;
                direction?: "asc" | "desc";
            }[];
            limit?: number | null;
            forecast?: {
                /** @description buckets of the query's grain to forecast after the last complete one */
                horizon: number;
                /** @description auto (default): every model the series allows, the lowest AICc kept; simple, holt (trend), additive or multiplicative (Holt-Winters seasonality) */
                model?: "auto" | "simple" | "holt" | "additive" | "multiplicative";
                /** @description damp the trend; with auto: only damped (true) or undamped (false) trends; unset tries both */
                damped?: boolean;
                /** @description coverage of the prediction intervals (default 0.95) */
                level?: number;
            } | null;
        };
        CustomMetric: {
            id: string;
            formula: string;
            label?: string;
            unit?: "count" | "money" | "percent" | "ratio" | "seconds" | "months" | "score";
            direction?: "up" | "down" | "neutral";
        };
        Goal: {
            name?: string;
            /** @description metric id */
            metric: string;
            target: number;
            /** @description defaults to the metric's own direction (resolved by the caller) */
            direction?: "up" | "down";
            filters?: {
                dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                op: "eq" | "neq" | "in" | "not_in" | "contains";
                values: string[];
            }[];
            /** @description first day of the period, YYYY-MM-DD */
            from: string;
            /** @description last day of the period (inclusive), YYYY-MM-DD */
            to: string;
            /** @description 7 weekday weights (Mon..Sun) or 12 month weights (Jan..Dec), not all zero */
            seasonality?: number[];
        };
        Benchmark: {
            /** @description metric id */
            metric: string;
            low: number;
            /** @description must be >= low */
            high: number;
            label?: string;
            filters?: {
                dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                op: "eq" | "neq" | "in" | "not_in" | "contains";
                values: string[];
            }[];
        };
        /** @description A first-party behaviour event (key: event_id). */
        events: {
            /** @description idempotency key */
            event_id: string;
            type: string;
            /** Format: beacon-timestamp */
            timestamp: string;
            /** @description cookie / device id */
            anonymous_id: string;
            /** @description the known customer (= customer_id elsewhere) */
            user_id?: string;
            session_id?: string;
            url?: string;
            referrer?: string;
            utm_source?: string;
            utm_medium?: string;
            utm_campaign?: string;
            utm_content?: string;
            utm_term?: string;
            utm_id?: string;
            campaign_id?: string;
            ad_group_id?: string;
            ad_id?: string;
            channel?: string;
            revenue?: number;
            currency?: string;
            order_id?: string;
            user_agent?: string;
            properties?: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        /** @description Ad platform spend and delivery (key: date, platform, campaign_id, ad_group_id, ad_id). */
        ad_performance: {
            /** Format: beacon-date */
            date: string;
            platform: string;
            campaign_id: string;
            campaign_name?: string;
            /** @description empty at campaign grain */
            ad_group_id?: string;
            ad_group_name?: string;
            /** @description empty at campaign or ad group grain */
            ad_id?: string;
            ad_name?: string;
            impressions: number;
            clicks: number;
            cost: number;
            currency?: string;
            platform_conversions?: number;
            platform_conversion_value?: number;
            reach?: number;
            likes?: number;
            shares?: number;
            comments?: number;
            video_views?: number;
            video_completions?: number;
        };
        /** @description Campaign catalogue (key: campaign_id). */
        campaigns: {
            campaign_id: string;
            name: string;
            platform?: string;
            channel?: string;
            objective?: "awareness" | "consideration" | "conversion" | "retention";
            /** Format: beacon-date */
            start_date?: string;
            /** Format: beacon-date */
            end_date?: string;
            budget?: number;
            daily_budget?: number;
            status?: "active" | "paused" | "ended";
        };
        /** @description Revenue of record (key: order_id). */
        orders: {
            order_id: string;
            customer_id: string;
            /** Format: beacon-timestamp */
            timestamp: string;
            revenue: number;
            currency?: string;
            gross_margin?: number;
            status?: "completed" | "refunded" | "cancelled";
        };
        /** @description CRM lifecycle stages (key: customer_id, stage, timestamp). */
        lifecycle: {
            customer_id: string;
            stage: "lead" | "mql" | "sql" | "opportunity" | "customer" | "churned" | "reactivated";
            /** Format: beacon-timestamp */
            timestamp: string;
            campaign_id?: string;
            channel?: string;
            mrr?: number;
        };
        /** @description Survey answers: nps 0–10, csat 1–5, ces 1–7 (key: response_id). */
        surveys: {
            response_id: string;
            kind: "nps" | "csat" | "ces";
            score: number;
            /** Format: beacon-timestamp */
            timestamp: string;
            customer_id?: string;
            anonymous_id?: string;
            campaign_id?: string;
            comment?: string;
        };
        /** @description Non-media marketing costs (key: cost_id). */
        costs: {
            cost_id: string;
            /** Format: beacon-date */
            date: string;
            category: "salaries" | "tools" | "agency" | "events" | "content" | "other";
            amount: number;
            currency?: string;
            period?: "day" | "month";
            channel?: string;
            campaign_id?: string;
        };
        /** @description Currency conversion rates (key: date, currency). */
        fx_rates: {
            /** Format: beacon-date */
            date: string;
            currency: string;
            /** @description units of workspace currency per unit of currency */
            rate: number;
        };
        BenchmarkBand: {
            id: string;
            /** @description metric id */
            metric: string;
            low: number;
            /** @description must be >= low */
            high: number;
            label?: string;
            filters?: {
                dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                op: "eq" | "neq" | "in" | "not_in" | "contains";
                values: string[];
            }[];
        };
        BenchmarkReport: {
            id: string;
            /** @description metric id */
            metric: string;
            low: number;
            /** @description must be >= low */
            high: number;
            label?: string;
            filters?: {
                dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                op: "eq" | "neq" | "in" | "not_in" | "contains";
                values: string[];
            }[];
            value: number | null;
            position: ("below" | "within" | "above") | null;
            verdict: ("better" | "within" | "worse" | "outside") | null;
        };
        QueryResult: {
            columns: {
                name: string;
                kind: "time" | "dimension" | "metric";
                label: string;
                unit?: "count" | "money" | "percent" | "ratio" | "seconds" | "months" | "score";
                direction?: "up" | "down" | "neutral";
            }[];
            rows: {
                [key: string]: string | number | boolean | null;
            }[];
            /** @description metric id → value (null when undefined) */
            totals: {
                [key: string]: number | null;
            };
            comparison?: {
                /** @description YYYY-MM-DD */
                from: string;
                /** @description YYYY-MM-DD */
                to: string;
                /** @description row i is the main row i's counterpart */
                rows: {
                    [key: string]: string | number | boolean | null;
                }[];
                /** @description metric id → value (null when undefined) */
                totals: {
                    [key: string]: number | null;
                };
                /** @description % change per metric from the comparison value (null when that is 0 or null) */
                change: {
                    /** @description the main row's bucket and dimension values, then the % change per metric */
                    rows: {
                        [key: string]: string | number | boolean | null;
                    }[];
                    /** @description metric id → value (null when undefined) */
                    totals: {
                        [key: string]: number | null;
                    };
                };
            };
            benchmarks?: components["schemas"]["BenchmarkReport"][];
            /** @description what the numbers do not say: sources without data in the range, metric caveats */
            notes?: string[];
            /**
             * @description with a limit: the totals cover every row, not only the ones returned
             * @constant
             */
            totals_scope?: "all_rows";
            /** @description with a limit: how many rows there were before it */
            rows_before_limit?: number;
            /** @description present when the answer may miss data sent since pending_since */
            freshness?: {
                /** @constant */
                complete: false;
                /** @description ISO 8601 timestamp */
                pending_since: string;
            };
            /** @description with forecast in the query: metric id → its forecast past the last complete bucket (a metric that cannot be forecast is left out, and a note says why) */
            forecast?: {
                [key: string]: {
                    /** @description the model fitted (with model auto: the lowest AICc) */
                    model: "simple" | "holt" | "holt-damped" | "additive" | "additive-damped" | "multiplicative" | "multiplicative-damped";
                    params: {
                        /** @description level smoothing */
                        alpha: number;
                        /** @description trend smoothing (against the change in level); null without trend */
                        beta: number | null;
                        /** @description seasonal smoothing; null without seasonality */
                        gamma: number | null;
                        /** @description trend damping; null when the trend is not damped */
                        phi: number | null;
                    };
                    /** @description season length offered to the seasonal models, in buckets (1: none) */
                    season: number;
                    /** @description coverage of the prediction intervals */
                    level: number;
                    /** @description one per bucket after the last complete one */
                    points: {
                        /** @description the day, or the first day of the week or month */
                        date: string;
                        /** @description point forecast */
                        value: number;
                        /** @description lower end of the prediction interval */
                        lower: number;
                        /** @description upper end of the prediction interval */
                        upper: number;
                    }[];
                };
            };
        };
        CatalogMetric: {
            id: string;
            label: string;
            formula: string;
            unit: "count" | "money" | "percent" | "ratio" | "seconds" | "months" | "score";
            direction: "up" | "down" | "neutral";
            group: "paid_media" | "web" | "email" | "customers" | "feedback" | "custom";
            facts: ("ad" | "events" | "sessions" | "scroll" | "conversions" | "lifecycle" | "stage_progress" | "customers" | "customer_status" | "orders" | "costs" | "surveys")[];
            dimensions: ("channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective")[];
            custom: boolean;
            note?: string;
        };
        Catalog: {
            metrics: components["schemas"]["CatalogMetric"][];
            /** @description campaign objective → its headline KPIs (KPIS.md) */
            objectives: {
                [key: string]: string[];
            };
        };
        CustomMetricList: {
            metrics: components["schemas"]["CustomMetric"][];
        };
        CampaignKpis: {
            campaign: {
                id: string;
                name: string | null;
                objective: ("awareness" | "consideration" | "conversion" | "retention") | null;
            };
            objective: "awareness" | "consideration" | "conversion" | "retention";
            objective_source: "campaign" | "default";
            /** @description YYYY-MM-DD */
            from: string;
            /** @description YYYY-MM-DD */
            to: string;
            kpis: components["schemas"]["QueryResult"];
        };
        GoalReport: {
            name?: string;
            /** @description metric id */
            metric: string;
            target: number;
            direction: "up" | "down";
            filters?: {
                dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                op: "eq" | "neq" | "in" | "not_in" | "contains";
                values: string[];
            }[];
            /** @description first day of the period, YYYY-MM-DD */
            from: string;
            /** @description last day of the period (inclusive), YYYY-MM-DD */
            to: string;
            /** @description 7 weekday weights (Mon..Sun) or 12 month weights (Jan..Dec), not all zero */
            seasonality?: number[];
            id: string;
            progress: {
                actual: number | null;
                target: number;
                attained_pct: number | null;
                elapsed_fraction: number;
                expected_by_today: number | null;
                status: "on_track" | "at_risk" | "off_track" | "achieved" | "missed" | "not_started";
            };
            benchmarks: components["schemas"]["BenchmarkReport"][];
            forecast: {
                /** @description actual over the complete days of the period so far + the forecast of its remaining days */
                value: number;
                /** @description lower end of the prediction interval of value */
                lower: number;
                /** @description upper end of the prediction interval of value */
                upper: number;
                /** @description coverage of the interval */
                level: number;
                model: "simple" | "holt" | "holt-damped" | "additive" | "additive-damped" | "multiplicative" | "multiplicative-damped";
                status: "on_track" | "at_risk" | "off_track";
                interval: "analytic" | "simulated";
                /** @description the metric over the complete days of the period so far (today is forecast, not counted) */
                actual: number;
                /** @description the daily history the model was fitted on */
                fitted: {
                    /** @description YYYY-MM-DD */
                    from: string;
                    /** @description YYYY-MM-DD */
                    to: string;
                    days: number;
                };
            } | null;
            /** @description why there is no forecast, when there is none */
            notes: string[];
        };
        GoalList: {
            goals: components["schemas"]["GoalReport"][];
        };
        BenchmarkList: {
            benchmarks: components["schemas"]["BenchmarkBand"][];
        };
        SettingsResult: {
            workspace: string;
            settings: components["schemas"]["Settings"];
        };
        FreshnessRow: {
            source: "events" | "ad_performance" | "campaigns" | "orders" | "lifecycle" | "surveys" | "costs" | "fx_rates";
            platform: string | null;
            latest_date: string | null;
            rows: number;
        };
        Freshness: {
            sources: components["schemas"]["FreshnessRow"][];
        };
        ImportRecord: {
            id: string;
            workspace: string;
            source: "events" | "ad_performance" | "campaigns" | "orders" | "lifecycle" | "surveys" | "costs" | "fx_rates";
            /** @description e.g. "http POST /v1/import/ad_performance" or a file name */
            origin: string;
            /** @description UTC, YYYY-MM-DD HH:MM:SS[.fff] */
            startedAt: string;
            accepted: number;
            updated: number;
            duplicates: number;
            rejected: number;
        };
        ImportList: {
            imports: components["schemas"]["ImportRecord"][];
        };
        Attribution: {
            /** @description a model, or "compare" for every model side by side */
            model: "first_touch" | "last_touch" | "last_non_direct" | "linear" | "time_decay" | "position_based" | "markov" | "shapley" | "compare";
            dimension?: "channel" | "campaign" | "ad_group" | "ad";
            /** @description first day (workspace time zone) */
            from?: string;
            /** @description last day, inclusive */
            to?: string;
            /** @description instead of from/to: aggregated paths, `path;total_conversions;total_conversion_value;total_null` per line, channels joined by " > " */
            paths?: string;
            lookback_days?: number;
            /** @description time_decay: days after which a touch counts half (default 7) */
            half_life_days?: number;
            /** @description markov: order k (default 1), or auto */
            order?: number | "auto";
            /** @description position_based: shares of the first, middle and last touches (sum 1; default 0.4, 0.2, 0.4) */
            position_weights?: {
                first: number;
                middle: number;
                last: number;
            };
            /** @description count ad impressions as touches (their own 1-day lookback) */
            view_through?: boolean;
            /** @description add a 90 % bootstrap interval per row */
            intervals?: boolean;
            /** @description bootstrap resamples (default 200) */
            resamples?: number;
            /** @description bootstrap and sampling seed (default 1) */
            seed?: number;
            /** @description shapley: allow permutation sampling above 15 channels */
            sampling?: boolean;
        };
        AttributionRow: {
            model: "first_touch" | "last_touch" | "last_non_direct" | "linear" | "time_decay" | "position_based" | "markov" | "shapley";
            /** @description channel, or campaign / ad group / ad id ("(none)": touches without one) */
            key: string;
            /** @description campaign name */
            name?: string | null;
            /** @description attributed conversions */
            conversions: number;
            /** @description attributed revenue, to the currency minor unit */
            revenue: number;
            cost: number | null;
            cpa: number | null;
            roas: number | null;
            /** @description share of all conversions, 0..1 */
            share: number;
            /** @description 90 % bootstrap interval */
            interval?: {
                conversions: [
                    number,
                    number
                ];
                revenue: [
                    number,
                    number
                ];
            };
            warning?: string;
        };
        AttributionReport: {
            model: ("first_touch" | "last_touch" | "last_non_direct" | "linear" | "time_decay" | "position_based" | "markov" | "shapley") | "compare";
            dimension: ("channel" | "campaign" | "ad_group" | "ad") | null;
            from: string | null;
            to: string | null;
            rows: components["schemas"]["AttributionRow"][];
            models: {
                model: "first_touch" | "last_touch" | "last_non_direct" | "linear" | "time_decay" | "position_based" | "markov" | "shapley";
                rows: components["schemas"]["AttributionRow"][];
                details?: {
                    order?: number;
                    order_scores?: {
                        order: number;
                        log_likelihood: number;
                    }[];
                    conversion_probability?: number;
                    removal_effects?: {
                        [key: string]: number;
                    };
                    transitions?: {
                        from: string;
                        to: string;
                        probability: number;
                    }[];
                    transition_count?: number;
                    method?: "exact" | "sampling";
                    shapley_values?: {
                        [key: string]: number;
                    };
                    standard_errors?: {
                        [key: string]: number;
                    };
                };
            }[];
            total_conversions: number;
            total_revenue: number;
            total_cost: number | null;
            top_paths: {
                path: string[];
                conversions: number;
                revenue: number;
                nulls: number;
            }[];
            /** @description the parameters used, defaults included */
            params: {
                models: ("first_touch" | "last_touch" | "last_non_direct" | "linear" | "time_decay" | "position_based" | "markov" | "shapley")[];
                lookback_days: number;
                half_life_days: number;
                order: number | "auto";
                position_weights: {
                    first: number;
                    middle: number;
                    last: number;
                };
                view_through: boolean;
                intervals: boolean;
                resamples: number;
                seed: number;
                sampling: boolean;
            };
            path_errors?: {
                line: number;
                message: string;
            }[];
            rejected_lines?: number;
        };
        AttributionModels: {
            models: {
                id: "first_touch" | "last_touch" | "last_non_direct" | "linear" | "time_decay" | "position_based" | "markov" | "shapley";
                name: string;
                description: string;
                params: string[];
            }[];
        };
        ClvReport: {
            /** @description BG/NBD (r, alpha, a, b) and Gamma-Gamma (p, q, gamma) parameters, in the time unit of the summary */
            params: {
                r: number;
                alpha: number;
                a: number;
                b: number;
                p: number;
                q: number;
                gamma: number;
            };
            /** @description BG/NBD log-likelihood of the calibration data */
            log_likelihood: number;
            /** @description the customers of highest predicted value (top) */
            customers: {
                id: string;
                /** @description repeat purchase periods */
                frequency: number;
                recency: number;
                T: number;
                /** @description mean repeat order value (first purchase excluded) */
                monetary: number;
                probability_alive: number;
                expected_purchases: number;
                expected_order_value: number;
                /** @description discounted expected margin over the horizon, after the calibration end */
                clv: number;
                /** @description with holdout_end: purchases after the calibration end, predicted and actual */
                holdout?: {
                    predicted: number;
                    actual: number;
                };
            }[];
            summary: {
                customers: number;
                repeat_buyers: number;
                time_unit: "day" | "week";
                calibration_end: string;
                horizon_days: number;
                /** @description yearly discount rate */
                discount: number;
                margin: number;
                /**
                 * @description values count only purchases after the calibration end
                 * @constant
                 */
                residual: true;
                total_clv: number;
                mean_clv: number;
                new_customer_clv: number;
                frequency_monetary_correlation: number;
            };
            /** @description how the predicted values of all customers spread */
            distribution: {
                bins: {
                    from: number;
                    /** @description null: the open bin above the 99th percentile */
                    to: number | null;
                    customers: number;
                    /** @description share of the total predicted value, 0 to 1 */
                    value_share: number;
                }[];
                p50: number;
                p90: number;
                p99: number;
            };
            fit: {
                bg_nbd: {
                    iterations: number;
                    evaluations: number;
                    restarts: number;
                    converged: boolean;
                };
                gamma_gamma: {
                    iterations: number;
                    evaluations: number;
                    restarts: number;
                    converged: boolean;
                };
            };
            /** @description with holdout_end: predicted against actual purchases after the calibration end */
            holdout?: {
                end: string;
                /** @description in the time unit */
                length: number;
                aggregate: {
                    customers: number;
                    actual: number;
                    predicted: number;
                    mean_absolute_error: number;
                };
                by_frequency: {
                    frequency: number;
                    label: string;
                    customers: number;
                    mean_actual: number;
                    mean_predicted: number;
                }[];
            };
            /** @description the workspace orders by what became of them in the fit */
            orders: {
                source: "orders" | "events";
                completed: number;
                refunded: number;
                cancelled: number;
                negative_revenue: number;
                without_rate: number;
                after_calibration_end: number;
                future: number;
            };
            warnings: string[];
            notes: string[];
        };
        Cohorts: {
            /** @description cohorts and their periods: calendar weeks (Monday to Sunday) or months of the workspace time zone */
            by: "week" | "month";
            /** @description retention: % of the cohort active in each period; revenue: cumulative completed-order revenue per cohort customer */
            metric: "retention" | "revenue";
            /** @description first acquisition date (workspace time zone) */
            from: string;
            /** @description last acquisition date, inclusive */
            to: string;
            /** @description only customers acquired through this channel; "(none)" for those without one */
            channel?: string;
            /** @description purchase (default): a completed order in the period; subscription: the latest lifecycle stage is customer or reactivated at some moment of the period */
            activity?: "purchase" | "subscription";
            /** @description also one matrix per acquisition channel or campaign (breakdown) */
            dimension?: "channel" | "campaign";
            /** @description retention with subscription activity: periods the fitted model projects (default 6) */
            projection_periods?: number;
        };
        CohortReport: {
            by: "week" | "month";
            metric: "retention" | "revenue";
            activity: "purchase" | "subscription";
            from: string;
            to: string;
            channel: string | null;
            dimension: ("channel" | "campaign") | null;
            /** @description today in the workspace time zone */
            today: string;
            currency: string;
            /** @description the columns: periods since acquisition */
            periods: number[];
            matrix: {
                customers: number;
                cohorts: {
                    /** @description first date of the acquisition week or month */
                    cohort: string;
                    /** @description its last date */
                    end: string;
                    customers: number;
                    /** @description one per period of `periods`; null after the period holding today */
                    cells: ({
                        /** @description periods since acquisition */
                        period: number;
                        /** @description the cohort's size */
                        customers: number;
                        /** @description customers active in the period (by the activity) */
                        active: number;
                        /** @description completed-order revenue of the cohort from its acquisition period through this one (workspace currency) */
                        revenue: number;
                        /** @description retention: active / customers × 100; revenue: revenue / customers; null for an empty cohort */
                        value: number | null;
                        /** @description false for the period holding today, still running */
                        complete: boolean;
                        /** @description subscription activity: subscribed since acquisition, no churn before this period began */
                        survivors?: number;
                    } | null)[];
                }[];
                /** @description per period: the cohorts that completed it, weighted by size; null where none has */
                average: ({
                    period: number;
                    /** @description customers of the cohorts that completed the period */
                    customers: number;
                    cohorts: number;
                    active: number;
                    revenue: number;
                    value: number | null;
                } | null)[];
                /** @description with metric retention and activity subscription; null otherwise, or with a warning saying why */
                model: {
                    /** @constant */
                    model: "sbg";
                    alpha: number;
                    beta: number;
                    log_likelihood: number;
                    /** @description mean lifetime in periods; null when alpha ≤ 1 (infinite) */
                    expected_lifetime: number | null;
                    /** @description periods until fewer than half of the subscribers remain */
                    median_lifetime: number | null;
                    /** @description cohorts with subscribers fitted */
                    cohorts: number;
                    /** @description their subscribers at acquisition */
                    subscribers: number;
                    /** @description periods of churn observed, over all cohorts */
                    observed_periods: number;
                    /** @description the periods after the longest observed */
                    projection: {
                        period: number;
                        /** @description % of a cohort’s subscribers at acquisition expected to remain */
                        retention: number;
                    }[];
                    fit: {
                        iterations: number;
                        evaluations: number;
                        restarts: number;
                        converged: boolean;
                    };
                } | null;
                warnings: string[];
            };
            /** @description with a dimension: one matrix per acquisition channel or campaign, most customers first */
            breakdown?: {
                key: string;
                matrix: {
                    customers: number;
                    cohorts: {
                        /** @description first date of the acquisition week or month */
                        cohort: string;
                        /** @description its last date */
                        end: string;
                        customers: number;
                        /** @description one per period of `periods`; null after the period holding today */
                        cells: ({
                            /** @description periods since acquisition */
                            period: number;
                            /** @description the cohort's size */
                            customers: number;
                            /** @description customers active in the period (by the activity) */
                            active: number;
                            /** @description completed-order revenue of the cohort from its acquisition period through this one (workspace currency) */
                            revenue: number;
                            /** @description retention: active / customers × 100; revenue: revenue / customers; null for an empty cohort */
                            value: number | null;
                            /** @description false for the period holding today, still running */
                            complete: boolean;
                            /** @description subscription activity: subscribed since acquisition, no churn before this period began */
                            survivors?: number;
                        } | null)[];
                    }[];
                    /** @description per period: the cohorts that completed it, weighted by size; null where none has */
                    average: ({
                        period: number;
                        /** @description customers of the cohorts that completed the period */
                        customers: number;
                        cohorts: number;
                        active: number;
                        revenue: number;
                        value: number | null;
                    } | null)[];
                    /** @description with metric retention and activity subscription; null otherwise, or with a warning saying why */
                    model: {
                        /** @constant */
                        model: "sbg";
                        alpha: number;
                        beta: number;
                        log_likelihood: number;
                        /** @description mean lifetime in periods; null when alpha ≤ 1 (infinite) */
                        expected_lifetime: number | null;
                        /** @description periods until fewer than half of the subscribers remain */
                        median_lifetime: number | null;
                        /** @description cohorts with subscribers fitted */
                        cohorts: number;
                        /** @description their subscribers at acquisition */
                        subscribers: number;
                        /** @description periods of churn observed, over all cohorts */
                        observed_periods: number;
                        /** @description the periods after the longest observed */
                        projection: {
                            period: number;
                            /** @description % of a cohort’s subscribers at acquisition expected to remain */
                            retention: number;
                        }[];
                        fit: {
                            iterations: number;
                            evaluations: number;
                            restarts: number;
                            converged: boolean;
                        };
                    } | null;
                    warnings: string[];
                };
            }[];
            notes: string[];
            /** @description present when the answer may miss data sent since pending_since */
            freshness?: {
                /** @constant */
                complete: false;
                /** @description ISO 8601 timestamp */
                pending_since: string;
            };
        };
        Funnel: {
            /** @description event types, lifecycle stages (lead, mql, sql, opportunity, customer, churned, reactivated) or session_start, first to last; a bare stage name is the stage, "event:NAME" and "stage:NAME" say which is meant */
            steps: string[];
            /** @description days after the entering event within which every later step must come (fractions allowed: 0.5 is 12 hours) */
            window_days: number;
            /** @description first day a person may enter (workspace time zone) */
            from: string;
            /** @description last day a person may enter, inclusive */
            to: string;
            /** @description ordered (default): each step after the previous one, other events allowed between; strict: each step the very next funnel-step event; any: the steps in any order within the window */
            order?: "ordered" | "strict" | "any";
            /** @description split people by the channel or campaign of the event that entered them */
            by?: "channel" | "campaign";
        };
        FunnelReport: {
            /** @description people who entered (ordered and strict: the first step’s count) */
            entered: number;
            steps: {
                /** @description 1-based position */
                step: number;
                /** @description the step as asked for */
                name: string;
                /** @description what the name was read as */
                kind: "event" | "stage" | "session_start";
                /** @description people who reached the step */
                count: number;
                /** @description percent; null for the first step and where the step before has no one */
                conversion_from_previous: number | null;
                /** @description percent; null where the first step has no one */
                conversion_from_first: number | null;
                /** @description median time from the step before, among those who reached this one; null for the first step and where no one did */
                median_seconds_from_previous: number | null;
            }[];
            /** @description percent; the last step’s count / entered; null when no one entered */
            overall_conversion: number | null;
            breakdown: {
                by: "channel" | "campaign";
                /** @description most entered first */
                rows: {
                    /** @description the channel or campaign id; (none) for an entering event without one */
                    key: string;
                    /** @description people who entered (ordered and strict: the first step’s count) */
                    entered: number;
                    steps: {
                        /** @description 1-based position */
                        step: number;
                        /** @description the step as asked for */
                        name: string;
                        /** @description what the name was read as */
                        kind: "event" | "stage" | "session_start";
                        /** @description people who reached the step */
                        count: number;
                        /** @description percent; null for the first step and where the step before has no one */
                        conversion_from_previous: number | null;
                        /** @description percent; null where the first step has no one */
                        conversion_from_first: number | null;
                        /** @description median time from the step before, among those who reached this one; null for the first step and where no one did */
                        median_seconds_from_previous: number | null;
                    }[];
                    /** @description percent; the last step’s count / entered; null when no one entered */
                    overall_conversion: number | null;
                }[];
            } | null;
            params: {
                steps: string[];
                order: "ordered" | "strict" | "any";
                window_days: number;
                from: string;
                to: string;
                /** @description the workspace time zone from and to are read in */
                time_zone: string;
                by: ("channel" | "campaign") | null;
                bot_filtering: boolean;
            };
            notes: string[];
        };
        /** @description a series as it is, or a metric whose totals per day, week or month are the series */
        Forecast: {
            /** @description oldest first, one per day, week or month without gaps */
            series: {
                /** @description YYYY-MM-DD: the day, or the first day of the week or month */
                date: string;
                value: number;
            }[];
            /** @description periods to forecast */
            horizon: number;
            /** @description season length in periods (default 7 for days, 52 for weeks, 12 for months; 1: none) */
            season?: number;
            /** @description auto (default): every model the series allows, the lowest AICc kept; simple, holt (trend), additive or multiplicative (Holt-Winters seasonality) */
            model?: "auto" | "simple" | "holt" | "additive" | "multiplicative";
            /** @description damp the trend; with auto: only damped (true) or undamped (false) trends; unset tries both */
            damped?: boolean;
            /** @description coverage of the prediction intervals (default 0.95) */
            level?: number;
        } | {
            /** @description a metric id of the catalog (GET /v1/catalog) */
            metric: string;
            filters?: {
                dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                op: "eq" | "neq" | "in" | "not_in" | "contains";
                values: string[];
            }[];
            /** @description the series’ step (default day); the season follows it: 7 days, 52 weeks, 12 months */
            grain?: "day" | "week" | "month";
            /** @description first day of the history (workspace time zone) */
            from: string;
            /** @description last day of the history, inclusive */
            to: string;
            /** @description days to forecast after the last complete day, week or month */
            horizon_days: number;
            /** @description auto (default): every model the series allows, the lowest AICc kept; simple, holt (trend), additive or multiplicative (Holt-Winters seasonality) */
            model?: "auto" | "simple" | "holt" | "additive" | "multiplicative";
            /** @description damp the trend; with auto: only damped (true) or undamped (false) trends; unset tries both */
            damped?: boolean;
            /** @description coverage of the prediction intervals (default 0.95) */
            level?: number;
        };
        ForecastReport: {
            /** @description the model fitted (with model auto: the lowest AICc) */
            model: "simple" | "holt" | "holt-damped" | "additive" | "additive-damped" | "multiplicative" | "multiplicative-damped";
            params: {
                /** @description level smoothing */
                alpha: number;
                /** @description trend smoothing (against the change in level); null without trend */
                beta: number | null;
                /** @description seasonal smoothing; null without seasonality */
                gamma: number | null;
                /** @description trend damping; null when the trend is not damped */
                phi: number | null;
            };
            /** @description sum of squared one-step errors */
            sse: number;
            /** @description corrected Akaike information criterion of the fit */
            aicc: number;
            /** @description the one-step forecast of every observation fitted */
            fitted: {
                date: string;
                /** @description the one-step forecast of the observation on this date */
                value: number;
            }[];
            /** @description the forecast, one per period after the last observation */
            points: {
                /** @description the day, or the first day of the week or month */
                date: string;
                /** @description point forecast */
                value: number;
                /** @description lower end of the prediction interval */
                lower: number;
                /** @description upper end of the prediction interval */
                upper: number;
            }[];
            /** @description the step between dates */
            grain: "day" | "week" | "month";
            /** @description season length offered to the seasonal models, in periods (1: none) */
            season: number;
            /** @description coverage of the prediction intervals */
            level: number;
            /** @description the metric whose totals were the series; null for a series sent as it is */
            metric: {
                id: string;
                label: string;
                unit: "count" | "money" | "percent" | "ratio" | "seconds" | "months" | "score";
                from: string;
                to: string;
                filters: {
                    dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                    op: "eq" | "neq" | "in" | "not_in" | "contains";
                    values: string[];
                }[];
            } | null;
            notes: string[];
        };
        Anomalies: {
            /** @description a metric id of the catalog (GET /v1/catalog), built in or custom */
            metric: string;
            filters?: {
                dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                op: "eq" | "neq" | "in" | "not_in" | "contains";
                values: string[];
            }[];
            /** @description the series’ step (default day); the season follows it: 7 days, 52 weeks, 12 months */
            grain?: "day" | "week" | "month";
            /** @description first day to judge (workspace time zone); the history before it is the training data */
            from: string;
            /** @description last day to judge, inclusive */
            to: string;
            /** @description coverage of the prediction interval a value must fall outside of to be an anomaly (default 0.99: |value − expected| > 2.58 σ); higher flags fewer points */
            sensitivity?: number;
            /** @description days, weeks or months of history before from to learn from (default 56 days, 104 weeks, 24 months) */
            training_periods?: number;
        };
        AnomalyReport: {
            metric: {
                id: string;
                label: string;
                unit: "count" | "money" | "percent" | "ratio" | "seconds" | "months" | "score";
                filters: {
                    dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                    op: "eq" | "neq" | "in" | "not_in" | "contains";
                    values: string[];
                }[];
            };
            /** @description the step between points */
            grain: "day" | "week" | "month";
            from: string;
            to: string;
            /** @description coverage of the prediction interval */
            sensitivity: number;
            /** @description holt_winters with enough history for two seasons, else seasonal_mad, else mad */
            method: "holt_winters" | "seasonal_mad" | "mad";
            /** @description why that method ran */
            reason: string;
            params: {
                /** @description season length in periods (1: none) */
                season: number;
                /** @description z: a point is an anomaly when |value − expected| > z·sigma (z of the sensitivity’s two-sided interval) */
                threshold: number;
                /** @description scale of the errors: the fit’s one-step σ, or 1.4826 × MAD */
                sigma: number;
                /** @description holt_winters: the trend of the model kept (seasonality is additive); null otherwise */
                trend: ("none" | "additive" | "damped") | null;
                /** @description holt_winters: the smoothing parameters; null otherwise */
                smoothing: {
                    /** @description level smoothing */
                    alpha: number;
                    /** @description trend smoothing (against the change in level); null without trend */
                    beta: number | null;
                    /** @description seasonal smoothing; null without seasonality */
                    gamma: number | null;
                    /** @description trend damping; null when the trend is not damped */
                    phi: number | null;
                } | null;
                /** @description holt_winters: the AICc of the model kept; null otherwise */
                aicc: number | null;
                /** @description the MAD methods: the median of the seasonal differences (seasonal_mad) or of the values (mad); null for holt_winters */
                median: number | null;
                /** @description the MAD methods: the median absolute deviation from that median, unscaled; null for holt_winters */
                mad: number | null;
                /** @description where sigma comes from: the fit, 1.4826 × MAD, √(π/2) × the mean absolute deviation (the MAD was 0), or a floor (the history does not vary) */
                sigma_basis: "fit" | "mad" | "mean_deviation" | "floor";
            };
            training: {
                /** @description first period of the history learned from */
                from: string;
                /** @description last period of the history learned from */
                to: string;
                /** @description periods of history */
                periods: number;
            };
            /** @description one per period of from…to with a value, oldest first */
            points: {
                /** @description the day, or the first day of the week or month */
                date: string;
                /** @description the metric’s value */
                value: number;
                /** @description the one-step forecast (holt_winters), the value a season before plus the median seasonal difference (seasonal_mad), or the median (mad) */
                expected: number;
                /** @description expected − threshold·sigma */
                lower: number;
                /** @description expected + threshold·sigma */
                upper: number;
                /** @description the value lies outside [lower, upper] */
                anomaly: boolean;
                /** @description how far outside: low below 1.5 half-widths from expected, medium below 2, high beyond; null when not an anomaly */
                severity: ("low" | "medium" | "high") | null;
                /** @description |value − expected| / sigma */
                score: number;
                /** @description the side of expected the value is on */
                direction: "above" | "below";
            }[];
            /** @description how many points are anomalies */
            anomalies: number;
            notes: string[];
        };
        Explain: {
            /** @description a metric id of the catalog (GET /v1/catalog), built in or custom */
            metric: string;
            /** @description first day of the period to explain (workspace time zone) */
            from: string;
            /** @description last day of the period to explain, inclusive */
            to: string;
            /** @description the period it changed from: previous_period (default; as many days right before from) or previous_year (the same days a year earlier) */
            compare?: "previous_period" | "previous_year";
            /** @description a dimension (channel, campaign, platform, device, country…) to split the change across its segments */
            by?: string;
            filters?: {
                dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                op: "eq" | "neq" | "in" | "not_in" | "contains";
                values: string[];
            }[];
        };
        ExplainReport: {
            metric: string;
            label: string;
            unit: "count" | "money" | "percent" | "ratio" | "seconds" | "months" | "score";
            direction: "up" | "down" | "neutral";
            /** @description the workspace currency of money values */
            currency: string;
            compare: "previous_period" | "previous_year";
            filters: {
                dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                op: "eq" | "neq" | "in" | "not_in" | "contains";
                values: string[];
            }[];
            period: {
                from: string;
                to: string;
            };
            previous_period: {
                from: string;
                to: string;
            };
            /** @description the KPI in the previous period; null where its denominator is 0 */
            previous: number | null;
            /** @description the KPI in the period */
            current: number | null;
            /** @description current − previous */
            change: number | null;
            /** @description the change in percent of previous; null from 0 */
            change_percent: number | null;
            summary: string;
            /** @description known-factors (CPA = CPC ÷ CVR…), formula (the formula’s own terms and factors), whole (the change as one part); null when there is no change to split */
            method: ("known-factors" | "formula" | "whole") | null;
            /** @description the parts of the change along the formula, largest first */
            drivers: {
                /** @description a factor of a known factorisation (cpc, cvr), a measure, or the printed part of the formula */
                id: string;
                label: string;
                /** @description the part’s own unit; null for a printed part of the formula */
                unit: ("count" | "money" | "percent" | "ratio" | "seconds" | "months" | "score") | null;
                /** @description the part’s own value in the previous period */
                previous: number | null;
                /** @description the part’s own value in the period */
                current: number | null;
                /** @description its own change in percent; null from 0 */
                change_percent: number | null;
                /** @description its part in the KPI’s change, in the KPI’s unit; the drivers add up to change */
                contribution: number;
                /** @description contribution / change × 100; null when the KPI did not change */
                share_percent: number | null;
                summary: string;
            }[];
            /** @description the change across the segments of by; null without by */
            breakdown: {
                dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                /** @description additive: each segment’s change; ratio: mix and rate; none: not split by segment */
                kind: "additive" | "ratio" | "none";
                /** @description the KPI over the segments in the previous period */
                previous: number | null;
                /** @description the KPI over the segments in the period */
                current: number | null;
                /** @description the change the segments’ contributions add up to */
                change: number | null;
                /** @description largest part (either way) first */
                segments: {
                    /** @description the segment (dimension value; "(none)" for rows without one) */
                    key: string;
                    /** @description new: no data before; gone: no data now; both: data in both periods */
                    status: "new" | "gone" | "both";
                    /** @description the KPI in the segment in the previous period */
                    previous: number | null;
                    /** @description the KPI in the segment in the period */
                    current: number | null;
                    /** @description its part in the segments’ change; the parts add up to breakdown.change */
                    contribution: number;
                    /** @description contribution / breakdown.change × 100 */
                    share_percent: number | null;
                    /** @description ratios: the part from its share of the denominator moving; null for sums */
                    mix: number | null;
                    /** @description ratios: the part from its own rate moving (mix + rate = contribution); null for sums */
                    rate: number | null;
                    summary: string;
                }[];
            } | null;
            notes: string[];
        };
        UnderperformingSegments: {
            /** @description a ratio metric with a better direction (ctr, cvr, cpa, cpc, cpm, roas…), built in or custom */
            metric: string;
            /** @description the dimensions whose segments are judged (channel, campaign, platform…); several: their combinations */
            dimensions: string[];
            /** @description first day of the period (workspace time zone) */
            from: string;
            /** @description last day of the period, inclusive */
            to: string;
            filters?: {
                dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                op: "eq" | "neq" | "in" | "not_in" | "contains";
                values: string[];
            }[];
            /** @description segments that spent less are left out of the assessment (default 0: every segment) */
            min_spend?: number;
            /** @description the expected share of false flags allowed among the flagged segments (default 0.05) */
            max_false_discovery_rate?: number;
        };
        UnderperformingSegmentsReport: {
            metric: string;
            label: string;
            unit: "count" | "money" | "percent" | "ratio" | "seconds" | "months" | "score";
            direction: "up" | "down" | "neutral";
            currency: string;
            dimensions: ("channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective")[];
            from: string;
            to: string;
            filters: {
                dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                op: "eq" | "neq" | "in" | "not_in" | "contains";
                values: string[];
            }[];
            min_spend: number;
            model: {
                /** @description beta-binomial for rates of counts (CTR, CVR), gamma-poisson for a cost per count (CPA, CPC, CPM), normal for other ratios (ROAS) */
                kind: "beta-binomial" | "gamma-poisson" | "normal";
                /** @description gamma-poisson: the side of the ratio that is the count */
                count: ("numerator" | "denominator") | null;
                /** @description normal: the coefficient of variation of one event’s value */
                value_cv: number | null;
            } | null;
            /** @description the workspace’s KPI; null where its denominator is 0 */
            workspace_value: number | null;
            prior: {
                /** @description the prior’s mean in the KPI’s unit */
                mean: number;
                parameters: {
                    [key: string]: number;
                };
                /** @description the segments spread no more than their noise: the prior is held at the strength of all their data */
                capped: boolean;
            } | null;
            /** @description how many segments were judged */
            assessed: number;
            max_false_discovery_rate: number;
            /** @description the expected share of false flags among the flagged; null when none is flagged */
            expected_false_discovery_rate: number | null;
            /** @description the flagged segments’ spend at stake, summed */
            spend_at_stake: number;
            /** @description the significantly worse segments, most money at stake first */
            segments: {
                /** @description the dimension values joined with " · " */
                key: string;
                /** @description dimension → value */
                values: {
                    [key: string]: string | null;
                };
                campaign_name: string | null;
                numerator: number;
                denominator: number;
                /** @description the KPI as observed; null where its denominator is 0 */
                value: number | null;
                /** @description the KPI shrunk toward the pooled value by the segment’s evidence */
                shrunk: number;
                /** @description the workspace’s KPI it is judged against */
                workspace_value: number;
                /** @description posterior probability that its true KPI is worse than the workspace’s */
                probability_worse: number;
                spend: number;
                /** @description spend beyond what its results cost at the workspace value, at its observed KPI */
                excess_cost: number;
                /** @description the same at its shrunk KPI */
                spend_at_stake: number;
            }[];
            notes: string[];
        };
        ExperimentStats: {
            /** @description rate: conversions out of n; mean: a metric averaged over n units */
            kind: "rate" | "mean";
            /** @description the control (first, unless `control` names another) and the treatments */
            variants: {
                name: string;
                /** @description units (users, sessions) exposed to the variant */
                n: number;
                /** @description rate: units that converted */
                conversions?: number;
                /** @description mean: the sum of the metric over the units */
                sum?: number;
                /** @description mean: the sum of the squared values */
                sum_squares?: number;
                /** @description CUPED: the sum of the pre-period covariate over the units */
                covariate_sum?: number;
                /** @description CUPED: the sum of the squared covariate */
                covariate_sum_squares?: number;
                /** @description CUPED: the sum of metric × covariate */
                cross_sum?: number;
            }[];
            /** @description the name of the control variant (default: the first) */
            control?: string;
            /** @description planned share of traffic per variant, in variant order, summing to 1 (default: equal) */
            planned_split?: number[];
            /** @description significance level, above 0 and at most 0.5 (default 0.05) */
            alpha?: number;
            /** @description rate: the Beta(alpha, beta) prior of every conversion rate (default Beta(1, 1)) */
            prior?: {
                alpha: number;
                beta: number;
            };
            /** @description always-valid confidence intervals and p-values, safe to look at while the experiment runs */
            sequential?: boolean;
            /** @description sequential: the total sample size at which the intervals are tightest (default 5000) */
            sequential_tuning?: number;
        };
        ExperimentReadout: {
            kind: "rate" | "mean";
            /** @description the control variant’s name */
            control: string;
            /** @description the significance level used */
            alpha: number;
            /** @description rates: the Beta prior of the posteriors; null for means */
            prior: {
                alpha: number;
                beta: number;
            } | null;
            /** @description sequential testing: the tuning sample size and the mixing parameter ρ; null for fixed-horizon results */
            sequential: {
                tuning: number;
                rho: number;
            } | null;
            /** @description CUPED: θ over all units; null without a covariate */
            cuped: {
                theta: number;
            } | null;
            /** @description in the order given; the control among them */
            variants: {
                name: string;
                /** @description units exposed to the variant */
                n: number;
                is_control: boolean;
                /** @description the conversion rate (rate) or the mean (mean) */
                value: number;
                /** @description CUPED: the mean adjusted for the covariate, which the lift compares; null without a covariate */
                adjusted_value: number | null;
                /** @description treatments: the lift over the control; null for the control */
                lift: {
                    /** @description treatment − control, in the metric’s units */
                    absolute: number;
                    /** @description absolute / control (0.1 = +10 %); null where the control’s value is 0 */
                    relative: number | null;
                    /** @description [low, high] at the confidence level 1 − alpha */
                    ci: [
                        number,
                        number
                    ];
                    /** @description the relative lift’s interval (delta method); null with the relative lift */
                    relative_ci: [
                        number,
                        number
                    ] | null;
                } | null;
                /** @description rates only: the pooled two-proportion z statistic; null for the control and where nothing varies */
                z?: number | null;
                /** @description means only: Welch’s t; null for the control and where nothing varies */
                t?: number | null;
                /** @description means only: the Welch–Satterthwaite degrees of freedom of t */
                df?: number | null;
                /** @description two-sided (always valid when sequential); null for the control */
                p_value: number | null;
                /** @description Benjamini–Hochberg across the treatments; null for the control */
                p_value_adjusted: number | null;
                /** @description Bayesian posterior probability that the variant’s value is above the control’s; null for the control */
                probability_to_beat_control: number | null;
                /** @description in the metric’s units: what shipping this variant, or keeping the control, is expected to lose; null for the control */
                expected_loss: {
                    choose_variant: number;
                    keep_control: number;
                } | null;
                /** @description CUPED: the share of variance removed; null without a covariate */
                cuped: {
                    variance_reduction: number;
                    /** @description metric–covariate correlation; null where one of them does not vary */
                    correlation: number | null;
                } | null;
            }[];
            /** @description sample ratio mismatch: Pearson’s chi-square of the units against the planned split */
            srm: {
                chi_square: number;
                df: number;
                p_value: number;
                /** @description p_value below threshold: units did not reach the variants in the planned split */
                flagged: boolean;
                threshold: number;
                /** @description the units the planned split expects, in variant order */
                expected: number[];
            };
            /** @description what to know before trusting the readout, the experiment-wide ones first */
            warnings: {
                code: "too_little_data" | "suspicious_lift" | "sample_ratio_mismatch" | "no_variance" | "zero_control" | "approximate_probability";
                /** @description the variant it concerns; null for the experiment as a whole */
                variant: string | null;
                message: string;
            }[];
            /** @description a readout from experiment_exposure events: what was read; null for statistics sent as they are */
            source: {
                experiment: string;
                metric: string;
                /** @description what one person’s value is */
                per_person: string;
                /** @description rate: 1 or 0 per person, read as a share of people */
                unit: "rate" | "count" | "money";
                /** @description first local date of the test window (the first exposure’s when not given) */
                from: string;
                /** @description last local date of the test window (today when not given) */
                to: string;
                time_zone: string;
                /** @description people counted in a variant */
                exposed: number;
                /** @description people left out for seeing more than one variant */
                excluded_multiple_variants: number;
                /** @description ISO 8601 instant */
                first_exposure: string;
                /** @description ISO 8601 instant */
                last_exposure: string;
                /** @description CUPED: the days before each first exposure its covariate covers; null when not applied */
                cuped_days: number | null;
            } | null;
            /** @description how the data was read (CUPED applied or not, people left out) */
            notes: string[];
            /** @description the other metrics of a body with `metrics`, each a readout; p_value_adjusted then corrects across every metric and treatment (empty otherwise) */
            secondary: {
                kind: "rate" | "mean";
                /** @description the control variant’s name */
                control: string;
                /** @description the significance level used */
                alpha: number;
                /** @description rates: the Beta prior of the posteriors; null for means */
                prior: {
                    alpha: number;
                    beta: number;
                } | null;
                /** @description sequential testing: the tuning sample size and the mixing parameter ρ; null for fixed-horizon results */
                sequential: {
                    tuning: number;
                    rho: number;
                } | null;
                /** @description CUPED: θ over all units; null without a covariate */
                cuped: {
                    theta: number;
                } | null;
                /** @description in the order given; the control among them */
                variants: {
                    name: string;
                    /** @description units exposed to the variant */
                    n: number;
                    is_control: boolean;
                    /** @description the conversion rate (rate) or the mean (mean) */
                    value: number;
                    /** @description CUPED: the mean adjusted for the covariate, which the lift compares; null without a covariate */
                    adjusted_value: number | null;
                    /** @description treatments: the lift over the control; null for the control */
                    lift: {
                        /** @description treatment − control, in the metric’s units */
                        absolute: number;
                        /** @description absolute / control (0.1 = +10 %); null where the control’s value is 0 */
                        relative: number | null;
                        /** @description [low, high] at the confidence level 1 − alpha */
                        ci: [
                            number,
                            number
                        ];
                        /** @description the relative lift’s interval (delta method); null with the relative lift */
                        relative_ci: [
                            number,
                            number
                        ] | null;
                    } | null;
                    /** @description rates only: the pooled two-proportion z statistic; null for the control and where nothing varies */
                    z?: number | null;
                    /** @description means only: Welch’s t; null for the control and where nothing varies */
                    t?: number | null;
                    /** @description means only: the Welch–Satterthwaite degrees of freedom of t */
                    df?: number | null;
                    /** @description two-sided (always valid when sequential); null for the control */
                    p_value: number | null;
                    /** @description Benjamini–Hochberg across the treatments; null for the control */
                    p_value_adjusted: number | null;
                    /** @description Bayesian posterior probability that the variant’s value is above the control’s; null for the control */
                    probability_to_beat_control: number | null;
                    /** @description in the metric’s units: what shipping this variant, or keeping the control, is expected to lose; null for the control */
                    expected_loss: {
                        choose_variant: number;
                        keep_control: number;
                    } | null;
                    /** @description CUPED: the share of variance removed; null without a covariate */
                    cuped: {
                        variance_reduction: number;
                        /** @description metric–covariate correlation; null where one of them does not vary */
                        correlation: number | null;
                    } | null;
                }[];
                /** @description sample ratio mismatch: Pearson’s chi-square of the units against the planned split */
                srm: {
                    chi_square: number;
                    df: number;
                    p_value: number;
                    /** @description p_value below threshold: units did not reach the variants in the planned split */
                    flagged: boolean;
                    threshold: number;
                    /** @description the units the planned split expects, in variant order */
                    expected: number[];
                };
                /** @description what to know before trusting the readout, the experiment-wide ones first */
                warnings: {
                    code: "too_little_data" | "suspicious_lift" | "sample_ratio_mismatch" | "no_variance" | "zero_control" | "approximate_probability";
                    /** @description the variant it concerns; null for the experiment as a whole */
                    variant: string | null;
                    message: string;
                }[];
                /** @description a readout from experiment_exposure events: what was read; null for statistics sent as they are */
                source: {
                    experiment: string;
                    metric: string;
                    /** @description what one person’s value is */
                    per_person: string;
                    /** @description rate: 1 or 0 per person, read as a share of people */
                    unit: "rate" | "count" | "money";
                    /** @description first local date of the test window (the first exposure’s when not given) */
                    from: string;
                    /** @description last local date of the test window (today when not given) */
                    to: string;
                    time_zone: string;
                    /** @description people counted in a variant */
                    exposed: number;
                    /** @description people left out for seeing more than one variant */
                    excluded_multiple_variants: number;
                    /** @description ISO 8601 instant */
                    first_exposure: string;
                    /** @description ISO 8601 instant */
                    last_exposure: string;
                    /** @description CUPED: the days before each first exposure its covariate covers; null when not applied */
                    cuped_days: number | null;
                } | null;
                /** @description how the data was read (CUPED applied or not, people left out) */
                notes: string[];
            }[];
        };
        ExperimentRequest: {
            /** @description the `experiment` property of its experiment_exposure events */
            experiment: string;
            /** @description visitor_cvr, conversions, revenue, pageviews, or an event type (did the person do it) */
            metric?: string;
            /** @description instead of metric: several metrics read together, the first answered at the top level, the rest in `secondary`; p_value_adjusted then corrects across every metric and treatment */
            metrics?: string[];
            /** @description first local date whose exposures count (default: the first exposure) */
            from?: string;
            /** @description last local date of the test: exposures and outcomes up to its end (default: now) */
            to?: string;
            /** @description the control variant (default: one named control, else the first by name) */
            control?: string;
            /** @description planned share of people per variant name, summing to 1 (default: equal) */
            planned_split?: {
                [key: string]: number;
            };
            /** @description significance level, above 0 and at most 0.5 (default 0.05) */
            alpha?: number;
            /** @description rates: the Beta prior (default Beta(1, 1)) */
            prior?: {
                alpha: number;
                beta: number;
            };
            /** @description always-valid intervals and p-values, safe to look at every day */
            sequential?: boolean;
            /** @description sequential: the total sample size at which the intervals are tightest (default 5000) */
            sequential_tuning?: number;
            /** @description adjust for each person’s metric in the days before exposure (default true; skipped when nobody had any) */
            cuped?: boolean;
            /** @description CUPED: the days before the first exposure the covariate covers (default 14) */
            cuped_days?: number;
        };
        ExperimentList: {
            /** @description most recently exposed first */
            experiments: {
                experiment: string;
                /** @description people whose first exposure was to each variant */
                variants: {
                    variant: string;
                    people: number;
                }[];
                people: number;
                /** @description ISO 8601 instant */
                first_exposure: string;
                /** @description ISO 8601 instant */
                last_exposure: string;
            }[];
        };
        AlertRuleInput: {
            name: string;
            /** @description a metric id of the catalog, built in or custom; not with a funnel condition */
            metric?: string;
            /** @description as in POST /v1/query */
            filters?: {
                dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                op: "eq" | "neq" | "in" | "not_in" | "contains";
                values: string[];
            }[];
            /** @description the bucket evaluated: the latest, complete or current (today for day); default day */
            grain?: "hour" | "day" | "week" | "month";
            condition: {
                /** @description threshold: the value against a number; change: percent against the previous period; anomaly: outside the expected range; goal_pace: a goal behind pace; funnel: a funnel’s conversion against a number; data_quality: the data-quality audit finds something at least this severe */
                kind: "threshold" | "change" | "anomaly" | "goal_pace" | "funnel" | "data_quality";
                /** @description threshold, change, funnel: which side fires */
                op?: "above" | "below";
                /** @description threshold: the number; funnel: the conversion in percent (0 to 100) */
                value?: number;
                /** @description change: the rise (op above) or fall (op below) in percent that fires, above 0 */
                percent?: number;
                /** @description anomaly: coverage of the expected range, 0.5 to 0.999999 (default 0.99); higher fires less */
                sensitivity?: number;
                /** @description goal_pace: the goal */
                goal_id?: string;
                /** @description funnel: 2 to 10 steps, first to last */
                steps?: string[];
                /** @description funnel: days within which every later step must come, above 0 and at most 365 */
                window_days?: number;
                /** @description data_quality: the least severe finding that fires (default error) */
                severity?: "error" | "warning";
            };
            /** @description evaluate per campaign or channel, and name the segments that moved */
            by?: "campaign" | "channel";
            /** @description a five-field cron expression in the workspace's time zone (default "0 * * * *", hourly) */
            schedule?: string;
            /** @description also evaluate after each ingestion that touches the metric’s sources */
            realtime?: boolean;
            /** @description no new firing within this many minutes of the last (default 60) */
            cooldown_minutes?: number;
            webhook: {
                /** @description an http(s) URL */
                url: string;
                /** @description signs each body (X-Beacon-Signature); at least 16 characters */
                secret?: string;
                /** @description json (default) or slack */
                format?: "json" | "slack";
            };
            action?: {
                /** @description what to recommend */
                action: "pause" | "decrease_budget" | "increase_budget" | "decrease_bid" | "increase_bid";
                /** @description budget and bid changes: by how much, 1 to 100 */
                by_percent?: number;
                /** @description budget and bid changes: at most this much per campaign and day, 1 to 100 */
                max_change_per_day_percent?: number;
            };
        };
        Acknowledge: {
            /** @description why the firing is silenced (it stays silent until its condition clears) */
            comment: string;
        };
        AlertRule: {
            id: string;
            name: string;
            /** @description null for a funnel condition, and for goal_pace without one */
            metric: string | null;
            filters: {
                dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                op: "eq" | "neq" | "in" | "not_in" | "contains";
                values: string[];
            }[];
            grain: "hour" | "day" | "week" | "month";
            condition: {
                /** @constant */
                kind: "threshold";
                op: "above" | "below";
                value: number;
            } | {
                /** @constant */
                kind: "change";
                op: "above" | "below";
                percent: number;
            } | {
                /** @constant */
                kind: "anomaly";
                sensitivity: number;
            } | {
                /** @constant */
                kind: "goal_pace";
                goal_id: string;
            } | {
                /** @constant */
                kind: "funnel";
                steps: string[];
                window_days: number;
                op: "above" | "below";
                value: number;
            } | {
                /** @constant */
                kind: "data_quality";
                severity: "error" | "warning";
            };
            /** @description the breakdown whose segments a firing names */
            by: ("campaign" | "channel") | null;
            /** @description five-field cron expression in the workspace's time zone */
            schedule: string;
            realtime: boolean;
            cooldown_minutes: number;
            webhook: {
                url: string;
                format: "json" | "slack";
                /** @description a secret signs each body (the secret itself is never shown) */
                signed: boolean;
            };
            /** @description what a firing recommends */
            action: {
                action: "pause" | "decrease_budget" | "increase_budget" | "decrease_bid" | "increase_bid";
                by_percent?: number;
                max_change_per_day_percent?: number;
            } | null;
            created_at: string;
        };
        AlertList: {
            alerts: {
                id: string;
                name: string;
                /** @description null for a funnel condition, and for goal_pace without one */
                metric: string | null;
                filters: {
                    dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                    op: "eq" | "neq" | "in" | "not_in" | "contains";
                    values: string[];
                }[];
                grain: "hour" | "day" | "week" | "month";
                condition: {
                    /** @constant */
                    kind: "threshold";
                    op: "above" | "below";
                    value: number;
                } | {
                    /** @constant */
                    kind: "change";
                    op: "above" | "below";
                    percent: number;
                } | {
                    /** @constant */
                    kind: "anomaly";
                    sensitivity: number;
                } | {
                    /** @constant */
                    kind: "goal_pace";
                    goal_id: string;
                } | {
                    /** @constant */
                    kind: "funnel";
                    steps: string[];
                    window_days: number;
                    op: "above" | "below";
                    value: number;
                } | {
                    /** @constant */
                    kind: "data_quality";
                    severity: "error" | "warning";
                };
                /** @description the breakdown whose segments a firing names */
                by: ("campaign" | "channel") | null;
                /** @description five-field cron expression in the workspace's time zone */
                schedule: string;
                realtime: boolean;
                cooldown_minutes: number;
                webhook: {
                    url: string;
                    format: "json" | "slack";
                    /** @description a secret signs each body (the secret itself is never shown) */
                    signed: boolean;
                };
                /** @description what a firing recommends */
                action: {
                    action: "pause" | "decrease_budget" | "increase_budget" | "decrease_bid" | "increase_bid";
                    by_percent?: number;
                    max_change_per_day_percent?: number;
                } | null;
                created_at: string;
                state: {
                    status: "idle" | "firing" | "acknowledged" | "cooling_down" | "cleared";
                    /** @description when the condition started holding */
                    since: string | null;
                    /** @description the last firing sent */
                    last_fired_at: string | null;
                    /** @description acknowledged: when */
                    acknowledged_at: string | null;
                    /** @description acknowledged: why */
                    comment: string | null;
                    /** @description cleared: when */
                    cleared_at: string | null;
                };
                /** @description null before the first evaluation */
                last_evaluated_at: string | null;
                /** @description the next run of its schedule; null when it has none */
                next_run: string | null;
            }[];
        };
        AlertHistory: {
            /** @description newest first */
            firings: {
                id: string;
                rule_id: string;
                name: string;
                metric: string;
                fired_at: string;
                /** @description what started the evaluation: its schedule, a catch-up at start, an ingestion (real-time rules) or a person */
                trigger?: "schedule" | "catch_up" | "realtime" | "manual";
                /** @description the value judged */
                value: number | null;
                /** @description what it was judged against */
                reference: number | null;
                because: string;
                condition: {
                    /** @constant */
                    kind: "threshold";
                    op: "above" | "below";
                    value: number;
                } | {
                    /** @constant */
                    kind: "change";
                    op: "above" | "below";
                    percent: number;
                } | {
                    /** @constant */
                    kind: "anomaly";
                    sensitivity: number;
                } | {
                    /** @constant */
                    kind: "goal_pace";
                    goal_id: string;
                } | {
                    /** @constant */
                    kind: "funnel";
                    steps: string[];
                    window_days: number;
                    op: "above" | "below";
                    value: number;
                } | {
                    /** @constant */
                    kind: "data_quality";
                    severity: "error" | "warning";
                };
                query: {
                    metrics: string[];
                    from: string;
                    to: string;
                    /** @description the grain of the rule */
                    grain?: ("hour" | "day" | "week" | "month" | "quarter" | "year") | null;
                    dimensions?: string[];
                    filters?: {
                        dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                        op: "eq" | "neq" | "in" | "not_in" | "contains";
                        values: string[];
                    }[];
                };
                segments: {
                    dimension: string;
                    /** @description the campaign or channel */
                    value: string;
                    /** @description the metric in the segment */
                    metric_value: number | null;
                    /** @description its share of the change of the whole, in percent; negative when it moved against it */
                    contribution_percent: number;
                }[];
                /** @description the recommended action, within its daily cap */
                action: {
                    action: "pause" | "decrease_budget" | "increase_budget" | "decrease_bid" | "increase_bid";
                    campaign_id?: string;
                    by_percent?: number;
                    because: string;
                } | null;
                /** @description why no action was recommended */
                action_note?: string;
                delivery: {
                    delivered: boolean;
                    attempts: {
                        attempt: number;
                        at: string;
                        status?: number;
                        error?: string;
                        duration_ms: number;
                    }[];
                    /** @description why the delivery failed */
                    error?: string;
                };
            }[];
        };
        AlertEvaluation: {
            rule_id: string;
            evaluated_at: string;
            /** @description what started the evaluation: its schedule, a catch-up at start, an ingestion (real-time rules) or a person */
            trigger: "schedule" | "catch_up" | "realtime" | "manual";
            met: boolean;
            no_data: boolean;
            /** @description the value judged */
            value: number | null;
            /** @description what it was judged against */
            reference: number | null;
            because: string;
            /** @description a firing was recorded and its webhook sent */
            fired: boolean;
            /** @description a firing has just cleared */
            resolved: boolean;
            state: {
                status: "idle" | "firing" | "acknowledged" | "cooling_down" | "cleared";
                /** @description when the condition started holding */
                since: string | null;
                /** @description the last firing sent */
                last_fired_at: string | null;
                /** @description acknowledged: when */
                acknowledged_at: string | null;
                /** @description acknowledged: why */
                comment: string | null;
                /** @description cleared: when */
                cleared_at: string | null;
            };
            query: {
                metrics: string[];
                from: string;
                to: string;
                /** @description the grain of the rule */
                grain?: ("hour" | "day" | "week" | "month" | "quarter" | "year") | null;
                dimensions?: string[];
                filters?: {
                    dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                    op: "eq" | "neq" | "in" | "not_in" | "contains";
                    values: string[];
                }[];
            };
            segments: {
                dimension: string;
                /** @description the campaign or channel */
                value: string;
                /** @description the metric in the segment */
                metric_value: number | null;
                /** @description its share of the change of the whole, in percent; negative when it moved against it */
                contribution_percent: number;
            }[];
            /** @description the firing this evaluation recorded */
            firing: {
                id: string;
                rule_id: string;
                name: string;
                metric: string;
                fired_at: string;
                /** @description what started the evaluation: its schedule, a catch-up at start, an ingestion (real-time rules) or a person */
                trigger?: "schedule" | "catch_up" | "realtime" | "manual";
                /** @description the value judged */
                value: number | null;
                /** @description what it was judged against */
                reference: number | null;
                because: string;
                condition: {
                    /** @constant */
                    kind: "threshold";
                    op: "above" | "below";
                    value: number;
                } | {
                    /** @constant */
                    kind: "change";
                    op: "above" | "below";
                    percent: number;
                } | {
                    /** @constant */
                    kind: "anomaly";
                    sensitivity: number;
                } | {
                    /** @constant */
                    kind: "goal_pace";
                    goal_id: string;
                } | {
                    /** @constant */
                    kind: "funnel";
                    steps: string[];
                    window_days: number;
                    op: "above" | "below";
                    value: number;
                } | {
                    /** @constant */
                    kind: "data_quality";
                    severity: "error" | "warning";
                };
                query: {
                    metrics: string[];
                    from: string;
                    to: string;
                    /** @description the grain of the rule */
                    grain?: ("hour" | "day" | "week" | "month" | "quarter" | "year") | null;
                    dimensions?: string[];
                    filters?: {
                        dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                        op: "eq" | "neq" | "in" | "not_in" | "contains";
                        values: string[];
                    }[];
                };
                segments: {
                    dimension: string;
                    /** @description the campaign or channel */
                    value: string;
                    /** @description the metric in the segment */
                    metric_value: number | null;
                    /** @description its share of the change of the whole, in percent; negative when it moved against it */
                    contribution_percent: number;
                }[];
                /** @description the recommended action, within its daily cap */
                action: {
                    action: "pause" | "decrease_budget" | "increase_budget" | "decrease_bid" | "increase_bid";
                    campaign_id?: string;
                    by_percent?: number;
                    because: string;
                } | null;
                /** @description why no action was recommended */
                action_note?: string;
                delivery: {
                    delivered: boolean;
                    attempts: {
                        attempt: number;
                        at: string;
                        status?: number;
                        error?: string;
                        duration_ms: number;
                    }[];
                    /** @description why the delivery failed */
                    error?: string;
                };
            } | null;
            notes: string[];
        };
        AlertAcknowledged: {
            state: {
                status: "idle" | "firing" | "acknowledged" | "cooling_down" | "cleared";
                /** @description when the condition started holding */
                since: string | null;
                /** @description the last firing sent */
                last_fired_at: string | null;
                /** @description acknowledged: when */
                acknowledged_at: string | null;
                /** @description acknowledged: why */
                comment: string | null;
                /** @description cleared: when */
                cleared_at: string | null;
            };
        };
        QualityReport: {
            generated_at: string;
            /** @description the workspace’s local day when the audit ran (YYYY-MM-DD) */
            today: string;
            /** @description errors first, then warnings, then notes; largest first within each */
            findings: {
                check: "clicks_over_impressions" | "spend_without_impressions" | "conversions_without_session" | "unknown_utm_campaigns" | "orders_without_fx_rate" | "revenue_events_without_fx_rate" | "ad_cost_without_fx_rate" | "future_events" | "tracking_gaps" | "platform_conversions_mismatch" | "duplicates_rejected" | "stale_sources";
                severity: "error" | "warning" | "info";
                title: string;
                /** @description what it means for the numbers, and what to do */
                message: string;
                /** @description rows, days, platforms or sources at fault */
                count: number;
                /** @description the records they stand for (the events of unknown campaigns…) */
                records: number;
                /** @description the first local day affected; null when the finding has no dates */
                from: string | null;
                /** @description the last local day affected */
                to: string | null;
                /** @description the latest rows at fault, at most 5 */
                examples: {
                    [key: string]: unknown;
                }[];
            }[];
            /** @description every check the audit ran */
            checks: {
                check: "clicks_over_impressions" | "spend_without_impressions" | "conversions_without_session" | "unknown_utm_campaigns" | "orders_without_fx_rate" | "revenue_events_without_fx_rate" | "ad_cost_without_fx_rate" | "future_events" | "tracking_gaps" | "platform_conversions_mismatch" | "duplicates_rejected" | "stale_sources";
                status: "ok" | "error" | "warning" | "info";
            }[];
            summary: {
                error: number;
                warning: number;
                info: number;
            };
            notes: string[];
        };
        ExportQuery: {
            /** @description the body of POST /v1/query */
            query: {
                [key: string]: unknown;
            };
            /** @description csv (with a header row, the default) or parquet */
            format?: "csv" | "parquet";
        };
        Sql: {
            /** @description one SELECT (or WITH … SELECT) over the workspace's views: events, ad_performance, campaigns, orders, … (one per source) and kpis */
            sql: string;
            /** @description rows returned at most (default 10,000) */
            limit?: number;
        };
        SqlResult: {
            columns: {
                name: string;
                /** @description the SQL type, e.g. VARCHAR, BIGINT, DECIMAL(18,6) */
                type: string;
            }[];
            /** @description 64-bit integers and decimals as text */
            rows: {
                [key: string]: unknown;
            }[];
            /** @description more rows than the limit: the rest were left out */
            truncated: boolean;
        };
        Budget: {
            /** @description the budget for a period as long as from…to, in the workspace currency */
            total_budget: number;
            /** @description what the budget is split by (default channel) */
            by?: "channel" | "campaign";
            /** @description first day of the history the curves are fitted on (workspace time zone) */
            from: string;
            /** @description last day of that history, inclusive; at least 30 days after from */
            to: string;
            /** @description what to maximise (default revenue); with a target, what it is measured on */
            objective?: "revenue" | "conversions";
            /** @description spend the most that keeps revenue ÷ spend at least this (instead of spending the whole budget) */
            target_roas?: number;
            /** @description spend the most that keeps spend ÷ conversions at most this */
            target_cpa?: number;
            /** @description the attribution model the outcomes are credited by (default the workspace’s) */
            model?: "last_non_direct" | "first_touch" | "last_touch";
            filters?: {
                dimension: "channel" | "platform" | "campaign" | "ad_group" | "ad" | "source" | "medium" | "landing_page" | "device" | "country" | "conversion_type" | "objective";
                op: "eq" | "neq" | "in" | "not_in" | "contains";
                values: string[];
            }[];
            /** @description the least each key may get over the period, by key */
            min?: {
                [key: string]: number;
            };
            /** @description the most each key may get over the period, by key */
            max?: {
                [key: string]: number;
            };
            /** @description keys whose spend stays as it is */
            locked?: string[];
            /** @description how far each key may move from its current spend, in percent, where min/max do not say otherwise (default 50): curves are least reliable far from the spend they were fitted on */
            max_change_percent?: number;
            /** @description days at the end held out to measure each curve’s out-of-sample error (default 28) */
            holdout_days?: number;
        };
        BudgetReport: {
            by: "channel" | "campaign";
            from: string;
            to: string;
            days: number;
            currency: string;
            outcome: "revenue" | "conversions";
            /** @description the target kept, if any */
            target: ({
                roas: number;
            } | {
                cpa: number;
            }) | null;
            /** @description the attribution model the outcomes are credited by */
            model: string;
            total_budget: number;
            current_total: number;
            recommended_total: number;
            expected_current: {
                value: number;
                /** @description the 95 % interval of the curve’s expectation; null without one */
                low: number | null;
                /** @description its upper end */
                high: number | null;
            };
            expected: {
                value: number;
                /** @description the 95 % interval of the curve’s expectation; null without one */
                low: number | null;
                /** @description its upper end */
                high: number | null;
            };
            rows: {
                key: string;
                /** @description spend over the history */
                current: number;
                /** @description spend over a period as long */
                recommended: number;
                change: number;
                expected: {
                    value: number;
                    /** @description the 95 % interval of the curve’s expectation; null without one */
                    low: number | null;
                    /** @description its upper end */
                    high: number | null;
                };
                expected_current: {
                    value: number;
                    /** @description the 95 % interval of the curve’s expectation; null without one */
                    low: number | null;
                    /** @description its upper end */
                    high: number | null;
                };
                /** @description revenue per extra unit of spend at the recommendation (revenue plans) */
                marginal_roas: number | null;
                /** @description spend per extra conversion at the recommendation (conversion plans) */
                marginal_cpa: number | null;
                /** @description the marginal ROAS at the current spend (revenue plans) */
                marginal_roas_current: number | null;
                /** @description the constraint holding the recommendation; null when the key is free to move */
                binding: ("min" | "max" | "locked" | "observed_range") | null;
                curve: {
                    family: "hill" | "exponential";
                    params: {
                        beta: number;
                        gamma: number;
                        /** @description Hill only */
                        alpha: number | null;
                    };
                    /** @description the share of a day’s effect carried to the next (geometric adstock) */
                    adstock_decay: number;
                    r_squared: number;
                    /** @description out-of-sample error on the last days held out */
                    holdout: {
                        days: number;
                        /** @description null where the outcome was 0 */
                        mape: number | null;
                        rmse: number;
                    } | null;
                    observed_daily_spend: {
                        min: number;
                        max: number;
                        median: number;
                    };
                    /** @description false when spend varied too little: the recommendation then stays within the spend seen */
                    identifiable: boolean;
                    warnings: string[];
                    /** @description the expected outcome over the period at a period spend, to draw the curve */
                    points: {
                        spend: number;
                        outcome: number;
                    }[];
                };
            }[];
            binding_constraints: {
                key: string;
                constraint: "min" | "max" | "locked" | "observed_range";
            }[];
            feasible: boolean;
            keeps_current_split: boolean;
            /** @description why the recommendation is what it is, in words */
            reasons: string[];
            excluded: {
                key: string;
                outcome: number;
                why: string;
            }[];
            notes: string[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
