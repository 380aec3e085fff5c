/** The payspec client runtime: copied verbatim into every generated/<name>/runtime/. */
export type {
  CallInput,
  CoreOptions,
  Credential,
  HttpMethod,
  OperationInfo,
  QueryParameterStyle,
  RequestOptions,
  RetryEvent,
  SecurityRequirement,
  SecuritySchemeInfo,
  ValidationIssue,
  ValidationResult,
  Validator,
} from "./operation.js";
export { ClientCore } from "./core.js";
export { resolveServerUrl } from "./servers.js";
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
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
