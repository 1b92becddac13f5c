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
import { classifyBrowserKeyName, type BrowserKeyVerdict } from "./public-keys.js";

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
 * The kind of public-by-design credential `rest` names (the variable name without its public
 * prefix), or `undefined`: the `service` of {@link classifyBrowserKeyName}'s `public` verdict.
 * `POSTHOG_KEY` is a PostHog project API key; `POSTHOG_PERSONAL_API_KEY` is not public by design.
 */
export function publicByDesignService(rest: string): string | undefined {
  const verdict = classifyBrowserKeyName(rest);
  return verdict.verdict === "public" ? verdict.service : undefined;
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
        /** A credential designed to be public (see `PUBLIC_BY_DESIGN_RULES`). */
        | "public-by-design"
        /** A credential that is never public: `SECRET`, `SERVICE`, `ADMIN`... in its name. */
        | "never-public-word"
        /** A credential of a provider that issues no browser credential (OpenAI, SendGrid, GitHub...). */
        | "never-public-provider"
        /** The classifier's reason for the full name (settings) or the rest of it. */
        | SecretNameReason;
      /** For `public-by-design`: what the value is. For `never-public-provider`: the provider. */
      readonly service?: string;
      /** For `public-by-design` and `never-public-*`: the verdict of {@link classifyBrowserKeyName}. */
      readonly browserKey?: BrowserKeyVerdict;
    };

type ExposedVerdict = Extract<PublicEnvNameVerdict, { exposed: true }>;

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

function isConfigured(verdict: SecretNameVerdict): boolean {
  return verdict.reason === "configured-ignore" || verdict.reason === "configured-secret";
}

/**
 * Whether an environment variable name is exposed to the browser by its prefix, and if so,
 * whether it holds a secret. The steps, in order:
 *
 * 1. no public prefix: not exposed;
 * 2. the full name is in `allowNames`: no leak;
 * 3. the full name is in the settings' `ignoreNames` or `alwaysSecret`: that decides;
 * 4. `PUBLIC` segments that open the rest continue the prefix (`VITE_PUBLIC_POSTHOG_KEY`,
 *    PostHog's own spelling for Vite); a prefix ending in `PUBLIC` followed by `KEY` is the
 *    term "public key" (`PUBLIC_KEY`, `VITE_PUBLIC_KEY`): no leak;
 * 5. the rest is in `ignoreNames` or `alwaysSecret`: that decides;
 * 6. the rest (without those `PUBLIC` segments) is not a secret to the classifier: no leak;
 * 7. {@link classifyBrowserKeyName} decides: a credential public by design is no leak, one that
 *    is never public (a `SECRET`/`SERVICE`/`ADMIN`... word, an OpenAI/SendGrid/GitHub... key)
 *    is one;
 * 8. otherwise the classifier's verdict on the rest decides: a secret name is a leak.
 */
export function classifyPublicEnvName(name: string, options: PublicEnvNameOptions = {}): PublicEnvNameVerdict {
  const prefix = matchPublicEnvPrefix(name, options.prefixes ?? DEFAULT_PUBLIC_ENV_PREFIXES);
  if (prefix === undefined) return { exposed: false };
  const rest = name.slice(prefix.length);
  const classify = options.classify ?? ((candidate: string) => classifySecretName(candidate));
  const verdict = (
    leak: boolean,
    why: ExposedVerdict["why"],
    details: Pick<ExposedVerdict, "service" | "browserKey"> = {},
  ): ExposedVerdict => ({ exposed: true, leak, prefix, rest, why, ...details });

  if (options.allowNames?.some((pattern) => matchesNamePattern(name, pattern))) return verdict(false, "allowed-name");

  const whole = classify(name);
  if (isConfigured(whole)) return verdict(whole.secret, whole.reason);

  const restSegments = splitNameSegments(rest);
  const prefixSegments = splitNameSegments(prefix);
  let leadingPublic = 0;
  while (restSegments[leadingPublic] === "PUBLIC") leadingPublic++;
  const afterPublic = restSegments[leadingPublic];
  if (
    (leadingPublic > 0 || prefixSegments[prefixSegments.length - 1] === "PUBLIC") &&
    (afterPublic === "KEY" || afterPublic === "KEYS")
  ) {
    return verdict(false, "public-key");
  }

  const restVerdict = classify(rest);
  if (isConfigured(restVerdict)) return verdict(restVerdict.secret, restVerdict.reason);
  // The classifier calls any PUBLIC segment public; one that opens the rest is a prefix.
  const core = leadingPublic > 0 ? restSegments.slice(leadingPublic).join("_") : rest;
  const coreVerdict = leadingPublic > 0 ? classify(core) : restVerdict;
  if (!coreVerdict.secret) return verdict(false, coreVerdict.reason);

  const browserKey = classifyBrowserKeyName(core);
  switch (browserKey.verdict) {
    case "public":
      return verdict(false, "public-by-design", { service: browserKey.service, browserKey });
    case "never-public":
      return browserKey.reason === "never-public-provider"
        ? verdict(true, "never-public-provider", { service: browserKey.service, browserKey })
        : verdict(true, "never-public-word", { browserKey });
    case "undecided":
      return verdict(true, coreVerdict.reason);
  }
}

/**
 * Whether `name` is a credential that is public by design behind a public prefix
 * (`NEXT_PUBLIC_SEGMENT_API_KEY`, `VITE_MIXPANEL_KEY`): the bundle ships it to browsers on
 * purpose, so reading it is reading configuration, not a secret. `alwaysSecret` (through
 * `classify`) and a never-public word or provider win over the public-by-design tables.
 */
export function isPublicByDesign(name: string, options: PublicEnvNameOptions = {}): boolean {
  const verdict = classifyPublicEnvName(name, options);
  return verdict.exposed && verdict.why === "public-by-design";
}

/**
 * Whether reading the environment variable `name` reads a secret: `classify` (the classifier
 * with the user's settings) calls it one, and it is not a credential public by design behind
 * a public prefix. The judgement `secrets/no-bare-env-secret` makes on every read, and the one
 * the scanner makes on the names code reads.
 */
export function isSecretEnvName(
  name: string,
  options: Pick<PublicEnvNameOptions, "classify" | "prefixes"> = {},
): boolean {
  const classify = options.classify ?? ((candidate: string) => classifySecretName(candidate));
  return classify(name).secret && !isPublicByDesign(name, options);
}
