/** The payspec client runtime: copied verbatim into every generated/<name>/runtime/. */
export type {
  CallInput,
  ClientParts,
  ClientValidators,
  CoreOptions,
  Credential,
  DeclaredResponse,
  HttpMethod,
  JsonType,
  OperationInfo,
  PagePromise,
  PagingInfo,
  QueryParameterStyle,
  QuerySerializer,
  RequestOptions,
  RetryEvent,
  SecurityRequirement,
  SecuritySchemeInfo,
  ValidationIssue,
  ValidationResult,
  Validator,
} from "./operation.js";
export type { BodyEncoding } from "./body.js";
export type { RetryWaits } from "./retry.js";
export { bodyAsGiven, formBody, formBodyWith, multipartBody } from "./body.js";
export { withCookies } from "./cookies.js";
export { ClientCore } from "./core.js";
export { paginate } from "./paging.js";
export { querySerializerFor } from "./query.js";
export { retryWaits } from "./retry.js";
export { resolveServerUrl } from "./servers.js";
export { fetchFollowing } from "./transport.js";
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
  RedirectError,
  RequestValidationError,
  ResponseTooLargeError,
  ResponseValidationError,
  UnprocessableEntityError,
  ValidationError,
} from "./errors.js";
