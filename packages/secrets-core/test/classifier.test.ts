/**
 * Table-driven tests of `classifySecretName` against environment variable names taken from
 * public projects' `.env.example` / `.env.sample` / `.env.template` files (and, for a few groups,
 * the config modules that read them). Each group says what kind of project its names come from.
 *
 * The expected verdict is what a demanding user wants: every value that can grant access is a
 * secret (when unsure, it is), and nothing that merely describes a secret (its lifetime, length,
 * header, location, identifier) is. Names the classifier still gets wrong are not in these tables
 * but in `KNOWN_MISCLASSIFICATIONS` at the end, pinned to today's verdict.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  classifySecretName,
  DEFAULT_SECRET_WORDS,
  QUALIFIER_WORDS,
  isSecretName,
  splitNameSegments,
  type SecretNameReason,
} from "../src/classifier.js";
import { resolveSecretsSettings } from "../src/settings.js";

const SECRET = true;
const NOT_SECRET = false;
type Row = readonly [name: string, secret: boolean];

// Next.js SaaS starters and Vercel templates (NextAuth/Auth.js, T3, Clerk, Resend, Upstash
// QStash, PlanetScale, Sanity, Tinybird, Axiom; link-shortener and blog starters).
const NEXTJS_SAAS: readonly Row[] = [
  ["DATABASE_URL", SECRET],
  ["DIRECT_URL", SECRET],
  ["PLANETSCALE_DATABASE_URL", SECRET],
  ["DATABASE_AUTH_TOKEN", SECRET],
  ["NEXTAUTH_SECRET", SECRET],
  ["AUTH_SECRET", SECRET],
  ["AUTH_GITHUB_SECRET", SECRET],
  ["GOOGLE_CLIENT_SECRET", SECRET],
  ["GITHUB_CLIENT_SECRET", SECRET],
  ["DISCORD_CLIENT_SECRET", SECRET],
  ["GITHUB_ACCESS_TOKEN", SECRET],
  ["CLERK_SECRET_KEY", SECRET],
  ["CLERK_WEBHOOK_SECRET", SECRET],
  ["RESEND_API_KEY", SECRET],
  ["RESEND_WEBHOOK_SECRET", SECRET],
  ["UNSUBSCRIBE_TOKEN_SECRET", SECRET],
  ["POSTMARK_API_TOKEN", SECRET],
  ["SANITY_API_READ_TOKEN", SECRET],
  ["SANITY_API_WRITE_TOKEN", SECRET],
  ["TINYBIRD_API_KEY", SECRET],
  ["AUTH_BEARER_TOKEN", SECRET],
  ["QSTASH_TOKEN", SECRET],
  ["QSTASH_CURRENT_SIGNING_KEY", SECRET],
  ["QSTASH_NEXT_SIGNING_KEY", SECRET],
  ["AXIOM_TOKEN", SECRET],
  ["CRON_SECRET", SECRET],
  ["FLAGS_SECRET", SECRET],
  ["ARCJET_KEY", SECRET],
  ["KNOCK_SECRET_API_KEY", SECRET],
  ["SLACK_SIGNING_SECRET", SECRET],
  ["STRIPE_APP_SECRET_KEY_TEST", SECRET],
  ["STRIPE_APP_SECRET_KEY_SANDBOX", SECRET],
  ["E2E_PARTNER_PASSWORD", SECRET],
  ["NEXTAUTH_URL", NOT_SECRET],
  ["NEXT_PUBLIC_APP_URL", NOT_SECRET],
  ["NEXT_PUBLIC_APP_NAME", NOT_SECRET],
  ["NEXT_TELEMETRY_DISABLED", NOT_SECRET],
  ["GOOGLE_CLIENT_ID", NOT_SECRET],
  ["GITHUB_CLIENT_ID", NOT_SECRET],
  ["AUTH_GITHUB_ID", NOT_SECRET],
  ["NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY", NOT_SECRET],
  ["NEXT_PUBLIC_CLERK_SIGN_IN_URL", NOT_SECRET],
  ["RESEND_FROM", NOT_SECRET],
  ["POSTMARK_SIGN_IN_TEMPLATE", NOT_SECRET],
  ["TINYBIRD_API_URL", NOT_SECRET],
  ["PROJECT_ID_VERCEL", NOT_SECRET],
  ["EDGE_CONFIG_ID", NOT_SECRET],
  ["AXIOM_DATASET", NOT_SECRET],
  ["PAYPAL_WEBHOOK_ID", NOT_SECRET],
  ["KNOCK_FEED_CHANNEL_ID", NOT_SECRET],
  ["NEXT_PUBLIC_SANITY_PROJECT_ID", NOT_SECRET],
  ["SANITY_API_DATASET", NOT_SECRET],
  ["PLAYWRIGHT_BASE_URL", NOT_SECRET],
  ["E2E_PARTNER_EMAIL", NOT_SECRET],
];

// Stripe integrations in e-commerce back ends (Express, Strapi plugins, Next.js checkouts).
const STRIPE: readonly Row[] = [
  ["STRIPE_SECRET_KEY", SECRET],
  ["STRIPE_LIVE_SECRET_KEY", SECRET],
  ["STRIPE_WEBHOOK_SECRET", SECRET],
  ["STRIPE_WH_SECRET", SECRET],
  ["STRIPE_API_KEY", SECRET],
  ["STRIPE_PUBLISHABLE_KEY", NOT_SECRET],
  ["NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY", NOT_SECRET],
  ["STRIPE_PUBLIC_KEY", NOT_SECRET],
  ["STRIPE_API_VERSION", NOT_SECRET],
  ["STRIPE_PRICE_ID", NOT_SECRET],
  ["STRIPE_PRO_MONTHLY_PLAN_ID", NOT_SECRET],
];

// Supabase apps (Next.js and Vite clients) and the self-hosted Supabase Docker stack.
const SUPABASE: readonly Row[] = [
  ["SUPABASE_SERVICE_ROLE_KEY", SECRET],
  ["SUPABASE_JWT_SECRET", SECRET],
  ["SERVICE_ROLE_KEY", SECRET],
  ["POSTGRES_PASSWORD", SECRET],
  ["DASHBOARD_PASSWORD", SECRET],
  ["VAULT_ENC_KEY", SECRET],
  ["PG_META_CRYPTO_KEY", SECRET],
  ["LOGFLARE_PRIVATE_ACCESS_TOKEN", SECRET],
  ["S3_PROTOCOL_ACCESS_KEY_SECRET", SECRET],
  ["SMS_TWILIO_AUTH_TOKEN", SECRET],
  ["SUPABASE_URL", NOT_SECRET],
  ["NEXT_PUBLIC_SUPABASE_URL", NOT_SECRET],
  ["NEXT_PUBLIC_SUPABASE_ANON_KEY", NOT_SECRET],
  ["SUPABASE_ANON_KEY", NOT_SECRET],
  ["VITE_SUPABASE_ANON_KEY", NOT_SECRET],
  ["ANON_KEY", NOT_SECRET],
  ["SUPABASE_PUBLIC_URL", NOT_SECRET],
  ["API_EXTERNAL_URL", NOT_SECRET],
  ["DASHBOARD_USERNAME", NOT_SECRET],
  ["S3_PROTOCOL_ACCESS_KEY_ID", NOT_SECRET],
  ["POOLER_TENANT_ID", NOT_SECRET],
  ["POOLER_DEFAULT_POOL_SIZE", NOT_SECRET],
  ["JWT_EXPIRY", NOT_SECRET],
  ["SMS_OTP_EXP", NOT_SECRET],
  ["SMS_OTP_LENGTH", NOT_SECRET],
  ["SMS_TWILIO_ACCOUNT_SID", NOT_SECRET],
  ["FUNCTIONS_VERIFY_JWT", NOT_SECRET],
  ["SMTP_ADMIN_EMAIL", NOT_SECRET],
  ["DISABLE_SIGNUP", NOT_SECRET],
];

// A document-signing Next.js app whose server-only variables all carry the NEXT_PRIVATE_ prefix:
// PRIVATE alone marks nothing; only PRIVATE followed by KEY does.
const NEXT_PRIVATE_PREFIX: readonly Row[] = [
  ["NEXT_PRIVATE_SIGNING_PASSPHRASE", SECRET],
  ["NEXT_PRIVATE_ENCRYPTION_KEY", SECRET],
  ["NEXT_PRIVATE_ENCRYPTION_SECONDARY_KEY", SECRET],
  ["NEXT_PRIVATE_DATABASE_URL", SECRET],
  ["NEXT_PRIVATE_DIRECT_DATABASE_URL", SECRET],
  ["NEXT_PRIVATE_SMTP_PASSWORD", SECRET],
  ["NEXT_PRIVATE_SMTP_APIKEY", SECRET],
  ["NEXT_PRIVATE_MAILCHANNELS_DKIM_PRIVATE_KEY", SECRET],
  ["NEXT_PRIVATE_UPLOAD_SECRET_ACCESS_KEY", SECRET],
  ["NEXT_PRIVATE_INNGEST_EVENT_KEY", SECRET],
  ["NEXT_PRIVATE_DOCUMENSO_LICENSE_KEY", SECRET],
  ["NEXT_PRIVATE_SIGNING_GCLOUD_APPLICATION_CREDENTIALS_CONTENTS", SECRET],
  ["E2E_TEST_AUTHENTICATE_USER_PASSWORD", SECRET],
  ["NEXT_PRIVATE_SIGNING_TRANSPORT", NOT_SECRET],
  ["NEXT_PRIVATE_SIGNING_LOCAL_FILE_PATH", NOT_SECRET],
  ["NEXT_PRIVATE_SIGNING_GCLOUD_HSM_KEY_PATH", NOT_SECRET],
  ["NEXT_PRIVATE_SIGNING_GCLOUD_HSM_PUBLIC_CRT_FILE_PATH", NOT_SECRET],
  ["NEXT_PRIVATE_UPLOAD_ACCESS_KEY_ID", NOT_SECRET],
  ["NEXT_PRIVATE_UPLOAD_BUCKET", NOT_SECRET],
  ["NEXT_PRIVATE_SMTP_APIKEY_USER", NOT_SECRET],
  ["NEXT_PRIVATE_SMTP_FROM_ADDRESS", NOT_SECRET],
  ["NEXT_PRIVATE_OIDC_PROVIDER_LABEL", NOT_SECRET],
  ["NEXT_PRIVATE_OIDC_SKIP_VERIFY", NOT_SECRET],
  ["NEXT_PRIVATE_INTERNAL_WEBAPP_URL", NOT_SECRET],
  ["NEXT_PRIVATE_JOBS_PROVIDER", NOT_SECRET],
  ["NEXT_PRIVATE_LOGGER_FILE_PATH", NOT_SECRET],
  ["NEXT_PUBLIC_POSTHOG_KEY", NOT_SECRET],
  ["NEXT_PUBLIC_DOCUMENT_SIZE_UPLOAD_LIMIT", NOT_SECRET],
  // Next.js reads NEXT_PRIVATE_* switches of its own (NEXT_PRIVATE_DEBUG_CACHE)
  ["NEXT_PRIVATE_DEBUG", NOT_SECRET],
  ["NEXT_PRIVATE_DEBUG_CACHE", NOT_SECRET],
];

// JWT and session auth in Express/NestJS API boilerplates, and token lifetimes in self-hosted
// Node apps (API clients, CRMs, headless CMSs): the lifetime of a token is not a token.
const TOKENS_AND_LIFETIMES: readonly Row[] = [
  ["JWT_SECRET", SECRET],
  ["JWT_REFRESH_SECRET", SECRET],
  ["REFRESH_TOKEN_SECRET", SECRET],
  ["JWT_PRIVATE_KEY", SECRET],
  ["SESSION_SECRET", SECRET],
  ["APP_SECRET", SECRET],
  ["APP_REFRESH_SECRET", SECRET],
  ["APP_FORGOT_SECRET", SECRET],
  ["ILV_TOKEN_SECRET", SECRET],
  ["JWT_EXPIRES_IN", NOT_SECRET],
  ["JWT_REFRESH_EXPIRES_IN", NOT_SECRET],
  ["JWT_EXPIRE", NOT_SECRET],
  ["JWT_EXPIRATION", NOT_SECRET],
  ["JWT_TOKEN_TTL", NOT_SECRET],
  ["ILV_TOKEN_TTL", NOT_SECRET],
  ["ACCESS_TOKEN_TTL", NOT_SECRET],
  ["ACCESS_TOKEN_EXPIRES_IN", NOT_SECRET],
  ["REFRESH_TOKEN_EXPIRES_IN", NOT_SECRET],
  ["LOGIN_TOKEN_EXPIRES_IN", NOT_SECRET],
  ["FILE_TOKEN_EXPIRES_IN", NOT_SECRET],
  ["EMAIL_VERIFICATION_TOKEN_EXPIRES_IN", NOT_SECRET],
  ["PASSWORD_RESET_TOKEN_EXPIRES_IN", NOT_SECRET],
  ["VERIFICATION_TOKEN_EXPIRY", NOT_SECRET],
  ["RESET_TOKEN_EXPIRE_MINUTES", NOT_SECRET],
  ["TOKEN_EXPIRY_IN_MINS", NOT_SECRET],
  ["TOKEN_EXPIRY_IN_MINUTES", NOT_SECRET],
  ["REFRESH_TOKEN_EXPIRY_IN_MINUTES", NOT_SECRET],
  ["ACCESS_TOKEN_EXPIRY_IN_SECONDS", NOT_SECRET],
  ["JWT_TOKEN_EXPIRY_IN_MINUTES", NOT_SECRET],
  ["MAGIC_LINK_TOKEN_VALIDITY", NOT_SECRET],
  ["REFRESH_TOKEN_VALIDITY", NOT_SECRET],
  ["TOKEN_SALT_COMPLEXITY", NOT_SECRET],
  ["API_TOKEN_EXPIRATION", NOT_SECRET],
  ["JWT_ALGORITHM", NOT_SECRET],
  ["JWT_PUBLIC_KEY", NOT_SECRET],
  ["RATE_LIMIT_TTL", NOT_SECRET],
];

// Password policy and reset flows in auth services' settings (Express/NestJS/FastAPI .env files).
const PASSWORD_POLICY: readonly Row[] = [
  ["ADMIN_PASSWORD", SECRET],
  ["PASSWORD_MIN_LENGTH", NOT_SECRET],
  ["PASSWORD_EXPIRY_DAYS", NOT_SECRET],
  ["PASSWORD_HISTORY_COUNT", NOT_SECRET],
  ["PASSWORD_REQUIRE_UPPERCASE", NOT_SECRET],
  ["PASSWORD_REQUIRE_LOWERCASE", NOT_SECRET],
  ["PASSWORD_REQUIRE_NUMBERS", NOT_SECRET],
  ["PASSWORD_REQUIRE_SPECIAL_CHARS", NOT_SECRET],
  ["PASSWORD_RESET_URL", NOT_SECRET],
  ["PASSWORD_RESET_ENABLED", NOT_SECRET],
  ["RESET_PASSWORD_REDIRECT_URI", NOT_SECRET],
  ["AUTH_PASSWORD_ENABLED", NOT_SECRET],
  ["BCRYPT_SALT_ROUNDS", NOT_SECRET],
  ["BCRYPT_ROUNDS", NOT_SECRET],
  ["SALT_ROUNDS", NOT_SECRET],
  // diagnostics switches of secret-handling tools (found in this repository's own CLI)
  ["SECRET_SCANNER_DEBUG", NOT_SECRET],
  ["VAULT_SECRET_LOG_LEVEL", NOT_SECRET],
  ["SECRETS_MANAGER_VERBOSE", NOT_SECRET],
];

// AWS, S3-compatible storage and MinIO in upload services and Django/Node back ends: an access
// key ID is an identifier, the secret access key is the secret.
const CLOUD_STORAGE: readonly Row[] = [
  ["AWS_SECRET_ACCESS_KEY", SECRET],
  ["AWS_SESSION_TOKEN", SECRET],
  ["S3_SECRET_KEY", SECRET],
  ["S3_ACCESS_KEY_SECRET", SECRET],
  ["S3_SECRETKEY", SECRET],
  ["STORAGE_SECRET_ACCESS_KEY", SECRET],
  ["MINIO_ROOT_PASSWORD", SECRET],
  ["AWS_CLOUDFRONT_PRIVATE_KEY", SECRET],
  ["AZURE_STORAGE_KEY", SECRET],
  ["AZURE_REDIS_KEY", SECRET],
  ["AZURE_CLIENT_SECRET", SECRET],
  ["AWS_ACCESS_KEY_ID", NOT_SECRET],
  ["S3_ACCESS_KEY_ID", NOT_SECRET],
  ["STORAGE_ACCESS_KEY_ID", NOT_SECRET],
  ["AWS_REGION", NOT_SECRET],
  ["AWS_DEFAULT_REGION", NOT_SECRET],
  ["S3_BUCKET", NOT_SECRET],
  ["AWS_S3_BUCKET_NAME", NOT_SECRET],
  ["S3_BUCKET_REGION", NOT_SECRET],
  ["S3_BUCKET_PREFIX", NOT_SECRET],
  ["AWS_S3_UPLOAD_BUCKET_URL", NOT_SECRET],
  ["AWS_CLOUDFRONT_KEY_PAIR_ID", NOT_SECRET],
  ["AWS_USE_PATH_STYLE_ENDPOINT", NOT_SECRET],
  ["STORAGE_ENDPOINT", NOT_SECRET],
  ["STORAGE_PUBLIC_BUCKET", NOT_SECRET],
  ["STORAGE_PRIVATE_BUCKET", NOT_SECRET],
  ["MINIO_ROOT_USER", NOT_SECRET],
  ["AZURE_CLIENT_ID", NOT_SECRET],
  ["AZURE_STORAGE_CONTAINER_NAME", NOT_SECRET],
];

// Mail settings of Laravel, Mastodon, Outline, cal.com and nodemailer-based Node apps.
const EMAIL: readonly Row[] = [
  ["SMTP_PASSWORD", SECRET],
  ["SMTP_PASS", SECRET],
  ["MAIL_PASSWORD", SECRET],
  ["EMAIL_PASSWORD", SECRET],
  ["EMAIL_PASS", SECRET],
  ["EMAIL_SERVER_PASSWORD", SECRET],
  ["MAILER_SMTP_PASSWORD", SECRET],
  ["MAILER_SMTP_URL", SECRET],
  ["SENDGRID_API_KEY", SECRET],
  ["SMTP_HOST", NOT_SECRET],
  ["SMTP_PORT", NOT_SECRET],
  ["SMTP_USER", NOT_SECRET],
  ["SMTP_USERNAME", NOT_SECRET],
  ["SMTP_LOGIN", NOT_SECRET],
  ["SMTP_FROM", NOT_SECRET],
  ["SMTP_SECURE", NOT_SECRET],
  ["MAIL_HOST", NOT_SECRET],
  ["MAIL_USERNAME", NOT_SECRET],
  ["MAIL_ENCRYPTION", NOT_SECRET],
  ["MAIL_FROM_ADDRESS", NOT_SECRET],
  ["MAIL_FROM_NAME", NOT_SECRET],
  ["EMAIL_FROM", NOT_SECRET],
  ["EMAIL_SERVER_HOST", NOT_SECRET],
  ["EMAIL_SERVER_USER", NOT_SECRET],
  ["MAILER_TLS_REJECT_UNAUTHORIZED", NOT_SECRET],
];

// Connection strings vs web endpoints: Prisma/Drizzle apps on Neon and Vercel Postgres, Vercel
// KV and Upstash, Docker Compose stacks (Mongo, RabbitMQ, Redis, ClickHouse), Azure SDK
// samples, Celery workers, Cloudinary uploads, Slack/Discord notifiers.
const CONNECTIONS: readonly Row[] = [
  ["POSTGRES_URL", SECRET],
  ["POSTGRES_PRISMA_URL", SECRET],
  ["POSTGRES_URL_NON_POOLING", SECRET],
  ["POSTGRES_URL_NO_SSL", SECRET],
  ["DATABASE_URL_UNPOOLED", SECRET],
  ["SHADOW_DATABASE_URL", SECRET],
  ["PG_DATABASE_URL", SECRET],
  ["SAML_DATABASE_URL", SECRET],
  ["PGPASSWORD", SECRET],
  ["REDIS_URL", SECRET],
  ["REDIS_COLLABORATION_URL", SECRET],
  ["KV_URL", SECRET],
  ["MONGODB_URI", SECRET],
  ["MONGO_URI", SECRET],
  ["MONGODB_URL", SECRET],
  ["RABBITMQ_URL", SECRET],
  ["AMQP_URL", SECRET],
  ["CELERY_BROKER_URL", SECRET],
  ["CLICKHOUSE_URL", SECRET],
  ["DB_CONNECTION_STRING", SECRET],
  ["AZURE_STORAGE_CONNECTION_STRING", SECRET],
  ["AZURE_SERVICE_BUS_CONN_STRING", SECRET],
  ["APPLICATIONINSIGHTS_CONNECTION_STRING", SECRET],
  ["SENTRY_DSN", SECRET],
  ["SENTRY_FRONT_DSN", SECRET],
  ["CLOUDINARY_URL", SECRET],
  ["SLACK_WEBHOOK_URL", SECRET],
  ["DISCORD_WEBHOOK_URL", SECRET],
  ["UPSTASH_REDIS_REST_TOKEN", SECRET],
  ["KV_REST_API_TOKEN", SECRET],
  ["KV_REST_API_READ_ONLY_TOKEN", SECRET],
  ["UPSTASH_VECTOR_REST_TOKEN", SECRET],
  ["UPSTASH_REDIS_REST_URL", NOT_SECRET],
  ["KV_REST_API_URL", NOT_SECRET],
  ["UPSTASH_VECTOR_REST_URL", NOT_SECRET],
  ["API_URL", NOT_SECRET],
  ["NEXT_PUBLIC_API_URL", NOT_SECRET],
  ["COLLABORATION_URL", NOT_SECRET],
  ["ELASTIC_APM_SERVER_URL", NOT_SECRET],
  ["NEXT_PUBLIC_SENTRY_DSN", NOT_SECRET],
  ["SENTRY_TUNNEL", NOT_SECRET],
  ["POSTGRES_HOST", NOT_SECRET],
  ["POSTGRES_USER", NOT_SECRET],
  ["POSTGRES_DATABASE", NOT_SECRET],
  ["PGHOST", NOT_SECRET],
  ["PGUSER", NOT_SECRET],
  ["PGSSLMODE", NOT_SECRET],
  ["REDIS_HOST", NOT_SECRET],
  ["REDIS_PORT", NOT_SECRET],
  ["REDIS_DB", NOT_SECRET],
  ["MONGO_DB_NAME", NOT_SECRET],
  ["DB_CONNECTION", NOT_SECRET],
  ["DATABASE_CONNECTION_POOL_MAX", NOT_SECRET],
  ["QUEUE_CONNECTION", NOT_SECRET],
  ["CACHE_STORE", NOT_SECRET],
];

// The Docker secrets `_FILE` convention (compose files, official database images, self-hosted
// apps that read `X_FILE` in place of `X`): the name of a secret's file is read like the secret.
const FILE_CONVENTION: readonly Row[] = [
  ["DB_PASSWORD_FILE", SECRET],
  ["POSTGRES_PASSWORD_FILE", SECRET],
  ["ADMIN_PASSWORD_FILE", SECRET],
  ["SECRET_KEY_FILE", SECRET],
  ["MCP_API_KEY_FILE", SECRET],
  ["DATABASE_URL_FILE", SECRET],
  ["DB_PASSWORD_ENCRYPTED", SECRET],
  ["HYUNDAI_USERNAME_FILE", NOT_SECRET],
  ["CMDBDYNAMIC_REDIS_TLS_CA_FILE", NOT_SECRET],
];

// Laravel, Rails and Mastodon (a Rails app) sample environments.
const LARAVEL_AND_RAILS: readonly Row[] = [
  ["APP_KEY", SECRET],
  ["DB_PASSWORD", SECRET],
  ["DB_PASS", SECRET],
  ["REDIS_PASSWORD", SECRET],
  ["ES_PASS", SECRET],
  ["PUSHER_APP_SECRET", SECRET],
  // public by Pusher's design, but nothing in the name says so: secret by contract
  ["PUSHER_APP_KEY", SECRET],
  ["SECRET_KEY_BASE", SECRET],
  ["RAILS_MASTER_KEY", SECRET],
  ["OTP_SECRET", SECRET],
  ["VAPID_PRIVATE_KEY", SECRET],
  ["ACTIVE_RECORD_ENCRYPTION_DETERMINISTIC_KEY", SECRET],
  ["ACTIVE_RECORD_ENCRYPTION_KEY_DERIVATION_SALT", SECRET],
  ["SECRET_KEY_BASE_DUMMY", NOT_SECRET],
  ["VAPID_PUBLIC_KEY", NOT_SECRET],
  ["APP_NAME", NOT_SECRET],
  ["APP_ENV", NOT_SECRET],
  ["APP_DEBUG", NOT_SECRET],
  ["APP_URL", NOT_SECRET],
  ["LOG_CHANNEL", NOT_SECRET],
  ["LOG_LEVEL", NOT_SECRET],
  ["SESSION_DRIVER", NOT_SECRET],
  ["SESSION_LIFETIME", NOT_SECRET],
  ["DB_HOST", NOT_SECRET],
  ["DB_USERNAME", NOT_SECRET],
  ["PUSHER_APP_ID", NOT_SECRET],
  ["PUSHER_APP_CLUSTER", NOT_SECRET],
  ["LOCAL_DOMAIN", NOT_SECRET],
  ["IP_RETENTION_PERIOD", NOT_SECRET],
  ["S3_ALIAS_HOST", NOT_SECRET],
];

// Self-hosted Node apps (wiki, scheduling, API client, CRM) and headless CMSs (Strapi, Directus).
const SELF_HOSTED_APPS: readonly Row[] = [
  ["SECRET_KEY", SECRET],
  ["UTILS_SECRET", SECRET],
  ["KEY", SECRET],
  ["SECRET", SECRET],
  ["SSL_KEY", SECRET],
  ["GITHUB_WEBHOOK_SECRET", SECRET],
  ["GITHUB_APP_PRIVATE_KEY", SECRET],
  ["SLACK_VERIFICATION_TOKEN", SECRET],
  ["IFRAMELY_API_KEY", SECRET],
  ["CALCOM_LICENSE_KEY", SECRET],
  ["CRON_API_KEY", SECRET],
  ["CALENDSO_ENCRYPTION_KEY", SECRET],
  ["TWILIO_TOKEN", SECRET],
  ["DATA_ENCRYPTION_KEY", SECRET],
  ["SUPPORT_FRONT_HMAC_KEY", SECRET],
  ["CAPTCHA_SECRET_KEY", SECRET],
  ["ENTERPRISE_KEY", SECRET],
  ["CLOUDFLARE_API_KEY", SECRET],
  ["APP_KEYS", SECRET],
  ["API_TOKEN_SALT", SECRET],
  ["ADMIN_JWT_SECRET", SECRET],
  ["TRANSFER_TOKEN_SALT", SECRET],
  ["DIRECTUS_ADMIN_TOKEN", SECRET],
  ["URL", NOT_SECRET],
  ["PORT", NOT_SECRET],
  ["HOST", NOT_SECRET],
  ["CDN_URL", NOT_SECRET],
  ["PUBLIC_URL", NOT_SECRET],
  ["WEB_CONCURRENCY", NOT_SECRET],
  ["DEFAULT_LANGUAGE", NOT_SECRET],
  ["SSL_CERT", NOT_SECRET],
  ["SSL_KEY_PATH", NOT_SECRET],
  ["FORCE_HTTPS", NOT_SECRET],
  ["PROXY_IP_HEADER", NOT_SECRET],
  ["GITHUB_APP_ID", NOT_SECRET],
  ["OIDC_TOKEN_URI", NOT_SECRET],
  ["OIDC_USERNAME_CLAIM", NOT_SECRET],
  ["OIDC_SCOPES", NOT_SECRET],
  ["RATE_LIMITER_DURATION_WINDOW", NOT_SECRET],
  ["FILE_STORAGE_UPLOAD_MAX_SIZE", NOT_SECRET],
  ["NEXTAUTH_COOKIE_DOMAIN", NOT_SECRET],
  ["API_KEY_PREFIX", NOT_SECRET],
  ["TWILIO_SID", NOT_SECRET],
  ["NEXT_PUBLIC_ZENDESK_KEY", NOT_SECRET],
  ["CAPTCHA_SITE_KEY", NOT_SECRET],
  ["GOOGLE_CALLBACK_URL", NOT_SECRET],
  ["GOOGLE_SCOPE", NOT_SECRET],
  ["CLOUDFLARE_ZONE_ID", NOT_SECRET],
  ["ADMIN_EMAIL", NOT_SECRET],
  ["DB_CLIENT", NOT_SECRET],
  ["STRAPI_ADMIN_BACKEND_URL", NOT_SECRET],
];

// AI and LLM apps (chatbots, RAG pipelines, coding agents).
const AI_APPS: readonly Row[] = [
  ["OPENAI_API_KEY", SECRET],
  ["ANTHROPIC_API_KEY", SECRET],
  ["GROQ_API_KEY", SECRET],
  ["AZURE_OPENAI_API_KEY", SECRET],
  ["GOOGLE_GENERATIVE_AI_API_KEY", SECRET],
  ["OPENAI_API_TOKEN", SECRET],
  ["HF_TOKEN", SECRET],
  ["OPENAI_BASE_URL", NOT_SECRET],
  ["OPENAI_API_BASE", NOT_SECRET],
  ["OPENAI_MODEL", NOT_SECRET],
  ["OPENAI_ORG_ID", NOT_SECRET],
  ["OPENAI_TEMPERATURE", NOT_SECRET],
  ["AZURE_OPENAI_ENDPOINT", NOT_SECRET],
  ["AZURE_OPENAI_API_VERSION", NOT_SECRET],
  ["OLLAMA_BASE_URL", NOT_SECRET],
  ["MAX_RETRIES", NOT_SECRET],
];

// Chat bots and third-party integrations (Discord/Telegram bots, Twilio, ngrok tunnels,
// Firebase Admin in Next.js apps).
const BOTS_AND_INTEGRATIONS: readonly Row[] = [
  ["DISCORD_TOKEN", SECRET],
  ["DISCORD_BOT_TOKEN", SECRET],
  ["TELEGRAM_BOT_TOKEN", SECRET],
  ["BOT_TOKEN", SECRET],
  ["TWILIO_AUTH_TOKEN", SECRET],
  ["NGROK_AUTHTOKEN", SECRET],
  ["FIREBASE_PRIVATE_KEY", SECRET],
  ["FIREBASE_ADMIN_PRIVATE_KEY", SECRET],
  ["ADMIN_CLEANUP_SECRET", SECRET],
  ["DISCORD_GUILD_ID", NOT_SECRET],
  ["CLIENT_ID", NOT_SECRET],
  ["TELEGRAM_CHAT_ID", NOT_SECRET],
  ["TWILIO_ACCOUNT_SID", NOT_SECRET],
  ["TWILIO_PHONE_NUMBER", NOT_SECRET],
  ["NGROK_DOMAIN", NOT_SECRET],
  ["FIREBASE_CLIENT_EMAIL", NOT_SECRET],
  ["FIREBASE_PROJECT_ID", NOT_SECRET],
  ["FIREBASE_PRIVATE_KEY_ID", NOT_SECRET],
  ["NEXT_PUBLIC_FIREBASE_API_KEY", NOT_SECRET],
  ["NEXT_PUBLIC_FIREBASE_MESSAGING_SENDER_ID", NOT_SECRET],
];

// Official database images in docker-compose files, and what shells and CI runners set.
const DOCKER_SHELL_CI: readonly Row[] = [
  ["MYSQL_ROOT_PASSWORD", SECRET],
  ["MYSQL_PASSWORD", SECRET],
  ["MYSQL_PWD", SECRET],
  ["SA_PASSWORD", SECRET],
  ["GITHUB_TOKEN", SECRET],
  ["NPM_TOKEN", SECRET],
  ["NODE_AUTH_TOKEN", SECRET],
  ["MYSQL_ALLOW_EMPTY_PASSWORD", NOT_SECRET],
  ["MYSQL_RANDOM_ROOT_PASSWORD", NOT_SECRET],
  ["ALLOW_EMPTY_PASSWORD", NOT_SECRET],
  ["MYSQL_DATABASE", NOT_SECRET],
  ["MYSQL_USER", NOT_SECRET],
  ["POSTGRES_DB", NOT_SECRET],
  ["PWD", NOT_SECRET],
  ["OLDPWD", NOT_SECRET],
  ["HOME", NOT_SECRET],
  ["PATH", NOT_SECRET],
  ["HOSTNAME", NOT_SECRET],
  ["NODE_ENV", NOT_SECRET],
  ["CI", NOT_SECRET],
];

// Keys that name a lookup rather than hold a credential, and words that only contain KEY:
// DynamoDB/Cosmos apps (PARTITION_KEY, SORT_KEY), caches and queues, captcha site keys, header
// names of API gateways (API_KEY_HEADER), browser storage keys.
const KEY_SHAPES: readonly Row[] = [
  ["CACHE_KEY", NOT_SECRET],
  ["SORT_KEY", NOT_SECRET],
  ["PRIMARY_KEY", NOT_SECRET],
  ["PARTITION_KEY", NOT_SECRET],
  ["IDEMPOTENCY_KEY", NOT_SECRET],
  ["LOCAL_STORAGE_KEY", NOT_SECRET],
  ["RECAPTCHA_SITE_KEY", NOT_SECRET],
  ["API_KEY_HEADER", NOT_SECRET],
  ["LIGHTRAG_API_KEY_HEADER", NOT_SECRET],
  ["KEY_PREFIX", NOT_SECRET],
  ["REDIS_KEY_PREFIX", NOT_SECRET],
  ["KEYBOARD_LAYOUT", NOT_SECRET],
  ["MONKEY", NOT_SECRET],
  ["KEYCLOAK_URL", NOT_SECRET],
  ["RECAPTCHA_SECRET_KEY", SECRET],
  ["API_KEY_V2", SECRET],
  ["API_KEYS", SECRET],
  ["ADMIN_API_TOKENS", SECRET],
  ["KEYCLOAK_CLIENT_SECRET", SECRET],
  ["KEYSTORE_PASSWORD", SECRET],
];

// camelCase names of the config modules that map process.env onto objects (Express, Strapi and
// Next.js config files).
const CAMEL_CASE: readonly Row[] = [
  ["apiKey", SECRET],
  ["clientSecret", SECRET],
  ["secretAccessKey", SECRET],
  ["stripeSecretKey", SECRET],
  ["jwtSecret", SECRET],
  ["refreshTokenSecret", SECRET],
  ["webhookSecret", SECRET],
  ["privateKey", SECRET],
  ["accessToken", SECRET],
  ["connectionString", SECRET],
  ["databaseUrl", SECRET],
  ["APIKey", SECRET],
  ["tokenType", NOT_SECRET],
  ["accessKeyId", NOT_SECRET],
  ["publishableKey", NOT_SECRET],
  ["jwtExpiresIn", NOT_SECRET],
  ["refreshTokenExpiresIn", NOT_SECRET],
  ["passwordMinLength", NOT_SECRET],
  ["cacheKey", NOT_SECRET],
  ["idempotencyKey", NOT_SECRET],
  ["s3BucketName", NOT_SECRET],
  ["clientEmail", NOT_SECRET],
];

const REAL_WORLD_NAMES: readonly Row[] = [
  ...NEXTJS_SAAS,
  ...STRIPE,
  ...SUPABASE,
  ...NEXT_PRIVATE_PREFIX,
  ...TOKENS_AND_LIFETIMES,
  ...PASSWORD_POLICY,
  ...CLOUD_STORAGE,
  ...EMAIL,
  ...CONNECTIONS,
  ...FILE_CONVENTION,
  ...LARAVEL_AND_RAILS,
  ...SELF_HOSTED_APPS,
  ...AI_APPS,
  ...BOTS_AND_INTEGRATIONS,
  ...DOCKER_SHELL_CI,
  ...KEY_SHAPES,
  ...CAMEL_CASE,
];

/**
 * Real names the classifier still gets wrong: fixing them through the word lists would break
 * names in the tables above. Each row pins today's verdict, so a fix shows up here as a failure
 * and the row moves into the tables.
 */
const KNOWN_MISCLASSIFICATIONS: readonly (readonly [name: string, wanted: boolean, why: string])[] = [
  // LLM apps: a token count. TOKENS stays a secret word for ADMIN_API_TOKENS and the like.
  ["OPENAI_MAX_TOKENS", NOT_SECRET, "head TOKENS is a secret word; MAX before it is not consulted"],
  // Azure Cosmos DB and Rails Active Record encryption: the account/encryption key is a credential,
  // but PRIMARY before KEY makes it a lookup key (PRIMARY_KEY, primaryKey must stay one).
  ["COSMOS_PRIMARY_KEY", SECRET, "PRIMARY makes KEY a lookup key"],
  ["ACTIVE_RECORD_ENCRYPTION_PRIMARY_KEY", SECRET, "PRIMARY makes KEY a lookup key"],
  // Self-hosted Supabase: a log-ingestion token that the name calls public.
  ["LOGFLARE_PUBLIC_ACCESS_TOKEN", SECRET, "a PUBLIC segment always wins"],
  // Supabase apps that drop the _KEY suffix.
  ["SUPABASE_SERVICE_ROLE", SECRET, "head ROLE is a qualifier"],
  // Service-account JSON (or its path) in Google Sheets/Calendar integrations.
  ["GOOGLE_SERVICE_ACCOUNT_JSON", SECRET, "JSON is set aside; head ACCOUNT is a qualifier"],
  // Document signing: base64 of a .p12 that holds the private key.
  ["NEXT_PRIVATE_SIGNING_LOCAL_FILE_CONTENTS", SECRET, "no secret word in the name"],
  // Vercel Edge Config connection string (carries a read token); a Slack webhook URL.
  ["EDGE_CONFIG", SECRET, "no secret word in the name"],
  ["DUB_SLACK_HOOK_CRON", SECRET, "no secret word in the name"],
  // Telegram client apps: api_hash is the app's secret.
  ["TELEGRAM_API_HASH", SECRET, "HASH is not a secret word"],
];

describe("classifySecretName on real-world environment variable names", () => {
  it("has a table of at least 170 distinct names, roughly half of them secrets", () => {
    const names = REAL_WORLD_NAMES.map(([name]) => name);
    expect(names.length).toBeGreaterThanOrEqual(170);
    expect(new Set(names).size).toBe(names.length);
    const secrets = REAL_WORLD_NAMES.filter(([, secret]) => secret).length;
    expect(secrets / names.length).toBeGreaterThan(0.4);
    expect(secrets / names.length).toBeLessThan(0.6);
  });

  it.each(REAL_WORLD_NAMES)("%s → secret: %s", (name, secret) => {
    const verdict = classifySecretName(name);
    expect(verdict.secret, `${name} (${verdict.reason} on ${verdict.segments.join(" ")})`).toBe(secret);
    expect(isSecretName(name)).toBe(secret);
  });
});

describe("known misclassifications", () => {
  it.each(KNOWN_MISCLASSIFICATIONS)("%s should be secret: %s, but is not yet (%s)", (name, wanted) => {
    expect(classifySecretName(name).secret).toBe(!wanted);
  });
});

describe("reasons", () => {
  const REASONS: readonly (readonly [name: string, reason: SecretNameReason])[] = [
    ["STRIPE_SECRET_KEY", "secret-word"],
    ["DB_PASSWORD_FILE", "secret-word"],
    ["API_KEY_V2", "secret-word"],
    ["DATABASE_URL", "connection-string"],
    ["POSTGRES_URL_NON_POOLING", "connection-string"],
    ["AZURE_STORAGE_CONNECTION_STRING", "connection-string"],
    ["SECRET_KEY_BASE", "secret-word-in-name"],
    ["PASSWORD_PEPPER", "secret-word-in-name"],
    ["SSH_PRIVATE_KEY_P8", "secret-word-in-name"],
    ["NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY", "public"],
    ["JWT_PUBLIC_KEY", "public"],
    ["JWT_TOKEN_TTL", "qualifier"],
    ["PASSWORD_MIN_LENGTH", "qualifier"],
    ["UPSTASH_REDIS_REST_URL", "qualifier"],
    ["AWS_ACCESS_KEY_ID", "qualifier"],
    ["CACHE_KEY", "lookup-key"],
    ["SUPABASE_ANON_KEY", "lookup-key"],
    // the yaml package's switch that logs its lexer's tokens (real code, node_modules/yaml)
    ["LOG_TOKENS", "diagnostic-switch"],
    ["DEBUG_SECRETS", "diagnostic-switch"],
    ["SHOW_PASSWORDS", "diagnostic-switch"],
    // a singular head, or more words, stay credentials: a log service's token, a service's keys
    ["LOG_TOKEN", "secret-word"],
    ["LOGTAIL_SOURCE_TOKEN", "secret-word"],
    ["DEBUG_SERVICE_KEYS", "secret-word"],
    ["KEYBOARD_LAYOUT", "no-secret-word"],
    ["PWD", "no-secret-word"],
    ["NEXT_PRIVATE_DEBUG", "qualifier"],
    ["NEXT_PRIVATE_TELEMETRY_ID", "qualifier"],
    ["NEXT_PRIVATE_STANDALONE", "no-secret-word"],
  ];

  it.each(REASONS)("%s → %s", (name, reason) => {
    expect(classifySecretName(name).reason).toBe(reason);
  });

  it("returns the segments it judged", () => {
    expect(classifySecretName("stripeSecretKey").segments).toEqual(["STRIPE", "SECRET", "KEY"]);
  });

  it("treats an empty name as no secret", () => {
    expect(classifySecretName("")).toEqual({ secret: false, reason: "no-secret-word", segments: [] });
  });
});

describe("products whose names hold a secret word", () => {
  // outline's shared/utils/passkeys.ts: `enum` of password managers and their authenticator ids
  it.each(["OnePassword", "LastPass", "NordPass", "ProtonPass", "ApplePasswords", "IPasswords", "KeePassXC", "1Password", "LAST_PASS"])(
    "%s is a brand, not a secret",
    (name) => {
      expect(classifySecretName(name)).toMatchObject({ secret: false, reason: "no-secret-word" });
    },
  );

  it("leaves names that only contain a product's name alone", () => {
    expect(classifySecretName("LASTPASS_API_KEY").secret).toBe(true);
    expect(classifySecretName("onePasswordToken").secret).toBe(true);
    expect(classifySecretName("lastPassword").secret).toBe(true);
  });
});

describe("splitNameSegments", () => {
  it.each([
    ["STRIPE_API_KEY", ["STRIPE", "API", "KEY"]],
    ["stripeApiKey", ["STRIPE", "API", "KEY"]],
    ["APIKey", ["API", "KEY"]],
    ["NEXT_PUBLIC_SUPABASE_ANON_KEY", ["NEXT", "PUBLIC", "SUPABASE", "ANON", "KEY"]],
    ["next-auth.secret", ["NEXT", "AUTH", "SECRET"]],
    ["database/url:primary", ["DATABASE", "URL", "PRIMARY"]],
    ["API_KEY_V2", ["API", "KEY", "V2"]],
    ["s3BucketName", ["S3", "BUCKET", "NAME"]],
    ["__DB__PASSWORD__", ["DB", "PASSWORD"]],
    ["", []],
    ["HTTPServerURLKey", ["HTTP", "SERVER", "URL", "KEY"]],
    ["ABCdEFg", ["AB", "CD", "E", "FG"]],
  ] as const)("%s → %j", (name, segments) => {
    expect(splitNameSegments(name)).toEqual(segments);
  });

  it("is linear on long upper-case runs", () => {
    // Regression (found by classifier.property.test.ts on very long names): the camelCase split
    // `([A-Z]+)([A-Z][a-z])` backtracked over the whole run at every position: over two minutes here.
    const name = `${"A".repeat(200_000)}_KEY`;
    const started = performance.now();
    expect(splitNameSegments(name)).toEqual(["A".repeat(200_000), "KEY"]);
    expect(splitNameSegments(`${"A".repeat(200_000)}bcKey`)).toEqual(["A".repeat(199_999), "ABC", "KEY"]);
    expect(classifySecretName(name)).toMatchObject({ secret: true, reason: "secret-word" });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("options", () => {
  describe("secretWords", () => {
    it("adds head words, case-insensitively", () => {
      expect(isSecretName("WEBHOOK_HMAC")).toBe(false);
      expect(classifySecretName("WEBHOOK_HMAC", { secretWords: ["hmac"] })).toMatchObject({
        secret: true,
        reason: "secret-word",
      });
      expect(isSecretName("APP_LICENSE", { secretWords: ["HMAC", "LICENSE"] })).toBe(true);
    });

    it("counts only at the head: qualifiers still win", () => {
      expect(isSecretName("HMAC_HEADER", { secretWords: ["HMAC"] })).toBe(false);
      expect(isSecretName("HMAC_ALGORITHM", { secretWords: ["HMAC"] })).toBe(false);
    });
  });

  describe("alwaysSecret", () => {
    it("takes exact names", () => {
      expect(isSecretName("EDGE_CONFIG")).toBe(false);
      expect(classifySecretName("EDGE_CONFIG", { alwaysSecret: ["EDGE_CONFIG"] })).toMatchObject({
        secret: true,
        reason: "configured-secret",
      });
      expect(isSecretName("EDGE_CONFIG_ID", { alwaysSecret: ["EDGE_CONFIG"] })).toBe(false);
    });

    it("takes * globs, anchored at both ends", () => {
      const options = { alwaysSecret: ["DUB_SLACK_HOOK_*"] };
      expect(isSecretName("DUB_SLACK_HOOK_CRON", options)).toBe(true);
      expect(isSecretName("DUB_SLACK_HOOK_LINKS", options)).toBe(true);
      expect(isSecretName("MY_DUB_SLACK_HOOK_CRON", options)).toBe(false);
    });

    it("beats the public and qualifier rules", () => {
      expect(isSecretName("LOGFLARE_PUBLIC_ACCESS_TOKEN", { alwaysSecret: ["LOGFLARE_*"] })).toBe(true);
      expect(isSecretName("SUPABASE_SERVICE_ROLE", { alwaysSecret: ["SUPABASE_SERVICE_ROLE"] })).toBe(true);
    });
  });

  describe("ignoreNames", () => {
    it("takes exact names, case-sensitively", () => {
      expect(classifySecretName("PUSHER_APP_KEY", { ignoreNames: ["PUSHER_APP_KEY"] })).toMatchObject({
        secret: false,
        reason: "configured-ignore",
      });
      expect(isSecretName("PUSHER_APP_KEY", { ignoreNames: ["pusher_app_key"] })).toBe(true);
    });

    it("takes * globs", () => {
      const options = { ignoreNames: ["ALGOLIA_SEARCH_*", "*_WEBHOOK_URL"] };
      expect(isSecretName("ALGOLIA_SEARCH_API_KEY", options)).toBe(false);
      expect(isSecretName("ALGOLIA_ADMIN_API_KEY", options)).toBe(true);
      expect(isSecretName("N8N_WEBHOOK_URL", options)).toBe(false);
      expect(isSecretName("SLACK_WEBHOOK_SECRET", options)).toBe(true);
    });

    it("treats glob metacharacters other than * literally", () => {
      const options = { ignoreNames: ["app.*"] };
      expect(isSecretName("app.secret", options)).toBe(false);
      expect(isSecretName("appX.secret", options)).toBe(true);
    });

    it("wins over alwaysSecret", () => {
      expect(
        classifySecretName("STRIPE_SECRET_KEY", { alwaysSecret: ["STRIPE_*"], ignoreNames: ["STRIPE_SECRET_KEY"] }),
      ).toMatchObject({ secret: false, reason: "configured-ignore" });
    });

    it("matches globs with several stars, overlapping parts and no match at all", () => {
      const matches = (name: string, pattern: string): boolean =>
        classifySecretName(name, { ignoreNames: [pattern] }).reason === "configured-ignore";
      expect(matches("A_B_C", "*_*_*")).toBe(true);
      expect(matches("A_B", "*_*_*")).toBe(false);
      expect(matches("ABAB", "*AB")).toBe(true);
      expect(matches("ABA", "AB*BA")).toBe(false); // the parts may not overlap
      expect(matches("ABBA", "AB*BA")).toBe(true);
      expect(matches("X", "**")).toBe(true);
      expect(matches("", "*")).toBe(true);
      expect(matches("a(b)[c]$", "a(*)[*]$")).toBe(true);
    });

    it("matches long names and long patterns quickly and without throwing", () => {
      // Regression (found by classifier.property.test.ts): globs were compiled to `^.*…$`, which
      // backtracked polynomially when the name does not match (`.` stops at a line break), and a
      // pattern of 40 000 characters was "too large" for a RegExp, so classifySecretName threw.
      const started = performance.now();
      const long = `${"A".repeat(40_000)}*`;
      expect(classifySecretName(long, { ignoreNames: [long] }).reason).toBe("configured-ignore");
      expect(classifySecretName(long, { alwaysSecret: [long] }).reason).toBe("configured-secret");
      expect(classifySecretName(`${"A".repeat(30_000)}\n`, { ignoreNames: ["*B*", "***", "*_*_*_*"] }).secret).toBe(false);
      expect(performance.now() - started).toBeLessThan(2_000);
    });
  });

  it("are read from the shared settings.secrets block", () => {
    const settings = resolveSecretsSettings({
      secretWords: ["HMAC"],
      alwaysSecret: ["EDGE_CONFIG"],
      ignoreNames: ["PUSHER_APP_KEY", "VITE_*"],
    });
    expect(settings.isSecretName("WEBHOOK_HMAC")).toBe(true);
    expect(settings.isSecretName("EDGE_CONFIG")).toBe(true);
    expect(settings.isSecretName("PUSHER_APP_KEY")).toBe(false);
    expect(settings.isSecretName("VITE_PUSHER_APP_KEY")).toBe(false);
    expect(settings.isSecretName("STRIPE_SECRET_KEY")).toBe(true);
    expect(settings.classify("EDGE_CONFIG").reason).toBe("configured-secret");
  });
});

describe("docs/secret-names.md lists every default word", () => {
  const docs = readFileSync(new URL("../../../docs/secret-names.md", import.meta.url), "utf8");

  it.each([...DEFAULT_SECRET_WORDS, ...QUALIFIER_WORDS])("%s", (word) => {
    expect(docs).toContain(`\`${word}\``);
  });
});
