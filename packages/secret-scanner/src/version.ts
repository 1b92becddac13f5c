/** The scanner's version, from its package.json (printed by --version, written in SARIF reports). */
import { createRequire } from "node:module";

export const { version: SCANNER_VERSION } = createRequire(import.meta.url)("../package.json") as { version: string };
