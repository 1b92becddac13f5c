export {
  classifySecretName,
  isSecretName,
  mayBeSecretName,
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
  isPublicByDesign,
  isSecretEnvName,
  matchPublicEnvPrefix,
  publicByDesignService,
  DEFAULT_PUBLIC_ENV_PREFIXES,
  PUBLIC_ENV_PREFIXES,
  type PublicEnvNameOptions,
  type PublicEnvNameVerdict,
  type PublicEnvPrefix,
} from "./public-prefixes.js";
export {
  classifyBrowserKeyName,
  NEVER_PUBLIC_PROVIDERS,
  NEVER_PUBLIC_WORDS,
  PUBLIC_BY_DESIGN_RULES,
  type BrowserKeyReason,
  type BrowserKeyVerdict,
  type NeverPublicProvider,
  type NeverPublicWord,
  type PublicByDesignRule,
} from "./public-keys.js";
export {
  CREDENTIAL_FORMATS,
  findCredential,
  findCredentials,
  mayHoldCredential,
  maskSecret,
  type CredentialFormat,
  type CredentialMatch,
} from "./credential-formats.js";
export {
  credentialVocabularyOf,
  CREDENTIAL_VOCABULARIES,
  CREDENTIAL_WORDS_IN_OTHER_LANGUAGES,
  OPENID_SCOPES,
  type CredentialVocabulary,
  type CredentialVocabularyKind,
} from "./credential-vocabulary.js";
export {
  classifySecretValue,
  createTestFileMatcher,
  decodeJwtPart,
  isPublicJwt,
  isPlaceholder,
  isPlaceholderToken,
  placeholderReason,
  valueWords,
  DEFAULT_SCRIPT_PATTERNS,
  DEFAULT_TEST_FILE_PATTERNS,
  MIN_SECRET_LENGTH,
  type NonCredentialReason,
  type PlaceholderOptions,
  type PlaceholderReason,
  type SecretValueOptions,
  type SecretValueReason,
  type SecretValueVerdict,
} from "./placeholders.js";
export { mayReadEnv, mentionsEnv } from "./text-tests.js";
export {
  isEnvironmentComparison,
  isEnvironmentFlagName,
  isEnvironmentSelectorName,
  ENVIRONMENT_NAMES,
  ENVIRONMENT_SELECTOR_WORDS,
  UNAMBIGUOUS_ENVIRONMENT_NAMES,
} from "./environment-flags.js";
export { docsUrl, ISSUES_URL, REPOSITORY_URL } from "./project-urls.js";
