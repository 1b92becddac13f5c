// The repository lints itself: typescript-eslint, eslint-plugin-eslint-plugin on our own rules,
// and our own plugin (built from packages/eslint-plugin-secrets) on everything.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import eslintPlugin from "eslint-plugin-eslint-plugin";
import secrets from "eslint-plugin-secrets";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores(["**/dist/**", "**/node_modules/**", "coverage/**", "**/.bench/**", "fixtures/**"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  secrets.configs.strict,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly" },
    },
    settings: {
      secrets: { accessors: ["getSecret"], accessorFiles: ["packages/secrets-runtime/src/**"] },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // These tests exercise the accessor itself: names built at run time, missing secrets,
    // rejections, and logging Secret objects to prove they print as [redacted].
    files: ["packages/secrets-runtime/test/**"],
    rules: {
      "secrets/literal-secret-name": "off",
      "secrets/no-bare-env-secret": "off",
      "secrets/no-secret-fallback": "off",
      "secrets/no-secret-logging": "off",
    },
  },
  {
    // Tests read env example fixtures to check what the scanner reports on them.
    files: ["packages/*/test/**", "packages/*/tests/**"],
    rules: { "secrets/no-env-file-loading": ["error", { allowInFiles: ["packages/*/test/**", "packages/*/tests/**"] }] },
  },
  {
    files: ["packages/eslint-plugin-secrets/src/rules/**/*.ts"],
    extends: [eslintPlugin.configs.recommended],
    rules: {
      "eslint-plugin/require-meta-docs-description": ["error", { pattern: "^(Disallow|Require|Enforce)" }],
      "eslint-plugin/require-meta-docs-url": "off", // set by RuleCreator from the rule name
      "eslint-plugin/meta-property-ordering": "error",
      "eslint-plugin/prefer-placeholders": "error",
      "eslint-plugin/report-message-format": ["error", "^[A-Z'{`].*[.)]$"],
      "eslint-plugin/require-meta-schema-description": "error",
    },
  },
  {
    files: ["packages/eslint-plugin-secrets/tests/**/*.ts"],
    extends: [eslintPlugin.configs.recommended],
  },
);
