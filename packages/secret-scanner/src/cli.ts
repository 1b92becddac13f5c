#!/usr/bin/env node
/**
 * The `secret-scanner` command's entry point. Before the rest of the scanner is loaded (some
 * 200 ms of modules), a command that scans a whole repository starts the analysis thread, so that
 * the thread loads TypeScript meanwhile (see code/analysis-prestart.ts). Everything else is in
 * program.ts.
 */
import { prestartAnalysisThread, scansWholeRepository } from "./code/analysis-prestart.js";

const argv = process.argv.slice(2);
if (scansWholeRepository(argv)) prestartAnalysisThread();
const { main } = await import("./program.js");
process.exitCode = await main(argv);
