/**
 * Which credentials are meant for the browser, and which never are: the knowledge that lets
 * `secrets/no-public-env-secret`, `secrets/no-bare-env-secret` and the scanner tell
 * `NEXT_PUBLIC_SEGMENT_API_KEY` (an analytics write key, public by design) from
 * `NEXT_PUBLIC_OPENAI_API_KEY` (a server secret shipped to every visitor).
 *
 * The judgement is made on the name *without* its public prefix (`SEGMENT_API_KEY`), and only
 * for names that carry one: the prefix says the team put the value in the bundle on purpose,
 * and a vendor whose browser SDK takes only its public key (Segment, Stripe.js, a Supabase
 * client) then makes a generic name (`STRIPE_KEY`) that public key. Without a prefix the same
 * name (`ALGOLIA_API_KEY` on a server) is as likely to be the admin key, and stays a secret.
 *
 * Three tables, checked in this order, so a never-public signal always wins:
 *
 * 1. {@link NEVER_PUBLIC_WORDS}: words that make any credential a server secret (`SECRET`,
 *    `PRIVATE`, `PASSWORD`, `SERVICE`, `ADMIN`...), whatever the vendor;
 * 2. {@link NEVER_PUBLIC_PROVIDERS}: providers that issue no browser credential at all (LLM
 *    APIs, e-mail and SMS senders, source hosting...), so any key of theirs is a secret;
 * 3. {@link PUBLIC_BY_DESIGN_RULES}: kinds of credential that vendors design to be embedded in
 *    web and mobile clients, restricted on the vendor's side by domain, project or scope.
 *
 * A name none of them decides is `undecided`: the caller treats it as a secret ("when in doubt,
 * it is a secret").
 */
import { splitNameSegments } from "./classifier.js";

/** A word that makes a credential a server secret, with what it marks (for messages). */
export interface NeverPublicWord {
  /** Upper-case name segments, any of which marks the credential. */
  readonly words: readonly string[];
  /** What the word says the credential is: "a secret", "an admin credential". */
  readonly marks: string;
}

/**
 * Words that make any credential a server secret, whatever the vendor: `MAPBOX_SECRET_TOKEN`,
 * `POSTHOG_PERSONAL_API_KEY`, `FIREBASE_SERVER_KEY`, `ALGOLIA_ADMIN_KEY`,
 * `SUPABASE_SERVICE_ROLE_KEY`. A rule of {@link PUBLIC_BY_DESIGN_RULES} may allow one of them
 * (`WRITE` in an analytics write key).
 */
export const NEVER_PUBLIC_WORDS: readonly NeverPublicWord[] = [
  { words: ["SECRET", "SECRETS", "SECRETKEY"], marks: "a secret" },
  { words: ["PRIVATE", "PRIVATEKEY"], marks: "a private key" },
  { words: ["PASSWORD", "PASSWORDS", "PASSWD", "PASSPHRASE"], marks: "a password" },
  { words: ["CREDENTIAL", "CREDENTIALS"], marks: "a credential set" },
  // SUPABASE_SERVICE_ROLE_KEY, SUPABASE_SERVICE_KEY (the same key), GOOGLE_SERVICE_ACCOUNT_KEY
  { words: ["SERVICE"], marks: "a service-role or service-account key" },
  { words: ["ADMIN", "ROOT", "MASTER", "SUPERUSER"], marks: "an admin credential" },
  // FIREBASE_SERVER_KEY (FCM), SEGMENT_BACKEND_WRITE_KEY, Statsig's server secret
  { words: ["SERVER", "BACKEND", "INTERNAL"], marks: "a server-side credential" },
  { words: ["PERSONAL"], marks: "a personal access token" },
  { words: ["MANAGEMENT"], marks: "a management API credential" },
  // ALGOLIA_WRITE_KEY, SANITY_API_WRITE_TOKEN; analytics write keys are allowed by their rule
  { words: ["WRITE"], marks: "a write credential" },
  { words: ["DOWNLOAD", "DOWNLOADS"], marks: "a download token" }, // MAPBOX_DOWNLOADS_TOKEN
  // SENTRY_AUTH_TOKEN (uploads source maps), TWILIO_AUTH_TOKEN, TURSO_AUTH_TOKEN
  { words: ["AUTH", "AUTHTOKEN"], marks: "an auth token" },
  { words: ["DEPLOY"], marks: "a deploy credential" },
  { words: ["SIGNING"], marks: "a signing key" },
  { words: ["WEBHOOK"], marks: "a webhook secret" },
  { words: ["REFRESH"], marks: "a refresh token" },
  { words: ["RESTRICTED"], marks: "a restricted API key" }, // Stripe rk_ keys
  // the private key of a client certificate: TLS_CLIENT_KEY, KAFKA_SSL_CLIENT_KEY
  { words: ["TLS", "SSL", "MTLS", "CERT", "CERTIFICATE", "X509"], marks: "a certificate key" },
];

/** A provider that issues no credential meant for a browser. */
export interface NeverPublicProvider {
  /** The provider, for messages: "OpenAI". */
  readonly service: string;
  /** How names spell it: a segment (`OPENAI`) or consecutive segments (`OPEN_AI`). */
  readonly names: readonly string[];
}

/**
 * Providers whose API keys and tokens are never public: whoever holds one spends the owner's
 * money, sends mail or SMS in their name, or reads their code. Their browser SDKs (where there
 * are any) expect a server to mint short-lived tokens. A name of theirs is a secret behind any
 * prefix, and even with a `PUBLIC` word in it (`VITE_PUBLIC_OPENAI_API_KEY`).
 *
 * Providers that also issue browser keys are not here: Google (Maps keys), Cloudflare
 * (Turnstile site keys), AWS (AppSync API keys). Their secrets are caught by a word of
 * {@link NEVER_PUBLIC_WORDS} (`AWS_SECRET_ACCESS_KEY`) or stay undecided, which is reported.
 */
export const NEVER_PUBLIC_PROVIDERS: readonly NeverPublicProvider[] = [
  // LLM and AI APIs: billed per call
  { service: "OpenAI", names: ["OPENAI", "OPEN_AI", "CHATGPT", "GPT"] },
  { service: "Anthropic", names: ["ANTHROPIC", "CLAUDE"] },
  { service: "Google Gemini", names: ["GEMINI", "GOOGLE_AI", "GOOGLE_GENERATIVE_AI", "GENAI"] },
  { service: "Cohere", names: ["COHERE"] },
  { service: "Mistral", names: ["MISTRAL"] },
  { service: "Groq", names: ["GROQ"] },
  { service: "Hugging Face", names: ["HUGGINGFACE", "HUGGING_FACE", "HF"] },
  { service: "Replicate", names: ["REPLICATE"] },
  { service: "Perplexity", names: ["PERPLEXITY", "PPLX"] },
  { service: "DeepSeek", names: ["DEEPSEEK", "DEEP_SEEK"] },
  { service: "OpenRouter", names: ["OPENROUTER", "OPEN_ROUTER"] },
  { service: "Together AI", names: ["TOGETHER", "TOGETHERAI"] },
  { service: "Fireworks AI", names: ["FIREWORKS"] },
  { service: "xAI", names: ["XAI", "GROK"] },
  { service: "ElevenLabs", names: ["ELEVENLABS", "ELEVEN_LABS"] },
  { service: "Deepgram", names: ["DEEPGRAM"] },
  { service: "AssemblyAI", names: ["ASSEMBLYAI", "ASSEMBLY_AI"] },
  { service: "Stability AI", names: ["STABILITY"] },
  { service: "Pinecone", names: ["PINECONE"] },
  { service: "LangSmith", names: ["LANGSMITH", "LANGCHAIN"] },
  // web search APIs: billed per query (site-search engines are public-by-design rules)
  { service: "a web search API", names: ["BING", "BRAVE", "SERPAPI", "SERPER", "TAVILY", "EXA", "GOOGLE_SEARCH", "CUSTOM_SEARCH"] },
  // e-mail and SMS senders: a key sends mail or messages in the owner's name
  { service: "SendGrid", names: ["SENDGRID"] },
  { service: "Mailgun", names: ["MAILGUN"] },
  { service: "Postmark", names: ["POSTMARK"] },
  { service: "Resend", names: ["RESEND"] },
  { service: "Twilio", names: ["TWILIO"] },
  { service: "Vonage", names: ["VONAGE", "NEXMO"] },
  { service: "Mailchimp", names: ["MAILCHIMP", "MANDRILL"] },
  { service: "Mailjet", names: ["MAILJET"] },
  { service: "Brevo", names: ["BREVO", "SENDINBLUE"] },
  { service: "SparkPost", names: ["SPARKPOST"] },
  { service: "MailerSend", names: ["MAILERSEND"] },
  { service: "Amazon SES", names: ["SES"] },
  { service: "Plivo", names: ["PLIVO"] },
  { service: "MessageBird", names: ["MESSAGEBIRD"] },
  { service: "Telnyx", names: ["TELNYX"] },
  // payment APIs without browser keys (Stripe's secret kinds are words: SECRET, RESTRICTED, SK)
  { service: "Plaid", names: ["PLAID"] },
  { service: "Square", names: ["SQUARE"] },
  { service: "Lemon Squeezy", names: ["LEMONSQUEEZY", "LEMON_SQUEEZY"] },
  // source hosting, packages and deploys: a token reads or pushes code
  { service: "GitHub", names: ["GITHUB", "GH"] },
  { service: "GitLab", names: ["GITLAB"] },
  { service: "Bitbucket", names: ["BITBUCKET"] },
  { service: "npm", names: ["NPM"] },
  { service: "Vercel", names: ["VERCEL"] },
  { service: "Netlify", names: ["NETLIFY"] },
  { service: "Heroku", names: ["HEROKU"] },
  // bots and workspaces: a token posts or reads as the bot
  { service: "Slack", names: ["SLACK"] },
  { service: "Discord", names: ["DISCORD"] },
  { service: "Telegram", names: ["TELEGRAM"] },
  { service: "Notion", names: ["NOTION"] },
  { service: "Airtable", names: ["AIRTABLE"] },
  // hosted databases: a token reads and writes the data
  { service: "Upstash", names: ["UPSTASH", "QSTASH"] },
  { service: "Turso", names: ["TURSO"] },
  { service: "PlanetScale", names: ["PLANETSCALE"] },
  { service: "MongoDB Atlas", names: ["MONGODB", "MONGO"] },
];

/**
 * A kind of credential that its vendor designs to be embedded in web or mobile clients:
 * restricted by domain, project or scope on the vendor's side, never a secret.
 */
export interface PublicByDesignRule {
  /** What the value is, for documentation and verdicts. */
  readonly service: string;
  /** The name must contain one of these (a segment, or consecutive segments `GOOGLE_MAPS`); empty means any vendor. */
  readonly vendors: readonly string[];
  /** The head (last segment, once environment tags are set aside) must be one of these. */
  readonly heads: readonly string[];
  /** The segment just before the head must be one of these. */
  readonly before?: readonly string[];
  /** The name must also contain one of these segments. */
  readonly requires?: readonly string[];
  /** Words of {@link NEVER_PUBLIC_WORDS} that this kind of credential carries in its name. */
  readonly allows?: readonly string[];
  /** The name must have no segment before its head but these (a key of no particular vendor). */
  readonly onlyWords?: readonly string[];
  /** Words that make a name of this vendor one of its server credentials (`SK` for Stripe). */
  readonly neverWith?: NeverPublicWord;
}

const KEY_HEADS = ["KEY", "APIKEY"];
const KEY_OR_TOKEN_HEADS = ["KEY", "APIKEY", "TOKEN", "ACCESSTOKEN"];

/** Product analytics that receive events from browsers with a write-only key. */
const ANALYTICS_WRITE_KEY_VENDORS = ["SEGMENT", "RUDDERSTACK", "RUDDER", "JITSU", "JUNE", "HIGHTOUCH", "FRESHPAINT"];

/**
 * The credentials that are public by design, checked on a name behind a public prefix once the
 * prefix is taken off. The first group names a kind of key that is public whoever issues it;
 * the second names vendors whose browser SDK takes only their public key, so a generic name
 * (`SEGMENT_API_KEY`, `STRIPE_KEY`, `SUPABASE_KEY`) under a public prefix is that key.
 */
export const PUBLIC_BY_DESIGN_RULES: readonly PublicByDesignRule[] = [
  // ---- kinds of key that say what they are ----
  // (publishable keys, anon keys and site keys are not here: the classifier already calls
  // `…_PUBLISHABLE_KEY`, `…_PUBLIC_KEY`, `…_ANON_KEY` and `…_SITE_KEY` not secret)
  // client-side keys and tokens: Stripe/Adyen/Midtrans client keys, Datadog RUM, Rollbar and
  // Paddle client tokens, Statsig and GrowthBook client keys, Unleash frontend tokens
  { service: "client-side key", vendors: [], heads: KEY_OR_TOKEN_HEADS, requires: ["CLIENT", "FRONTEND", "BROWSER"] },
  // a site search's key of no named vendor (Medusa's starter: NEXT_PUBLIC_SEARCH_API_KEY); a
  // named one must be a site-search vendor below (AZURE_SEARCH_KEY may be an admin key)
  { service: "search-only API key", vendors: [], heads: KEY_OR_TOKEN_HEADS, requires: ["SEARCH"], onlyWords: ["SEARCH", "ONLY", "API"] },
  // analytics write keys: they can only send events
  {
    service: "analytics write key",
    vendors: [...ANALYTICS_WRITE_KEY_VENDORS, "ANALYTICS", "TRACKING", "TELEMETRY"],
    heads: KEY_OR_TOKEN_HEADS,
    before: ["WRITE"],
    allows: ["WRITE"],
  },
  // Sentry: "DSNs are safe to keep public" (the DSN only allows sending events); a database DSN is not
  { service: "Sentry DSN", vendors: ["SENTRY", "GLITCHTIP", "BUGSINK"], heads: ["DSN"] },
  // web push: the VAPID public key is the browser's applicationServerKey
  { service: "VAPID public key", vendors: ["VAPID"], heads: KEY_HEADS },
  // Braintree tokenization keys, made for the Drop-in UI
  { service: "Braintree tokenization key", vendors: [], heads: KEY_HEADS, requires: ["TOKENIZATION"] },
  // Shopify Storefront API access tokens (the Admin API token carries ADMIN)
  { service: "Shopify Storefront API token", vendors: [], heads: KEY_OR_TOKEN_HEADS, requires: ["STOREFRONT"] },
  // Parse / Back4App JavaScript keys; the master key carries MASTER
  { service: "Parse JavaScript key", vendors: ["PARSE", "BACK4_APP"], heads: KEY_HEADS, requires: ["JAVASCRIPT", "JS"] },
  // captcha site keys, however the name spells them; the secret key carries SECRET
  {
    service: "captcha site key",
    vendors: ["RECAPTCHA", "HCAPTCHA", "TURNSTILE", "CAPTCHA", "FRIENDLYCAPTCHA"],
    heads: KEY_HEADS,
  },

  // ---- vendors whose browser SDK takes only their public key ----
  // product analytics and session replay
  {
    service: "analytics write key",
    vendors: ANALYTICS_WRITE_KEY_VENDORS,
    heads: KEY_OR_TOKEN_HEADS,
    // Segment's Public API, Profile API and workspace tokens are secrets
    neverWith: { words: ["ACCESS", "WORKSPACE", "PROFILE", "PROFILES", "CONFIG"], marks: "an analytics API token" },
  },
  { service: "Mixpanel project token", vendors: ["MIXPANEL"], heads: KEY_OR_TOKEN_HEADS },
  { service: "Amplitude API key", vendors: ["AMPLITUDE"], heads: KEY_HEADS },
  // PostHog project API key (phc_...); the personal API key (phx_...) carries PERSONAL
  { service: "PostHog project API key", vendors: ["POSTHOG"], heads: KEY_OR_TOKEN_HEADS },
  { service: "Heap app ID", vendors: ["HEAP"], heads: KEY_HEADS },
  // Google Analytics / Tag Manager IDs; the Measurement Protocol API secret carries SECRET
  {
    service: "Google Analytics ID",
    vendors: ["GA", "GA4", "GOOGLE_ANALYTICS", "GTAG", "GTM", "GOOGLE_TAG_MANAGER"],
    heads: KEY_HEADS,
  },
  { service: "session replay key", vendors: ["LOGROCKET", "LOG_ROCKET", "HOTJAR", "FULLSTORY", "CLARITY", "PENDO"], heads: KEY_OR_TOKEN_HEADS },
  // error tracking notifier keys
  { service: "error tracking notifier key", vendors: ["BUGSNAG", "RAYGUN", "TRACKJS"], heads: KEY_OR_TOKEN_HEADS },
  // payments: Stripe.js refuses secret keys; sk_ and rk_ keys are named so
  { service: "Stripe publishable key", vendors: ["STRIPE"], heads: KEY_HEADS, neverWith: { words: ["SK", "RK"], marks: "a Stripe secret or restricted key" } },
  // Razorpay Checkout's `key` is the key id; the key secret carries SECRET
  { service: "Razorpay key id", vendors: ["RAZORPAY"], heads: KEY_HEADS },
  // authentication SDKs
  { service: "Clerk publishable key", vendors: ["CLERK"], heads: KEY_HEADS },
  { service: "Magic publishable key", vendors: ["MAGIC"], heads: KEY_HEADS },
  // backend-as-a-service: the anon key is protected by row level security, the service role key is not
  { service: "Supabase anon key", vendors: ["SUPABASE"], heads: KEY_HEADS },
  // Firebase web config: apiKey identifies the project; security rules protect the data
  { service: "Firebase web API key", vendors: ["FIREBASE"], heads: ["APIKEY"] },
  { service: "Firebase web API key", vendors: ["FIREBASE"], heads: ["KEY"], before: ["API", "WEB", "VAPID", "BROWSER"] },
  // hosted search: the browser gets a search-only key; admin, write and master keys are named so
  {
    service: "search API key",
    vendors: ["ALGOLIA", "TYPESENSE", "MEILISEARCH", "MEILI", "ORAMA", "DOCSEARCH"],
    heads: KEY_OR_TOKEN_HEADS,
    neverWith: { words: ["MONITORING", "USAGE", "BOOTSTRAP", "INDEXING"], marks: "a search key with more than search rights" },
  },
  // maps: Google Maps JavaScript API keys (restricted by HTTP referrer), Mapbox public tokens (pk.)
  {
    service: "browser maps key",
    vendors: ["MAPS", "MAP", "GMAPS", "GMAP", "PLACES", "GEOCODING", "MAPBOX", "MAPTILER", "TOMTOM", "LOCATIONIQ"],
    heads: KEY_OR_TOKEN_HEADS,
  },
  // Pusher-protocol app keys (Pusher, Laravel Reverb, Soketi); the app secret carries SECRET
  { service: "Pusher app key", vendors: ["PUSHER", "REVERB", "SOKETI"], heads: KEY_HEADS },
  // feature-flag environment keys; server SDK keys carry SERVER
  {
    service: "feature-flag client key",
    vendors: ["STATSIG", "GROWTHBOOK", "LAUNCHDARKLY", "FLAGSMITH", "CONFIGCAT", "UNLEASH"],
    heads: KEY_OR_TOKEN_HEADS,
    requires: ["CLIENT", "FRONTEND", "ENVIRONMENT"],
  },
  // RevenueCat public app-specific SDK keys (appl_, goog_); the secret API key carries SECRET
  { service: "RevenueCat public SDK key", vendors: ["REVENUECAT"], heads: KEY_HEADS },
  // widgets loaded by key: TinyMCE cloud, Cloudinary upload widget (the API secret carries
  // SECRET), EmailJS (its private key carries PRIVATE), Filestack picker
  { service: "widget API key", vendors: ["TINYMCE", "CLOUDINARY", "EMAILJS", "FILESTACK"], heads: KEY_HEADS },
];

export type BrowserKeyReason =
  /** Never public: a word of {@link NEVER_PUBLIC_WORDS}, or of a vendor's `neverWith`. */
  | "never-public-word"
  /** Never public: a provider of {@link NEVER_PUBLIC_PROVIDERS}. */
  | "never-public-provider"
  /** Public by design: a rule of {@link PUBLIC_BY_DESIGN_RULES}. */
  | "public-by-design"
  /** Nothing decides: the caller treats a credential name as a secret. */
  | "undecided";

export type BrowserKeyVerdict =
  | { readonly verdict: "never-public"; readonly reason: "never-public-word"; readonly word: string; readonly marks: string }
  | { readonly verdict: "never-public"; readonly reason: "never-public-provider"; readonly word: string; readonly service: string }
  | { readonly verdict: "public"; readonly reason: "public-by-design"; readonly service: string }
  | { readonly verdict: "undecided"; readonly reason: "undecided" };

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

/** Whether `segments` contains `name`'s segments (`GOOGLE_MAPS`: `GOOGLE` then `MAPS`) in a row. */
function containsName(segments: readonly string[], name: string): boolean {
  const parts = name.split("_");
  for (let start = 0; start + parts.length <= segments.length; start++) {
    if (parts.every((part, offset) => segments[start + offset] === part)) return true;
  }
  return false;
}

function matchesRule(rule: PublicByDesignRule, segments: readonly string[], at: number): boolean {
  const head = segments[at]!;
  const beforeHead = segments[at - 1];
  if (!rule.heads.includes(head)) return false;
  if (rule.before && (beforeHead === undefined || !rule.before.includes(beforeHead))) return false;
  if (rule.vendors.length > 0 && !rule.vendors.some((vendor) => containsName(segments, vendor))) return false;
  if (rule.requires && !segments.some((segment) => rule.requires!.includes(segment))) return false;
  if (rule.onlyWords && !segments.slice(0, at).every((segment) => rule.onlyWords!.includes(segment))) return false;
  return true;
}

/**
 * What kind of browser credential `rest` names: `rest` is an environment variable name behind
 * a public prefix, with the prefix taken off (`SEGMENT_API_KEY` for
 * `NEXT_PUBLIC_SEGMENT_API_KEY`). Never-public words win over everything, never-public
 * providers over public-by-design rules. The verdict does not say whether `rest` is a
 * credential at all: `OPENAI_ORG_ID` is `never-public` too; ask the classifier that.
 */
export function classifyBrowserKeyName(rest: string): BrowserKeyVerdict {
  const segments = splitNameSegments(rest);
  if (segments.length === 0) return { verdict: "undecided", reason: "undecided" };
  const at = headIndex(segments);
  const rule = PUBLIC_BY_DESIGN_RULES.find((candidate) => matchesRule(candidate, segments, at));

  // In the table's order, so VITE_ADMIN_PASSWORD is reported for its PASSWORD
  for (const { words, marks } of NEVER_PUBLIC_WORDS) {
    const word = words.find((candidate) => segments.includes(candidate) && !rule?.allows?.includes(candidate));
    if (word !== undefined) return { verdict: "never-public", reason: "never-public-word", word, marks };
  }
  for (const provider of NEVER_PUBLIC_PROVIDERS) {
    const name = provider.names.find((candidate) => containsName(segments, candidate));
    if (name !== undefined) return { verdict: "never-public", reason: "never-public-provider", word: name, service: provider.service };
  }
  if (rule === undefined) return { verdict: "undecided", reason: "undecided" };
  const never = rule.neverWith?.words.find((word) => segments.includes(word));
  if (never !== undefined) return { verdict: "never-public", reason: "never-public-word", word: never, marks: rule.neverWith!.marks };
  return { verdict: "public", reason: "public-by-design", service: rule.service };
}
