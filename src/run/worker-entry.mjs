// Worker threads do not inherit the loader hooks `bin/dateline.js` registered, so each
// worker registers tsx itself before loading the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
