/**
 * The catalogue of wire-level checks `payspec diff` makes, worked through from oasdiff's catalogue (its check ids
 * are kept where one exists). Each check has an id, a level and a sentence a person understands; a change found by a
 * check carries that level unless the change's own message says why it differs (never silently).
 *
 * Levels are judged from the side of a client built for the old spec and still running against the new API:
 * - breaking: calls that worked fail, or answers the client relies on no longer come;
 * - possibly-breaking: some clients break, depending on what they send, read or validate;
 * - non-breaking: every old client keeps working;
 * - annotation: documentation only, nothing on the wire changes.
 * What the change does to code compiled against the generated client is judged separately, by the TypeScript
 * compiler (compiler.ts), and can raise a change's verdict, never lower it.
 */

export type Level = "breaking" | "possibly-breaking" | "non-breaking" | "annotation";

export const LEVELS: readonly Level[] = ["breaking", "possibly-breaking", "non-breaking", "annotation"];

/** The more severe of two levels. */
export function worseLevel(a: Level, b: Level): Level {
  return LEVELS.indexOf(a) <= LEVELS.indexOf(b) ? a : b;
}

export interface Check {
  readonly level: Level;
  /** Why a change of this kind has this level, in one sentence. */
  readonly sentence: string;
}

const check = (level: Level, sentence: string): Check => ({ level, sentence });

/**
 * Schema checks come in a request and a response variant: a schema narrowed in a request refuses what old clients
 * send; widened in a response, it returns what old clients never expected.
 */
export const CHECKS = {
  // Operations
  "endpoint-added": check("non-breaking", "A new operation: old clients do not call it, the new client has a method for it."),
  "api-removed-without-deprecation": check("breaking", "An operation was removed without being deprecated first: calls to it fail."),
  "api-removed-with-deprecation": check("breaking", "A deprecated operation was removed: clients that still call it fail."),
  "api-operation-moved": check("breaking", "An operation kept its operationId but moved to another method or path: old clients still call the old one."),
  "api-operation-id-changed": check("annotation", "An operation's operationId changed: nothing changes on the wire, but the client method takes the new name."),
  "endpoint-deprecated": check("non-breaking", "An operation is now deprecated: it still works, and will probably be removed later."),
  "endpoint-reactivated": check("non-breaking", "An operation is no longer deprecated."),
  "operation-documentation-changed": check("annotation", "An operation's summary, description or tags changed: documentation only."),
  "operation-extension-changed": check("annotation", "An operation's `x-` extension changed: not part of the wire contract, though the client may read it (paging)."),

  // Parameters
  "new-required-request-parameter": check("breaking", "A new required parameter: old clients do not send it, so their requests are refused."),
  "new-optional-request-parameter": check("non-breaking", "A new optional parameter: old clients leave it out, which the API accepts."),
  "request-parameter-removed": check("possibly-breaking", "A parameter was removed: old clients still send it, which the API may ignore or refuse."),
  "request-parameter-became-required": check("breaking", "A parameter became required: old clients that leave it out are refused."),
  "request-parameter-became-optional": check("non-breaking", "A parameter became optional: everything old clients send is still accepted."),
  "request-parameter-serialization-changed": check("breaking", "A parameter's style or explode changed: old clients write it on the wire in the old form."),
  "request-parameter-deprecated": check("non-breaking", "A parameter is now deprecated: it still works."),
  "request-parameter-reactivated": check("non-breaking", "A parameter is no longer deprecated."),
  "request-path-parameter-renamed": check("annotation", "A path parameter was renamed: a path parameter's name never goes on the wire, but the client's input key changes."),

  // Request bodies
  "request-body-added-required": check("breaking", "A required request body was added: old clients send none, so their requests are refused."),
  "request-body-added-optional": check("non-breaking", "An optional request body was added: old clients send none, which the API accepts."),
  "request-body-removed": check("possibly-breaking", "The request body was removed: old clients still send one, which the API may ignore or refuse."),
  "request-body-became-required": check("breaking", "The request body became required: old clients that send none are refused."),
  "request-body-became-optional": check("non-breaking", "The request body became optional."),
  "request-body-media-type-removed": check("breaking", "A request media type was removed: old clients that send it are refused."),
  "request-body-media-type-added": check("non-breaking", "A request media type was added: old clients keep sending one still accepted."),

  // Request schemas (a parameter's schema, the body, or a property at any depth of it)
  "request-property-type-changed": check("breaking", "A request value's type changed to one that does not accept every old value: what old clients send may be refused."),
  "request-property-type-generalized": check("non-breaking", "A request value's type was widened: everything old clients send is still accepted."),
  "request-property-became-not-nullable": check("breaking", "A request value no longer accepts null: old clients that send null are refused."),
  "request-property-became-nullable": check("non-breaking", "A request value now also accepts null."),
  "request-property-became-enum": check("breaking", "A request value that took any value is now restricted to a list: old clients sending another value are refused."),
  "request-property-enum-value-removed": check("breaking", "A value was removed from a request enum: old clients that send it are refused."),
  "request-property-enum-value-added": check("non-breaking", "A value was added to a request enum: everything old clients send is still accepted."),
  "request-property-enum-removed": check("non-breaking", "A request value is no longer restricted to a list of values."),
  "request-property-pattern-added": check("breaking", "A pattern was added to a request value: old values that do not match it are refused."),
  "request-property-pattern-changed": check("possibly-breaking", "A request value's pattern changed: values the old pattern accepted may not match the new one (patterns cannot be compared in general)."),
  "request-property-pattern-removed": check("non-breaking", "A request value's pattern was removed: every value is still accepted."),
  "request-property-format-changed": check("possibly-breaking", "A request value's format was set or changed: values in the old format may be refused (and the generated client validates formats before sending)."),
  "request-property-format-removed": check("non-breaking", "A request value's format was removed."),
  "request-property-max-set": check("breaking", "An upper bound (maximum, maxLength, maxItems...) was set on a request value: larger values old clients send are refused."),
  "request-property-max-decreased": check("breaking", "An upper bound of a request value was lowered: values between the new and the old bound are refused."),
  "request-property-max-increased": check("non-breaking", "An upper bound of a request value was raised: everything old clients send is still accepted."),
  "request-property-max-unset": check("non-breaking", "An upper bound of a request value was removed."),
  "request-property-min-set": check("breaking", "A lower bound (minimum, minLength, minItems...) was set on a request value: smaller values old clients send are refused."),
  "request-property-min-increased": check("breaking", "A lower bound of a request value was raised: values between the old and the new bound are refused."),
  "request-property-min-decreased": check("non-breaking", "A lower bound of a request value was lowered: everything old clients send is still accepted."),
  "request-property-min-unset": check("non-breaking", "A lower bound of a request value was removed."),
  "request-property-constraint-added": check("breaking", "A constraint (multipleOf, uniqueItems) was set or tightened on a request value: some old values are refused."),
  "request-property-constraint-removed": check("non-breaking", "A constraint (multipleOf, uniqueItems) was removed from a request value."),
  "new-required-request-property": check("breaking", "A new required request property: old clients do not send it, so their requests are refused."),
  "new-required-request-read-only-property": check("non-breaking", "A new required property that is readOnly: clients never send readOnly properties, so the API does not expect it from them."),
  "new-optional-request-property": check("non-breaking", "A new optional request property: old clients leave it out, which the API accepts."),
  "request-property-removed": check("possibly-breaking", "A request property was removed: old clients still send it, which the API may ignore or refuse."),
  "request-property-removed-now-refused": check("breaking", "A request property was removed from an object that allows no other properties: old clients that send it are refused."),
  "request-read-only-property-removed": check("non-breaking", "A readOnly property was removed from a request: clients never send readOnly properties."),
  "request-property-became-required": check("breaking", "A request property became required: old clients that leave it out are refused."),
  "request-property-became-optional": check("non-breaking", "A request property became optional."),
  "request-property-became-read-only": check("possibly-breaking", "A request property became readOnly: the API now ignores what old clients send in it."),
  "request-property-became-not-read-only": check("non-breaking", "A request property is no longer readOnly: clients may now send it."),
  "request-additional-properties-forbidden": check("possibly-breaking", "A request object no longer allows properties it does not list: old clients that send others are refused."),
  "request-additional-properties-allowed": check("non-breaking", "A request object now allows properties it does not list."),
  "request-property-default-changed": check("possibly-breaking", "A request value's default was set, changed or removed: old clients that leave the value out now get another behaviour."),
  "request-property-union-option-added": check("non-breaking", "An alternative (oneOf/anyOf) was added to a request value: everything old clients send is still accepted."),
  "request-property-union-option-removed": check("breaking", "An alternative (oneOf/anyOf) was removed from a request value: old clients that send it are refused."),
  "request-property-all-of-added": check("breaking", "A schema was added to a request value's allOf: what old clients send must now satisfy it too."),
  "request-property-all-of-removed": check("non-breaking", "A schema was removed from a request value's allOf: fewer constraints."),
  "request-discriminator-changed": check("breaking", "A request discriminator's property or mapping changed: what old clients send may no longer select the right schema."),
  "request-discriminator-mapping-added": check("non-breaking", "A mapping was added to a request discriminator."),
  "request-property-deprecated": check("non-breaking", "A request property is now deprecated: it still works."),
  "request-property-reactivated": check("non-breaking", "A request property is no longer deprecated."),

  // Responses
  "response-success-status-removed": check("breaking", "A success status was removed: the answer old clients read is no longer given."),
  "response-non-success-status-removed": check("non-breaking", "An error status was removed: old clients handle failures by status, and simply no longer get this one."),
  "response-success-status-added": check("possibly-breaking", "A success status was added: old clients may not expect the new answer."),
  "response-non-success-status-added": check("non-breaking", "An error status was added: the client turns every failure status into an error, this one included."),
  "response-media-type-removed": check("breaking", "A response media type was removed: old clients that read it no longer get it."),
  "response-media-type-added": check("non-breaking", "A response media type was added."),
  "required-response-header-removed": check("breaking", "A required response header was removed: old clients that read it no longer get it."),
  "optional-response-header-removed": check("possibly-breaking", "An optional response header was removed: old clients that use it lose it."),
  "response-header-became-optional": check("breaking", "A response header became optional: old clients that rely on it may not get it."),
  "response-header-added": check("non-breaking", "A response header was added."),

  // Response schemas
  "response-property-type-changed": check("breaking", "A response value's type changed: old clients may get values of a type they do not expect."),
  "response-property-type-specialized": check("non-breaking", "A response value's type was narrowed: every value returned is of a type old clients expect."),
  "response-property-became-nullable": check("breaking", "A response value may now be null: old clients do not expect null."),
  "response-property-became-not-nullable": check("non-breaking", "A response value is no longer null."),
  "response-property-became-enum": check("non-breaking", "A response value that could be anything is now one of a list: every value is one old clients accept."),
  "response-property-enum-value-added": check("possibly-breaking", "A value was added to a response enum: code that switches over the old values goes stale, and validating clients refuse the new one."),
  "response-property-enum-value-removed": check("non-breaking", "A value was removed from a response enum: old clients never see it again."),
  "response-property-enum-removed": check("possibly-breaking", "A response value is no longer restricted to a list: old clients may get values they do not handle."),
  "response-property-pattern-added": check("non-breaking", "A pattern was added to a response value: values returned are a subset of the old ones."),
  "response-property-pattern-changed": check("possibly-breaking", "A response value's pattern changed: old clients that validate responses may refuse the new values."),
  "response-property-pattern-removed": check("possibly-breaking", "A response value's pattern was removed: old clients that validate responses may refuse the new values."),
  "response-property-format-set": check("non-breaking", "A format was set on a response value."),
  "response-property-format-changed": check("possibly-breaking", "A response value's format changed or was removed: old clients that parse or validate the old format may fail."),
  "response-property-max-increased": check("possibly-breaking", "An upper bound of a response value was raised: old clients that validate responses refuse values above the old bound."),
  "response-property-max-unset": check("possibly-breaking", "An upper bound of a response value was removed: old clients that validate responses refuse values above the old bound."),
  "response-property-max-decreased": check("non-breaking", "An upper bound of a response value was lowered."),
  "response-property-max-set": check("non-breaking", "An upper bound was set on a response value."),
  "response-property-min-decreased": check("possibly-breaking", "A lower bound of a response value was lowered: old clients that validate responses refuse values below the old bound."),
  "response-property-min-unset": check("possibly-breaking", "A lower bound of a response value was removed: old clients that validate responses refuse values below the old bound."),
  "response-property-min-increased": check("non-breaking", "A lower bound of a response value was raised."),
  "response-property-min-set": check("non-breaking", "A lower bound was set on a response value."),
  "response-property-constraint-removed": check("possibly-breaking", "A constraint (multipleOf, uniqueItems) of a response value was removed or loosened: old clients that validate responses may refuse new values."),
  "response-property-constraint-added": check("non-breaking", "A constraint (multipleOf, uniqueItems) was set on a response value."),
  "response-required-property-removed": check("breaking", "A required response property was removed: old clients that read it get nothing."),
  "response-optional-property-removed": check("possibly-breaking", "An optional response property was removed: old clients coped with its absence, but lose what it carried."),
  "response-property-added": check("non-breaking", "A response property was added: old clients ignore it."),
  "response-property-became-optional": check("breaking", "A response property became optional: old clients that rely on it may not get it."),
  "response-property-became-required": check("non-breaking", "A response property became required: it is always returned now."),
  "response-additional-properties-allowed": check("possibly-breaking", "A response object now allows properties it does not list: old clients that validate responses refuse them."),
  "response-additional-properties-forbidden": check("non-breaking", "A response object no longer allows properties it does not list."),
  "response-property-union-option-added": check("possibly-breaking", "An alternative (oneOf/anyOf) was added to a response value: old clients may get a shape they do not handle."),
  "response-property-union-option-removed": check("non-breaking", "An alternative (oneOf/anyOf) was removed from a response value."),
  "response-property-all-of-added": check("non-breaking", "A schema was added to a response value's allOf: values returned satisfy more constraints."),
  "response-property-all-of-removed": check("possibly-breaking", "A schema was removed from a response value's allOf: values returned may no longer satisfy it."),
  "response-discriminator-changed": check("breaking", "A response discriminator's property or mapping changed: old clients pick the wrong schema for what they read."),
  "response-discriminator-mapping-added": check("possibly-breaking", "A mapping was added to a response discriminator: old clients may get a kind they do not handle."),
  "response-property-deprecated": check("non-breaking", "A response property is now deprecated: it is still returned."),
  "response-property-reactivated": check("non-breaking", "A response property is no longer deprecated."),

  // Schemas, either side
  "schema-documentation-changed": check("annotation", "A schema's description, title or examples changed: documentation only."),

  // Security
  "api-security-added": check("breaking", "An operation that needed no credentials now requires them: old clients send none."),
  "api-security-removed": check("non-breaking", "An operation no longer requires credentials."),
  "api-security-requirement-added": check("non-breaking", "A new way to authenticate was added to an operation: the old ones still work."),
  "api-security-requirement-removed": check("breaking", "A way to authenticate was removed from an operation: old clients that use it are refused."),
  "api-security-scope-added": check("breaking", "A security requirement needs a new scope or role: credentials old clients hold may lack it."),
  "api-security-scope-removed": check("non-breaking", "A security requirement needs fewer scopes or roles."),
  "security-scheme-changed": check("breaking", "A security scheme changed how credentials are sent (type, scheme, header or parameter name): old clients send them the old way."),
  "security-scheme-added": check("non-breaking", "A security scheme was added."),
  "security-scheme-removed": check("possibly-breaking", "A security scheme was removed: operations that used it no longer accept its credentials."),

  // Servers
  "server-url-changed": check("possibly-breaking", "The server URL changed: clients built for the old spec still call the old URL unless given a base URL."),
  "server-added": check("non-breaking", "A server was added."),
  "server-removed": check("possibly-breaking", "A server was removed: clients that call it may no longer reach the API."),
  "server-variable-added": check("non-breaking", "A server variable was added: it has a default, so old clients' URLs are unchanged."),
  "server-variable-removed": check("possibly-breaking", "A server variable was removed: clients that set it build another URL."),
  "server-variable-default-changed": check("possibly-breaking", "A server variable's default changed: clients that rely on the default call another URL."),
  "server-variable-enum-value-removed": check("breaking", "A value was removed from a server variable's list: clients configured with it are refused by the new client."),

  // The client as a whole
  "client-renamed": check("annotation", "The client class is named after the spec's title, which changed: nothing changes on the wire, but code imports the class by its new name."),

  // Found by the compiler only: a type incompatibility no wire-level check explains.
  "client-type-incompatible": check("annotation", "The TypeScript compiler finds code written against the old client no longer compiles, where no wire-level check found a change."),
} as const satisfies Record<string, Check>;

export type CheckId = keyof typeof CHECKS;

export const CHECK_IDS = Object.keys(CHECKS) as CheckId[];
