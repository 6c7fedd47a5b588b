// Runs every test file (test/*.test.ts) in this one process: `npm test` runs this file only. The files share one pack
// per config (Engine.shared), started here at once, so the pack and the protocol's modules load a few times, not once
// per file. Each test file still runs on its own (`node --test bin/test/<name>.test.js`).
import * as fs from "node:fs";
import * as path from "node:path";
import { after } from "node:test";
import { Engine } from "./engine";

// The files are found from the sources, so a compiled test whose source is gone does not run.
const sources = path.resolve(__dirname, "..", "..", "test");
const files = fs.readdirSync(sources).filter(file => file.endsWith(".test.ts")).sort();
if (files.length === 0) {
    throw new Error(`no test files in ${sources}`);
}

// Start the shared packs together, held until every file is done; the files' before hooks wait for them and report
// a pack that fails to start.
for (const config of ["prod", "remediate"]) {
    Engine.shared(config).catch(() => undefined);
    after(() => Engine.release(config));
}

for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(__dirname, file.replace(/\.ts$/, ".js")));
}
