/**
 * The web UI's files, built once when the server starts and held in memory: `web/src` is
 * bundled by esbuild (d3-geo and topojson-client come in from node_modules), the world map
 * is world-atlas's Natural Earth TopoJSON. Nothing is fetched from the network, ever.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface Asset {
  type: string;
  body: Buffer;
  /** Gzipped body when that is worth it, else null. */
  gzip: Buffer | null;
  etag: string;
}

const webDir = fileURLToPath(new URL("../../web/", import.meta.url));
const require = createRequire(import.meta.url);

/** Natural Earth at 1:50m: coastlines good enough to tell Baghdad from Kirkuk, ~750 kB. */
const atlasModule = "world-atlas/countries-50m.json";

function asset(type: string, body: Buffer): Asset {
  return {
    type,
    body,
    gzip: body.length > 1024 ? gzipSync(body) : null,
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`,
  };
}

let cached: Promise<Map<string, Asset>> | undefined;

/** Every file the UI needs, by URL path. Built once per process. */
export function loadAssets(): Promise<Map<string, Asset>> {
  cached ??= buildAssets();
  return cached;
}

async function buildAssets(): Promise<Map<string, Asset>> {
  const bundle = await build({
    entryPoints: [`${webDir}src/main.ts`],
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  const js = bundle.outputFiles[0];
  if (!js) throw new Error("esbuild produced no bundle for web/src/main.ts");
  const read = (name: string) => readFileSync(`${webDir}${name}`);
  return new Map([
    ["/index.html", asset("text/html; charset=utf-8", read("index.html"))],
    ["/app.css", asset("text/css; charset=utf-8", read("app.css"))],
    ["/favicon.svg", asset("image/svg+xml", read("favicon.svg"))],
    ["/app.js", asset("text/javascript; charset=utf-8", Buffer.from(js.contents))],
    [
      "/atlas/countries.json",
      asset("application/json", readFileSync(require.resolve(atlasModule))),
    ],
  ]);
}
