/**
 * Table-driven tests of the knowledge of browser credentials (`public-keys.ts`) through
 * `classifyPublicEnvName`, the judgement `secrets/no-public-env-secret`, `secrets/no-bare-env-secret`
 * and the scanner share. Every name was found in public `.env.example` files or client code
 * (Next.js, Vite, Create React App, Expo). A sample says where, as `owner/repo path`; names
 * seen in several projects say what the code does with them.
 *
 * The expected verdict is what issue 12 asks: a key the vendor made for browsers (analytics write
 * keys, publishable and client keys, captcha site keys, search-only keys, maps keys, Firebase web
 * config, anon keys) is never a leak; a server secret behind a public prefix always is.
 */
import { describe, expect, it } from "vitest";
import { splitNameSegments } from "../src/classifier.js";
import {
  classifyPublicEnvName,
  isPublicByDesign,
  isSecretEnvName,
  type PublicEnvNameVerdict,
} from "../src/public-prefixes.js";
import {
  classifyBrowserKeyName,
  NEVER_PUBLIC_PROVIDERS,
  NEVER_PUBLIC_WORDS,
  PUBLIC_BY_DESIGN_RULES,
} from "../src/public-keys.js";
import { resolveSecretsSettings } from "../src/settings.js";

type Why = Extract<PublicEnvNameVerdict, { exposed: true }>["why"];
type Row = readonly [name: string, why: Why];

/** The reasons that make an exposed name a leak. */
const LEAKING: ReadonlySet<Why> = new Set<Why>([
  "never-public-word",
  "never-public-provider",
  "secret-word",
  "secret-word-in-name",
  "connection-string",
  "configured-secret",
]);

// ---- the four names of issue 12: reported once, public by design ----
const ISSUE_12: readonly Row[] = [
  ["NEXT_PUBLIC_SEGMENT_API_KEY", "public-by-design"], // const { NEXT_PUBLIC_SEGMENT_API_KEY } = process.env; snippet.min({ apiKey })
  ["REACT_APP_STRIPE_CLIENT_KEY", "public-by-design"], // a Stripe publishable key
  ["NEXT_PUBLIC_ALGOLIA_API_KEY", "public-by-design"], // BuilderIO/unified-demo ecommerce/config/algolia.tsx
  ["VITE_MIXPANEL_KEY", "public-by-design"],
];

// ---- product analytics, session replay, error tracking ----
const ANALYTICS: readonly Row[] = [
  ["NEXT_PUBLIC_SEGMENT_ANALYTICS_WRITE_KEY", "public-by-design"], // IGassmann/web-app-template src/types/environment.d.ts
  ["NEXT_PUBLIC_SEGMENT_KEY", "public-by-design"], // vigneshprasad/crater-front lib/common/constants/global.constants.ts
  ["NEXT_PUBLIC_SEGMENT_WRITE_KEY", "public-by-design"], // AnalyticsBrowser.load({ writeKey })
  ["NEXT_PUBLIC_SEGMENT_API_TOKEN", "public-by-design"], // new Analytics({ writeKey: apiKey })
  ["VITE_MIXPANEL_TOKEN", "public-by-design"], // navgurukul/village-children-dashboard src/lib/mixpanel.ts
  ["NEXT_PUBLIC_MIXPANEL_TOKEN", "public-by-design"],
  ["NEXT_PUBLIC_AMPLITUDE_API_KEY", "public-by-design"], // malikpiara/wondernest analytics.js
  ["NEXT_PUBLIC_AMPLITUDE_KEY", "public-by-design"], // amplitude.getInstance().init(API_KEY)
  ["VITE_AMPLITUDE_API_KEY", "public-by-design"],
  ["VITE_POSTHOG_KEY", "public-by-design"], // jgtolentino/Scout-Dashboard apps/web/src/lib/posthog.ts
  ["VITE_PUBLIC_POSTHOG_KEY", "public-by-design"], // al-scion/hono-starter src/client/lib/posthog.ts
  ["VITE_POSTHOG_API_KEY", "public-by-design"],
  ["PUBLIC_POSTHOG_KEY", "public-by-design"],
  ["NEXT_PUBLIC_HEAP_ANALYTICS_KEY", "public-by-design"], // ahoylabs/summer-camp-grants app/env.example.ts
  ["NEXT_PUBLIC_FULLSTORY_KEY", "public-by-design"], // passed as fullstoryOrgId
  ["NEXT_PUBLIC_DATADOG_CLIENT_TOKEN", "public-by-design"], // JiaLe0709/JiaLe0709 lib/datadog.js (datadogRum.init)
  ["NEXT_PUBLIC_DD_CLIENT_TOKEN", "public-by-design"],
  ["NEXT_PUBLIC_SENTRY_DSN", "public-by-design"], // ahoylabs/summer-camp-grants app/env.example.ts
  ["VITE_SENTRY_DSN", "public-by-design"],
  // identifiers: not credentials at all
  ["NEXT_PUBLIC_HEAP_APP_ID", "qualifier"], // mariobrusarosco/garden domains/garden-components/heap-analytics.tsx
  ["NEXT_PUBLIC_GA_ID", "qualifier"], // abellha/abellha.co src/utils/gtag.js
  ["NEXT_PUBLIC_GOOGLE_TAG_MANAGER_ID", "qualifier"], // Levix0501/nextjs-starter components/google-analytics.tsx
  ["NEXT_PUBLIC_GA_MEASUREMENT_ID", "qualifier"],
  ["NEXT_PUBLIC_HOTJAR_SITE_ID", "qualifier"], // trendy-design/llmchat packages/shared/utils/hotjar.ts
  ["NEXT_PUBLIC_LOGROCKET_APP_ID", "qualifier"],
  ["NEXT_PUBLIC_INTERCOM_APP_ID", "qualifier"], // ShJavokhir/raisedash-landing-page src/components/Intercom.tsx
  // their server credentials
  ["NEXT_PUBLIC_SENTRY_AUTH_TOKEN", "never-public-word"], // uploads source maps
  ["NEXT_PUBLIC_POSTHOG_PERSONAL_API_KEY", "never-public-word"],
  ["NEXT_PUBLIC_DATADOG_API_KEY", "secret-word"], // the API key, not the RUM client token
  // the Amplitude browser key, but the name says "service key", which is Supabase's service role key elsewhere
  ["NEXT_PUBLIC_AMPLITUDE_SERVICE_KEY", "never-public-word"], // mash-up-kr/proof_web packages/hooks/useInitAmplitude.tsx
];

// ---- payments ----
const PAYMENTS: readonly Row[] = [
  ["REACT_APP_STRIPE_PUBLISHABLE_KEY", "public"], // tqt-ng/ecommerce src/utils/stripe/stripe.utils.js
  ["REACT_APP_STRIPE_PUBLIC_KEY", "public"], // TrumanH/e-shopping src/utils/stripe/stripe.utils.ts
  ["REACT_APP_STRIPE_KEY", "public-by-design"], // loadStripe(process.env.REACT_APP_STRIPE_KEY)
  ["NEXT_PUBLIC_STRIPE_KEY", "public-by-design"], // Medusa storefront README: "Stripe publishable key"
  ["REACT_APP_STRIPE_APIKEY", "public-by-design"], // stripeAPIkey in a CRA store
  ["REACT_APP_STRIPE_PK", "no-secret-word"],
  ["NEXT_PUBLIC_PADDLE_CLIENT_TOKEN", "public-by-design"], // MakeX-Corp/makex-web utils/paddle-client.ts
  ["REACT_APP_PADDLE_CLIENT_TOKEN", "public-by-design"],
  ["EXPO_PUBLIC_BRAINTREE_TOKENIZATION_KEY", "public-by-design"],
  ["VITE_RAZORPAY_KEY", "public-by-design"], // Razorpay Checkout options { key }
  ["VITE_RAZORPAY_KEY_ID", "qualifier"],
  ["VITE_STRIPE_SECRET_KEY", "never-public-word"], // Maxime77370/Le-Costumier frontend/src/lib/stripe.ts
  ["REACT_APP_STRIPE_SECRET_KEY", "never-public-word"],
  ["REACT_APP_STRIPE_WEBHOOK_SECRET", "never-public-word"],
  ["EXPO_PUBLIC_BRAINTREE_PRIVATE_KEY", "never-public-word"],
  // a tokenization key under a name that says "auth token", like Twilio's: the name decides
  ["NEXT_PUBLIC_BRAINTREE_AUTH_TOKEN", "never-public-word"], // SngGyanendra/chayenu-duplicate-backup components/common/BraintreeDropIn.js
];

// ---- captcha, search, maps ----
const WIDGETS: readonly Row[] = [
  ["NEXT_PUBLIC_RECAPTCHA_SITE_KEY", "lookup-key"], // aol-everest/aolf-sanyam-checkout src/config/recaptcha.ts
  ["VITE_RECAPTCHA_SITE_KEY", "lookup-key"], // golangreen/green-cabinets-clone src/config/recaptcha.ts
  ["VITE_TURNSTILE_SITE_KEY", "lookup-key"], // EithonX/fast-link app/lib/constants.ts
  ["NEXT_PUBLIC_HCAPTCHA_SITE_KEY", "lookup-key"],
  ["NEXT_PUBLIC_RECAPTCHA_KEY", "public-by-design"], // <ReCAPTCHA sitekey={process.env.NEXT_PUBLIC_RECAPTCHA_KEY} />
  ["NEXT_PUBLIC_RECAPTCHA_SECRET_KEY", "never-public-word"], // read by siteverify calls
  ["NEXT_PUBLIC_ALGOLIA_SEARCH_KEY", "public-by-design"], // ab-azmi/learn_next_drizzle lib/algolia-client.ts
  ["NEXT_PUBLIC_ALGOLIA_SEARCH_API_KEY", "public-by-design"],
  ["NEXT_PUBLIC_ALGOLIA_API_PUBLIC_KEY", "public"],
  ["NEXT_PUBLIC_ALGOLIA_ADMIN_KEY", "never-public-word"],
  ["NEXT_PUBLIC_TYPESENSE_SEARCH_ONLY_API_KEY", "public-by-design"],
  ["NEXT_PUBLIC_TYPESENSE_API_KEY", "public-by-design"], // "use an API key that only allows search operations"
  ["VITE_TYPESENSE_SEARCH_API_KEY", "public-by-design"],
  ["NEXT_PUBLIC_TYPESENSE_ADMIN_API_KEY", "never-public-word"], // handed to an InstantSearch adapter
  ["NEXT_PUBLIC_MEILISEARCH_SEARCH_API_KEY", "public-by-design"], // bratislava/mestskakniznica.sk next/utils/meilisearch.ts
  ["NEXT_PUBLIC_MEILISEARCH_API_KEY", "public-by-design"], // amit-ksh/chorus lib/meilisearch.ts
  ["NEXT_PUBLIC_MEILI_SEARCH_KEY", "public-by-design"], // neeeekto/volinad frontend/core/search/client.ts
  ["NEXT_PUBLIC_SEARCH_API_KEY", "public-by-design"], // Medusa's storefront: instantMeiliSearch(endpoint, apiKey)
  ["VITE_MEILI_MASTER_KEY", "never-public-word"],
  ["REACT_APP_GOOGLE_MAP_API_KEY", "public-by-design"], // muhsyafi/appfuxion.muhsyafiudin src/config/config.js
  ["VITE_GMAPS_API_KEY", "public-by-design"], // Unconfirmed2/nearbuy src/config/config.ts
  ["REACT_APP_PUBLIC_GOOGLE_MAPS_API_KEY", "public-by-design"], // chenxinhang12345/HeatMap map-ts/src/App.tsx
  ["VITE_GOOGLE_MAPS_API_KEY", "public-by-design"],
  ["VITE_MAPBOX_TOKEN", "public-by-design"], // irvingvjuarez/cdmx-subway-map src/constants/index.ts
  ["NEXT_PUBLIC_MAPBOX_ACCESS_TOKEN", "public-by-design"],
  ["NEXT_PUBLIC_CLOUDINARY_API_KEY", "public-by-design"], // next-cloudinary's signed upload widget
  ["NEXT_PUBLIC_CLOUDINARY_API_SECRET", "never-public-word"],
  ["NEXT_PUBLIC_SHOPIFY_STOREFRONT_ACCESS_TOKEN", "public-by-design"], // X-Shopify-Storefront-Access-Token header
  ["NEXT_PUBLIC_SHOPIFY_STOREFRONT_API_TOKEN", "public-by-design"],
];

// ---- Firebase, backend-as-a-service, authentication ----
const BACKENDS: readonly Row[] = [
  ["VITE_FIREBASE_API_KEY", "public-by-design"], // rafaelghif/infusion-fluid-monitoring firebase-config.js
  ["NEXT_PUBLIC_FIREBASE_API_KEY", "public-by-design"],
  ["VITE_FIREBASE_AUTH_DOMAIN", "no-secret-word"],
  ["VITE_FIREBASE_MESSAGING_SENDER_ID", "qualifier"],
  ["NEXT_PUBLIC_FIREBASE_VAPID_KEY", "public-by-design"],
  ["NEXT_PUBLIC_VAPID_PUBLIC_KEY", "public"], // applicationServerKey of a push subscription
  ["NEXT_PUBLIC_FIREBASE_SERVER_KEY", "never-public-word"], // FCM legacy server key
  // FB might be Facebook: the name does not say which key it is
  ["VITE_FB_KEY", "secret-word"], // rifkiahmadfahrezi/phone-fact src/services/firebase/config.js
  ["EXPO_PUBLIC_SUPABASE_KEY", "public-by-design"], // SUKHMAN-SINGH-1612/CPRG303-Group-4 Assignments/assignment-2/lib/supabase.ts
  ["EXPO_PUBLIC_SUPABASE_API_KEY", "public-by-design"], // truongmanhdung/Tiktok-App Apps/Utils/SupabaseConfig.tsx
  ["VITE_SUPABASE_KEY", "public-by-design"], // Alisonrajpal/genRes frontend/env.d.ts
  ["EXPO_PUBLIC_SUPABASE_ANON_PUBLIC", "public"], // carokitu/aKro supabase.ts
  ["NEXT_PUBLIC_SUPABASE_ANON_KEY", "lookup-key"],
  ["NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY", "never-public-word"], // createServiceClient() of a worker
  ["NEXT_PUBLIC_SERVICE_ROLE_KEY", "never-public-word"], // adamFittlerGit/OpenStat open-stat-app/frontend/lib/supabase.ts
  ["EXPO_PUBLIC_SUPABASE_SECRET", "never-public-word"],
  ["VITE_CLERK_PUBLISHABLE_KEY", "public"], // nabinbaransaha78/My-Balloons-My-Props src/lib/clerk.ts
  ["EXPO_PUBLIC_CLERK_PUBLISHABLE_KEY", "public"], // ledinhbach2k4/EnviroMental mobile/env.ts
  ["NEXT_PUBLIC_AUTH0_CLIENT_ID", "qualifier"], // dangerisgo2021/xion src/app/auth/auth0Config.ts
  ["REACT_APP_MAGIC_PUBLISH_KEY", "public-by-design"], // new Magic(REACT_APP_MAGIC_PUBLISH_KEY)
];

// ---- providers whose keys are never public ----
const SERVER_ONLY: readonly Row[] = [
  ["VITE_OPENAI_KEY", "never-public-provider"], // SaiSuryaTejaChavatapalli/netflix-gpt src/utils/openAI.js
  ["VITE_OPENAI_API_KEY", "never-public-provider"], // new OpenAI({ dangerouslyAllowBrowser: true })
  ["NEXT_PUBLIC_OPENAI_API_KEY", "never-public-provider"],
  ["VITE_OPENAI_SECRET_KEY", "never-public-word"], // kimanikevin254/descope-supabase-rag-app frontend/src/utils/openai.js
  ["VITE_ANTHROPIC_API_KEY", "never-public-provider"], // johnsroy/JurySync-Legal-AI-Automation client/src/lib/anthropic.ts
  ["VITE_CLAUDE_API_KEY", "never-public-provider"],
  ["VITE_GEMINI_API_KEY", "never-public-provider"],
  ["VITE_GROQ_API_KEY", "never-public-provider"], // nishred/StreamWise src/services/groqapi.js
  ["REACT_APP_GROQ_API_KEY", "never-public-provider"], // Madhava-Srinadh/MovieLens-GPT Frontend/src/utils/openai.js
  ["NEXT_PUBLIC_GROQ_API_KEY", "never-public-provider"],
  ["VITE_HF_TOKEN", "never-public-provider"], // Alisonrajpal/genRes frontend/env.d.ts
  ["VITE_HF_ACCESS_TOKEN", "never-public-provider"], // emazack/chef-gpt README.md
  ["VITE_HF_API_KEY", "never-public-provider"], // andyk/headlong packages/webapp/src/huggingface.ts
  ["VITE_REPLICATE_API_TOKEN", "never-public-provider"],
  ["REACT_APP_SENDGRID_API_KEY", "never-public-provider"], // sgMail.setApiKey(process.env.REACT_APP_SENDGRID_API_KEY)
  ["NEXT_PUBLIC_SENDGRID_API_KEY", "never-public-provider"],
  ["NEXT_PUBLIC_MAILGUN_API_KEY", "never-public-provider"], // mailgun.client({ key })
  ["VITE_RESEND_API_KEY", "never-public-provider"], // new Resend(import.meta.env.VITE_RESEND_API_KEY)
  ["NEXT_PUBLIC_TWILIO_AUTHTOKEN", "never-public-word"], // VinnyChase28/text-me src/utils/twilioClient.ts
  ["VITE_TWILIO_AUTH_TOKEN", "never-public-word"],
  ["VITE_GITHUB_TOKEN", "never-public-provider"], // thejoltjoker/johannesandersson.com src/services/github.ts
  ["VITE_gh_token", "never-public-provider"], // yogyy/ghsearcher src/lib/octokit.ts
  ["VITE_GITHUB_ACCESS_TOKEN", "never-public-provider"],
  ["NEXT_PUBLIC_GITHUB_TOKEN", "never-public-provider"],
  // a PUBLIC that opens the name continues the prefix; it makes no OpenAI key public
  ["VITE_PUBLIC_OPENAI_API_KEY", "never-public-provider"],
  // identifiers and addresses of those providers are not credentials
  ["NEXT_PUBLIC_TWILIO_SID", "no-secret-word"], // VinnyChase28/text-me src/utils/twilioClient.ts
  ["NEXT_PUBLIC_TWILIO_APP_SID", "no-secret-word"], // muhammadbalawal/gehl types/twilio.d.ts
  ["REACT_APP_SENDGRID_FROM_EMAIL", "qualifier"],
  ["VITE_GITHUB_OWNER", "no-secret-word"],
];

// ---- secrets of the app itself, and names that say nothing ----
const APP_SECRETS: readonly Row[] = [
  ["VITE_ADMIN_PASSWORD", "never-public-word"], // scharonvargas/Forca-Casal client/src/env.d.ts
  ["VITE_ADMIN_PASSWORD_HASH", "never-public-word"],
  ["VITE_ADMIN_TOKEN", "never-public-word"],
  ["VITE_JUMIO_API_SECRET", "never-public-word"],
  ["NEXT_PUBLIC_DATABASE_URL", "connection-string"],
  // an OpenAI key under a name that says nothing: not public by design, so a leak
  ["VITE_API_KEY", "secret-word"], // varun-purohit/netflixGpt src/utils/openAI.jsx
  ["REACT_APP_API_KEY", "secret-word"],
  ["GATSBY_CONTENTFUL_ACCESS_TOKEN", "secret-word"], // delivery or preview token: the name does not say
  // "public key" is a term, not a prefix
  ["PUBLIC_KEY", "public-key"],
  ["VITE_PUBLIC_KEY", "public-key"],
  ["NEXT_PUBLIC_SERVER_PUBLIC_KEY", "public"],
  // configuration
  ["NEXT_PUBLIC_SUPABASE_URL", "qualifier"],
  ["VITE_API_URL", "qualifier"],
  ["NEXT_PUBLIC_ALGOLIA_INDEX_NAME", "qualifier"],
];

const TABLES: Readonly<Record<string, readonly Row[]>> = {
  "issue 12": ISSUE_12,
  analytics: ANALYTICS,
  payments: PAYMENTS,
  "captcha, search, maps": WIDGETS,
  "Firebase, BaaS, auth": BACKENDS,
  "server-only providers": SERVER_ONLY,
  "app secrets and configuration": APP_SECRETS,
};

describe("classifyPublicEnvName on names from public projects", () => {
  for (const [group, rows] of Object.entries(TABLES)) {
    describe(group, () => {
      it.each(rows)("%s: %s", (name, why) => {
        const verdict = classifyPublicEnvName(name);
        expect(verdict).toMatchObject({ exposed: true, why, leak: LEAKING.has(why) });
      });
    });
  }

  it("covers at least 80 real names, none twice", () => {
    const names = Object.values(TABLES).flatMap((rows) => rows.map(([name]) => name));
    expect(names.length).toBeGreaterThanOrEqual(80);
    expect(new Set(names).size).toBe(names.length);
  });

  it("names what the value is, and why a server secret is one", () => {
    expect(classifyPublicEnvName("NEXT_PUBLIC_SEGMENT_API_KEY")).toMatchObject({ service: "analytics write key" });
    expect(classifyPublicEnvName("REACT_APP_STRIPE_CLIENT_KEY")).toMatchObject({ service: "client-side key" });
    expect(classifyPublicEnvName("NEXT_PUBLIC_ALGOLIA_API_KEY")).toMatchObject({ service: "search API key" });
    expect(classifyPublicEnvName("VITE_MIXPANEL_KEY")).toMatchObject({ service: "Mixpanel project token" });
    expect(classifyPublicEnvName("NEXT_PUBLIC_OPENAI_API_KEY")).toMatchObject({
      service: "OpenAI",
      browserKey: { verdict: "never-public", reason: "never-public-provider", word: "OPENAI", service: "OpenAI" },
    });
    expect(classifyPublicEnvName("NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY")).toMatchObject({
      browserKey: { verdict: "never-public", word: "SERVICE", marks: "a service-role or service-account key" },
    });
    // the most telling word, not the first: PASSWORD before ADMIN
    expect(classifyPublicEnvName("VITE_ADMIN_PASSWORD")).toMatchObject({ browserKey: { word: "PASSWORD" } });
    // a vendor's own never-public words (VITE_STRIPE_SK alone is no secret name to the classifier)
    expect(classifyBrowserKeyName("STRIPE_SK_KEY")).toEqual({
      verdict: "never-public",
      reason: "never-public-word",
      word: "SK",
      marks: "a Stripe secret or restricted key",
    });
  });
});

describe("public-by-design is judged behind a public prefix only", () => {
  it.each(["SEGMENT_API_KEY", "ALGOLIA_API_KEY", "STRIPE_KEY", "MIXPANEL_TOKEN", "SENTRY_DSN"])(
    "%s without a prefix is not exposed, and stays the classifier's secret",
    (name) => {
      expect(classifyPublicEnvName(name)).toEqual({ exposed: false });
      expect(isPublicByDesign(name)).toBe(false);
      expect(isSecretEnvName(name)).toBe(true);
    },
  );

  it("uses the prefixes it is given", () => {
    expect(isPublicByDesign("NG_APP_MIXPANEL_TOKEN")).toBe(false);
    expect(isPublicByDesign("NG_APP_MIXPANEL_TOKEN", { prefixes: ["NG_APP_"] })).toBe(true);
    expect(isPublicByDesign("VITE_MIXPANEL_TOKEN", { prefixes: ["NG_APP_"] })).toBe(false);
  });
});

describe("isSecretEnvName (no-bare-env-secret, the scanner)", () => {
  it("is the classifier's verdict, less the credentials public by design", () => {
    expect(isSecretEnvName("VITE_MIXPANEL_KEY")).toBe(false);
    expect(isSecretEnvName("REACT_APP_STRIPE_CLIENT_KEY")).toBe(false);
    expect(isSecretEnvName("VITE_STRIPE_SECRET_KEY")).toBe(true);
    expect(isSecretEnvName("REACT_APP_SENDGRID_API_KEY")).toBe(true);
    expect(isSecretEnvName("STRIPE_SECRET_KEY")).toBe(true);
    expect(isSecretEnvName("PORT")).toBe(false);
    // NEXT_PUBLIC_ is a public word to the classifier: no-public-env-secret reports these
    expect(isSecretEnvName("NEXT_PUBLIC_OPENAI_API_KEY")).toBe(false);
  });

  it("keeps alwaysSecret and ignoreNames", () => {
    const { classify } = resolveSecretsSettings({ alwaysSecret: ["VITE_MIXPANEL_KEY"], ignoreNames: ["VITE_OPENAI_*"] });
    expect(isSecretEnvName("VITE_MIXPANEL_KEY", { classify })).toBe(true);
    expect(isPublicByDesign("VITE_MIXPANEL_KEY", { classify })).toBe(false);
    expect(isSecretEnvName("VITE_OPENAI_API_KEY", { classify })).toBe(false);
    expect(isSecretEnvName("VITE_AMPLITUDE_API_KEY", { classify })).toBe(false);
  });
});

describe("classifyBrowserKeyName", () => {
  it("lets never-public words win over every rule, unless the rule carries the word", () => {
    expect(classifyBrowserKeyName("SEGMENT_WRITE_KEY")).toMatchObject({ verdict: "public" });
    expect(classifyBrowserKeyName("SEGMENT_BACKEND_WRITE_KEY")).toMatchObject({ verdict: "never-public", word: "BACKEND" });
    expect(classifyBrowserKeyName("ALGOLIA_WRITE_KEY")).toMatchObject({ verdict: "never-public", word: "WRITE" });
    expect(classifyBrowserKeyName("MAPBOX_DOWNLOADS_TOKEN")).toMatchObject({ verdict: "never-public", word: "DOWNLOADS" });
    expect(classifyBrowserKeyName("SEGMENT_PROFILE_TOKEN")).toMatchObject({ verdict: "never-public", word: "PROFILE" });
  });

  it("lets never-public providers win over the vendor-free kinds", () => {
    expect(classifyBrowserKeyName("OPENAI_CLIENT_KEY")).toMatchObject({ verdict: "never-public", service: "OpenAI" });
    expect(classifyBrowserKeyName("STATSIG_CLIENT_KEY")).toMatchObject({ verdict: "public" });
    expect(classifyBrowserKeyName("TLS_CLIENT_KEY")).toMatchObject({ verdict: "never-public", word: "TLS" });
  });

  it("matches a provider spelt in several segments, and not inside another word", () => {
    expect(classifyBrowserKeyName("OPEN_AI_KEY")).toMatchObject({ service: "OpenAI" });
    expect(classifyBrowserKeyName("HUGGING_FACE_TOKEN")).toMatchObject({ service: "Hugging Face" });
    expect(classifyBrowserKeyName("OPENING_HOURS_KEY")).toEqual({ verdict: "undecided", reason: "undecided" });
  });

  it("calls a search key of a named vendor that is no site search undecided", () => {
    expect(classifyBrowserKeyName("SEARCH_API_KEY")).toMatchObject({ verdict: "public" });
    expect(classifyBrowserKeyName("AZURE_SEARCH_KEY")).toMatchObject({ verdict: "undecided" });
    expect(classifyBrowserKeyName("BING_SEARCH_API_KEY")).toMatchObject({ verdict: "never-public" });
  });

  it("keeps a DSN public for error trackers only", () => {
    expect(classifyBrowserKeyName("SENTRY_DSN")).toMatchObject({ verdict: "public" });
    expect(classifyBrowserKeyName("DATABASE_DSN")).toMatchObject({ verdict: "undecided" });
  });

  it("sets environment and platform tags aside", () => {
    expect(classifyBrowserKeyName("POSTHOG_KEY_PROD")).toMatchObject({ verdict: "public" });
    expect(classifyBrowserKeyName("REVENUECAT_API_KEY_IOS")).toMatchObject({ verdict: "public" });
  });
});

describe("the tables", () => {
  const providerNames = NEVER_PUBLIC_PROVIDERS.flatMap((provider) => provider.names);
  const ruleVendors = PUBLIC_BY_DESIGN_RULES.flatMap((rule) => rule.vendors);
  const neverWords = NEVER_PUBLIC_WORDS.flatMap((entry) => entry.words);

  it("are written in upper-case segments, as names are split", () => {
    for (const name of [...providerNames, ...ruleVendors, ...neverWords]) {
      expect(splitNameSegments(name).join("_"), name).toBe(name);
    }
  });

  it("never call a vendor both public by design and never public", () => {
    expect(ruleVendors.filter((vendor) => providerNames.includes(vendor))).toEqual([]);
  });

  it("list each never-public word once", () => {
    expect(new Set(neverWords).size).toBe(neverWords.length);
  });

  it("only let a rule allow a never-public word it needs", () => {
    for (const rule of PUBLIC_BY_DESIGN_RULES) {
      for (const word of rule.allows ?? []) expect(neverWords).toContain(word);
    }
  });
});
