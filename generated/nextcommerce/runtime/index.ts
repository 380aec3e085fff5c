/** The payspec client runtime: copied verbatim into every generated/<name>/runtime/. */
export type {
  CallInput,
  CoreOptions,
  Credential,
  HttpMethod,
  OperationInfo,
  RequestOptions,
  SecurityRequirement,
  SecuritySchemeInfo,
  ValidationIssue,
  ValidationResult,
  Validator,
} from "./operation.js";
export { ClientCore, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from "./core.js";
export { resolveServerUrl } from "./servers.js";
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  formatIssues,
  InternalServerError,
  NotFoundError,
  PayspecError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  ResponseValidationError,
  UnprocessableEntityError,
  ValidationError,
} from "./errors.js";
