export { ErrorCode, ErrorEnvelope, errorStatus, isRetryableStatus } from "./errors.js";
export { keyKind, bearer, type KeyKind } from "./keys.js";
export const SDK_VERSION = "0.1.0";
