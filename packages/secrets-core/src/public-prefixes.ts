/**
 * Environment variables that a framework inlines into the browser bundle, and the judgement of
 * whether such a variable holds a secret. The ESLint rule `secrets/no-public-env-secret` and
 * the scanner both use it, so a name is never a leak for one tool and fine for the other.
 *
 * The shared classifier calls a name with a `PUBLIC` segment "public by design", so
 * `NEXT_PUBLIC_STRIPE_SECRET_KEY` is not a secret to it. Here the framework prefix is taken
 * off first and the rest of the name (`STRIPE_SECRET_KEY`) is classified: a secret name under
 * a public prefix is a secret shipped to every browser.
 */
import { classifySecretName, splitNameSegments, type SecretNameReason, type SecretNameVerdict } from "./classifier.js";
import { matchesNamePattern } from "./name-pattern.js";

export interface PublicEnvPrefix {
  /** The prefix, case-sensitive as the frameworks compare it: `NEXT_PUBLIC_`. */
  readonly prefix: string;
  /** The frameworks that inline variables with this prefix into client code. */
  readonly frameworks: readonly string[];
}

/** Prefixes whose variables frameworks embed into the client bundle by default. */
export const PUBLIC_ENV_PREFIXES: readonly PublicEnvPrefix[] = [
  { prefix: "NEXT_PUBLIC_", frameworks: ["Next.js"] },
  { prefix: "VITE_", frameworks: ["Vite"] },
  { prefix: "REACT_APP_", frameworks: ["Create React App"] },
  { prefix: "EXPO_PUBLIC_", frameworks: ["Expo"] },
  { prefix: "NUXT_PUBLIC_", frameworks: ["Nuxt"] },
  { prefix: "GATSBY_", frameworks: ["Gatsby"] },
  { prefix: "PUBLIC_", frameworks: ["SvelteKit", "Astro"] },
  { prefix: "STORYBOOK_", frameworks: ["Storybook"] },
  { prefix: "VUE_APP_", frameworks: ["Vue CLI"] },
];

/** The prefixes of {@link PUBLIC_ENV_PREFIXES}, in that order. */
export const DEFAULT_PUBLIC_ENV_PREFIXES: readonly string[] = PUBLIC_ENV_PREFIXES.map((entry) => entry.prefix);

const FRAMEWORKS_BY_PREFIX: ReadonlyMap<string, readonly string[]> = new Map(
  PUBLIC_ENV_PREFIXES.map((entry) => [entry.prefix, entry.frameworks]),
);

/** The frameworks known to expose variables with `prefix`; empty for a prefix of your own. */
export function frameworksOfPublicPrefix(prefix: string): readonly string[] {
  return FRAMEWORKS_BY_PREFIX.get(prefix) ?? [];
}

/**
 * The public prefix `name` starts with (the longest, if several match), or `undefined`.
 * The prefix alone is not a variable of that kind: `VITE_` matches nothing.
 */
export function matchPublicEnvPrefix(
  name: string,
  prefixes: readonly string[] = DEFAULT_PUBLIC_ENV_PREFIXES,
): string | undefined {
  let best: string | undefined;
  for (const prefix of prefixes) {
    if (prefix.length === 0 || name.length <= prefix.length || !name.startsWith(prefix)) continue;
    if (best === undefined || prefix.length > best.length) best = prefix;
  }
  return best;
}

/**
 * A kind of credential that its vendor designs to be embedded in web or mobile clients:
 * restricted by domain, project or scope on the vendor's side, never a secret.
 */
export interface PublicByDesignRule {
  /** What the value is, for documentation and verdicts. */
  readonly service: string;
  /** The name must contain one of these segments; empty means any vendor. */
  readonly vendors: readonly string[];
  /** The head (last segment, once environment tags are set aside) must be one of these. */
  readonly heads: readonly string[];
  /** The segment just before the head must be one of these. */
  readonly before?: readonly string[];
  /** The name must also contain one of these segments. */
  readonly requires?: readonly string[];
  /** Words of {@link PRIVILEGED_WORDS} that this kind of credential carries in its name. */
  readonly allows?: readonly string[];
}

const KEY_HEADS = ["KEY", "APIKEY"];
const KEY_OR_TOKEN_HEADS = ["KEY", "APIKEY", "TOKEN", "ACCESSTOKEN"];

/**
 * The credentials that are public by design, checked after the framework prefix is taken off.
 * Names that merely *might* be public (`ALGOLIA_API_KEY`, `SUPABASE_KEY`, `STRIPE_KEY`) are
 * not listed: when a name leaves it open, the value is treated as a secret.
 */
export const PUBLIC_BY_DESIGN_RULES: readonly PublicByDesignRule[] = [
  // Sentry: "DSNs are safe to keep public" (the DSN only allows sending events)
  { service: "Sentry DSN", vendors: ["SENTRY", "GLITCHTIP"], heads: ["DSN"] },
  // PostHog project API key (phc_...); the personal API key (phx_...) is a secret
  { service: "PostHog project API key", vendors: ["POSTHOG"], heads: KEY_OR_TOKEN_HEADS },
  // Mapbox public token (pk....); secret (sk....) and downloads tokens are secrets
  { service: "Mapbox public access token", vendors: ["MAPBOX"], heads: KEY_OR_TOKEN_HEADS },
  // Google Maps JavaScript API keys (restricted by HTTP referrer), MapTiler keys
  {
    service: "browser maps key",
    vendors: ["MAPS", "MAP", "GMAPS", "GMAP", "PLACES", "MAPTILER"],
    heads: KEY_OR_TOKEN_HEADS,
  },
  // Firebase web app config: apiKey identifies the project; security rules protect the data
  { service: "Firebase web API key", vendors: ["FIREBASE"], heads: ["APIKEY"] },
  { service: "Firebase web API key", vendors: ["FIREBASE"], heads: ["KEY"], before: ["API", "WEB", "VAPID"] },
  // search-only keys of hosted search engines; admin and write keys are secrets
  {
    service: "search-only API key",
    vendors: ["ALGOLIA", "TYPESENSE", "MEILISEARCH", "MEILI"],
    heads: KEY_OR_TOKEN_HEADS,
    requires: ["SEARCH"],
  },
  // Pusher-protocol app keys (Pusher, Laravel Reverb, Soketi); the app secret is a secret
  { service: "Pusher app key", vendors: ["PUSHER", "REVERB", "SOKETI"], heads: KEY_HEADS },
  // client tokens made for browsers: Datadog RUM, Rollbar, Paddle, Facebook
  { service: "client token", vendors: [], heads: ["TOKEN"], before: ["CLIENT"] },
  // client-side SDK keys of feature-flag services; server SDK keys are secrets
  {
    service: "feature-flag client key",
    vendors: ["STATSIG", "GROWTHBOOK", "LAUNCHDARKLY", "FLAGSMITH", "CONFIGCAT", "UNLEASH"],
    heads: KEY_OR_TOKEN_HEADS,
    requires: ["CLIENT", "FRONTEND", "ENVIRONMENT"],
  },
  // product analytics project tokens, sent with every event from the browser
  { service: "analytics project token", vendors: ["MIXPANEL"], heads: ["TOKEN"] },
  { service: "analytics project token", vendors: ["AMPLITUDE"], heads: KEY_HEADS },
  { service: "analytics write key", vendors: ["SEGMENT", "RUDDERSTACK", "RUDDER"], heads: ["KEY"], before: ["WRITE"], allows: ["WRITE"] },
  // RevenueCat public app-specific SDK keys (appl_, goog_); the secret API key is a secret
  { service: "RevenueCat public SDK key", vendors: ["REVENUECAT"], heads: KEY_HEADS },
  // TinyMCE cloud API key, part of the editor's script URL
  { service: "TinyMCE API key", vendors: ["TINYMCE"], heads: KEY_HEADS },
];

/**
 * Words that make any credential privileged, whatever the vendor: `MAPBOX_SECRET_TOKEN`,
 * `POSTHOG_PERSONAL_API_KEY`, `FIREBASE_SERVER_KEY`, `ALGOLIA_SEARCH_ADMIN_KEY`.
 */
const PRIVILEGED_WORDS: ReadonlySet<string> = new Set([
  "SECRET", "SECRETS", "SECRETKEY", "PRIVATE", "PRIVATEKEY", "ADMIN", "SERVICE", "SERVER", "PERSONAL",
  "MANAGEMENT", "MASTER", "WRITE", "DOWNLOAD", "DOWNLOADS", "ROOT", "INTERNAL", "BACKEND", "AUTH", "DEPLOY",
  "SIGNING", "WEBHOOK", "PASSWORD",
]);

/** Segments set aside at the end of a name before its head is taken: environments, platforms, versions. */
const TRAILING_TAGS: ReadonlySet<string> = new Set([
  "DEV", "DEVELOPMENT", "PROD", "PRODUCTION", "STAGING", "STAGE", "TEST", "LIVE", "SANDBOX", "LOCAL", "PREVIEW",
  "IOS", "ANDROID", "WEB", "BROWSER",
]);

function headIndex(segments: readonly string[]): number {
  let index = segments.length - 1;
  while (index > 0 && (TRAILING_TAGS.has(segments[index]!) || /^(?:\d+|V\d+)$/.test(segments[index]!))) index--;
  return index;
}

/**
 * The kind of public-by-design credential `rest` names (the variable name without its public
 * prefix), or `undefined`. `POSTHOG_KEY` is a PostHog project API key;
 * `POSTHOG_PERSONAL_API_KEY` is not public by design.
 */
export function publicByDesignService(rest: string): string | undefined {
  const segments = splitNameSegments(rest);
  if (segments.length === 0) return undefined;
  const at = headIndex(segments);
  const head = segments[at]!;
  const beforeHead = segments[at - 1];
  for (const rule of PUBLIC_BY_DESIGN_RULES) {
    if (!rule.heads.includes(head)) continue;
    if (rule.before && (beforeHead === undefined || !rule.before.includes(beforeHead))) continue;
    if (rule.vendors.length > 0 && !segments.some((segment) => rule.vendors.includes(segment))) continue;
    if (rule.requires && !segments.some((segment) => rule.requires!.includes(segment))) continue;
    if (segments.some((segment) => PRIVILEGED_WORDS.has(segment) && !rule.allows?.includes(segment))) continue;
    return rule.service;
  }
  return undefined;
}

export type PublicEnvNameVerdict =
  /** The name has no public prefix: whatever it holds stays on the server. */
  | { readonly exposed: false }
  | {
      readonly exposed: true;
      /** Whether the value is a secret that the bundle will ship to every browser. */
      readonly leak: boolean;
      readonly prefix: string;
      /** The name without the prefix, as classified. */
      readonly rest: string;
      readonly why:
        /** Listed in `allowNames`. */
        | "allowed-name"
        /** `PUBLIC_KEY`, `NEXT_PUBLIC_KEY_PEM`: `PUBLIC` belongs to "public key", not to a prefix. */
        | "public-key"
        /** A credential designed to be public (see {@link PUBLIC_BY_DESIGN_RULES}). */
        | "public-by-design"
        /** The classifier's reason for the full name (settings) or the rest of it. */
        | SecretNameReason;
      /** For `public-by-design`: what the value is. */
      readonly service?: string;
    };

export interface PublicEnvNameOptions {
  /** Public prefixes; default {@link DEFAULT_PUBLIC_ENV_PREFIXES}. */
  readonly prefixes?: readonly string[];
  /** Full names (exact, or `*` globs) that the team has decided are public. */
  readonly allowNames?: readonly string[];
  /**
   * The name classifier to use, with the user's settings applied (`ignoreNames`,
   * `alwaysSecret`, `secretWords`). Default: `classifySecretName` without settings.
   */
  readonly classify?: (name: string) => SecretNameVerdict;
}

/**
 * Whether an environment variable name is exposed to the browser by its prefix, and if so,
 * whether it holds a secret. The steps, in order:
 *
 * 1. no public prefix: not exposed;
 * 2. the full name is in `allowNames`: no leak;
 * 3. the full name is in the settings' `ignoreNames` or `alwaysSecret`: that decides;
 * 4. a prefix ending in `PUBLIC_` followed by `KEY` is the term "public key": no leak;
 * 5. the rest is in `ignoreNames` or `alwaysSecret`: that decides;
 * 6. the rest is a credential designed to be public: no leak;
 * 7. otherwise the classifier's verdict on the rest decides.
 */
export function classifyPublicEnvName(name: string, options: PublicEnvNameOptions = {}): PublicEnvNameVerdict {
  const prefix = matchPublicEnvPrefix(name, options.prefixes ?? DEFAULT_PUBLIC_ENV_PREFIXES);
  if (prefix === undefined) return { exposed: false };
  const rest = name.slice(prefix.length);
  const classify = options.classify ?? ((candidate: string) => classifySecretName(candidate));
  const verdict = (leak: boolean, why: Exclude<PublicEnvNameVerdict, { exposed: false }>["why"], service?: string) =>
    ({ exposed: true, leak, prefix, rest, why, ...(service === undefined ? {} : { service }) }) as const;

  if (options.allowNames?.some((pattern) => matchesNamePattern(name, pattern))) return verdict(false, "allowed-name");

  const whole = classify(name);
  if (whole.reason === "configured-ignore" || whole.reason === "configured-secret") {
    return verdict(whole.secret, whole.reason);
  }

  const restSegments = splitNameSegments(rest);
  const prefixSegments = splitNameSegments(prefix);
  if (prefixSegments[prefixSegments.length - 1] === "PUBLIC" && (restSegments[0] === "KEY" || restSegments[0] === "KEYS")) {
    return verdict(false, "public-key");
  }

  const restVerdict = classify(rest);
  if (restVerdict.reason === "configured-ignore" || restVerdict.reason === "configured-secret" || !restVerdict.secret) {
    return verdict(restVerdict.secret, restVerdict.reason);
  }
  const service = publicByDesignService(rest);
  if (service !== undefined) return verdict(false, "public-by-design", service);
  return verdict(true, restVerdict.reason);
}
