/** Redocly's openapi-core, as load.ts uses it. */
import * as redocly from "@redocly/openapi-core";

export { redocly };
