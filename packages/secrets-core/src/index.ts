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
  DEFAULT_IMPORT_FROM,
  SecretsConfigError,
  type ResolvedSecretsSettings,
  type SecretsSettingsInput,
} from "./settings.js";
export { classifyDrift, editDistance, matchDrift, type DriftKind, type DriftPair } from "./drift.js";
export {
  loadConfigFile,
  sharedSecretsSettings,
  CONFIG_FILE_NAME,
  PACKAGE_JSON_KEY,
  type LoadedConfigFile,
} from "./config-file.js";
export {
  classifyPublicEnvName,
  frameworksOfPublicPrefix,
  matchPublicEnvPrefix,
  publicByDesignService,
  DEFAULT_PUBLIC_ENV_PREFIXES,
  PUBLIC_BY_DESIGN_RULES,
  PUBLIC_ENV_PREFIXES,
  type PublicEnvNameOptions,
  type PublicEnvNameVerdict,
  type PublicEnvPrefix,
  type PublicByDesignRule,
} from "./public-prefixes.js";
