/**
 * secrets-runtime: the sanctioned accessor that eslint-plugin-secrets and secret-scanner point at.
 *
 *   import { getSecret } from "secrets-runtime";
 *   const stripe = new Stripe(getSecret("STRIPE_SECRET_KEY").reveal());
 */
import { createSecrets } from "./accessor.js";

export { createSecrets, DEFAULT_SECRETS_DIR, type Secrets, type SecretsOptions, type SecretsSpec, type SecretStatus } from "./accessor.js";
export {
  createAsyncSecrets,
  dockerSecretsBackend,
  environmentBackend,
  fileVariableBackend,
  type AsyncSecrets,
  type AsyncSecretsOptions,
  type SecretBackend,
} from "./async.js";
export { SecretConfigurationError, SecretNotFoundError, SecretValidationError, type SourceReport } from "./errors.js";
export { REDACTED, Secret } from "./secret.js";
export type { Environment, SecretFileNames } from "./sources.js";

const defaultSecrets = createSecrets();

/** The secret `name` from `/run/secrets/<name>`, `<name>_FILE` or the environment; throws when missing. */
export const getSecret = (name: string) => defaultSecrets.getSecret(name);
/** The secret, or `undefined`: only for optional features, after deciding what to do without it. */
export const getOptionalSecret = (name: string) => defaultSecrets.getOptionalSecret(name);
/** Whether the secret is available. */
export const hasSecret = (name: string) => defaultSecrets.hasSecret(name);
/** Checks all listed secrets at start-up; throws one error listing every missing required one. */
export const validateSecrets = (spec: Parameters<typeof defaultSecrets.validateSecrets>[0]) => defaultSecrets.validateSecrets(spec);
