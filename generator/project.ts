/**
 * Settings of this project's own specs (`npm run generate` with no arguments). Only names live here: a
 * platform's behaviour belongs in its spec, never in the generator.
 */
export const SPECS_DIR = "specs";
export const GENERATED_DIR = "generated";

/** Client class names, by spec name, where deriving one from `info.title` would not give the project's name. */
export const PROJECT_CLIENT_NAMES: Readonly<Record<string, string>> = {
  nextcommerce: "NextCommerceClient",
  bigcommerce: "BigCommerceClient",
  medusa: "MedusaClient",
  payments: "PaymentsClient",
};
