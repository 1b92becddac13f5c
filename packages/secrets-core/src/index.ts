export {
  classifySecretName,
  isSecretName,
  splitNameSegments,
  DEFAULT_SECRET_WORDS,
  QUALIFIER_WORDS,
  type ClassifierOptions,
  type SecretNameReason,
  type SecretNameVerdict,
} from "./classifier.js";
export {
  resolveSecretsSettings,
  secretsSettingsSchema,
  toPosixRelative,
  DEFAULT_ACCESSORS,
  SecretsConfigError,
  type ResolvedSecretsSettings,
  type SecretsSettingsInput,
} from "./settings.js";
