/**
 * `dateline serve`: the HTTP API and the web UI over one store, in one node:http process.
 * It binds loopback by default, answers only GET/HEAD, sends a CSP that allows nothing but
 * its own origin (no inline script, no CDN, no tile server), and refuses requests whose
 * Host is not the address it serves (a DNS-rebinding page cannot read the store).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { QueryError, type Store } from "../store/index.ts";
import { type Route, routes } from "./api.ts";
import { openApiDocument } from "./openapi.ts";
import { HttpError, Params } from "./params.ts";
import { type Asset, loadAssets } from "./static.ts";

export interface ServeOptions {
  store: Store;
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** An origin allowed to call the API from another page (`Access-Control-Allow-Origin`); none by default. */
  cors?: string;
}

export interface RunningServer {
  /** `http://host:port`, without a trailing slash. */
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

const securityHeaders: Record<string, string> = {
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; " +
    "form-action 'self'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
};

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split("/")
    .map((segment) => {
      if (!segment.startsWith(":")) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(segment.slice(1));
      return "([^/]+)";
    })
    .join("/");
  return { route, pattern: new RegExp(`^${source}$`), names };
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const assets = await loadAssets();
  const compiled = routes.map(compile);
  const openapi = JSON.stringify(openApiDocument());
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      sendError(res, req, error);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    if (options.cors) {
      res.setHeader("Access-Control-Allow-Origin", options.cors);
      res.setHeader("Vary", "Origin");
    }
    if (!hostAllowed(req.headers.host, host, port())) {
      throw new HttpError(
        421,
        "bad_host",
        `this server does not answer for host ${req.headers.host ?? "(none)"}`,
      );
    }
    if (req.method === "OPTIONS" && options.cors) {
      res.writeHead(204, {
        "Access-Control-Allow-Methods": "GET, HEAD",
        "Access-Control-Max-Age": "600",
      });
      res.end();
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      throw new HttpError(
        405,
        "method_not_allowed",
        `the API is read-only: ${req.method} is not allowed`,
      );
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    if (path === "/openapi.json") {
      new Params(url.searchParams, []);
      sendJsonText(res, req, 200, openapi);
      return;
    }
    if (path.startsWith("/api/")) {
      for (const { route, pattern, names } of compiled) {
        const match = pattern.exec(path);
        if (!match) continue;
        const segments: Record<string, string> = {};
        names.forEach((name, i) => {
          try {
            segments[name] = decodeURIComponent(match[i + 1] ?? "");
          } catch {
            throw new HttpError(
              404,
              "not_found",
              `no ${name} ${match[i + 1]} (bad percent-encoding)`,
            );
          }
        });
        const params = new Params(url.searchParams, route.params);
        const body = await route.handle(options.store, params, segments);
        sendJsonText(res, req, 200, JSON.stringify(body));
        return;
      }
      throw new HttpError(404, "not_found", `no endpoint ${path} (see /openapi.json)`);
    }
    const asset = assets.get(path === "/" ? "/index.html" : path);
    if (!asset) throw new HttpError(404, "not_found", `no file ${path}`);
    sendAsset(res, req, asset);
  }

  const port = () => (server.address() as AddressInfo | null)?.port ?? options.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const bound = port();
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${bound}`,
    port: bound,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

const loopbackNames = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * On loopback, only the loopback names: a page on another site that rebinds its own name
 * to 127.0.0.1 sends its own name as Host and is refused. Bound elsewhere, any host (the
 * user chose to expose it).
 */
function hostAllowed(header: string | undefined, host: string, port: number): boolean {
  if (!loopbackNames.has(host) && !host.startsWith("127.")) return true;
  if (!header) return false;
  const name = header.replace(/:\d+$/, "").toLowerCase();
  const headerPort = /:(\d+)$/.exec(header)?.[1];
  return (
    (loopbackNames.has(name) || name.startsWith("127.")) &&
    (headerPort === undefined || Number(headerPort) === port)
  );
}

function sendJsonText(
  res: ServerResponse,
  req: IncomingMessage,
  status: number,
  text: string,
): void {
  const body = Buffer.from(text);
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  sendBody(res, req, status, body, body.length > 1024 ? gzipSync(body, { level: 1 }) : null);
}

function sendAsset(res: ServerResponse, req: IncomingMessage, asset: Asset): void {
  res.setHeader("Content-Type", asset.type);
  res.setHeader("ETag", asset.etag);
  // Revalidate every time: the ETag makes that a 304 when nothing changed.
  res.setHeader("Cache-Control", "no-cache");
  if (req.headers["if-none-match"] === asset.etag) {
    res.writeHead(304);
    res.end();
    return;
  }
  sendBody(res, req, 200, asset.body, asset.gzip);
}

function sendBody(
  res: ServerResponse,
  req: IncomingMessage,
  status: number,
  body: Buffer,
  gzip: Buffer | null,
): void {
  const accepts = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const out = gzip && accepts ? gzip : body;
  if (gzip) res.setHeader("Vary", "Accept-Encoding");
  if (out === gzip) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", out.length);
  res.writeHead(status);
  res.end(req.method === "HEAD" ? undefined : out);
}

function sendError(res: ServerResponse, req: IncomingMessage, error: unknown): void {
  let status = 500;
  let code = "internal_error";
  let message = "internal error";
  let parameter: string | undefined;
  if (error instanceof HttpError) {
    ({ status, code, message, parameter } = error);
  } else if (error instanceof QueryError) {
    status = 400;
    code = "bad_search";
    message = error.message;
    parameter = "q";
  } else {
    // The detail goes to the server's log, not to the client.
    process.stderr.write(
      `dateline serve: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
  const body = { error: { status, code, message, ...(parameter ? { parameter } : {}) } };
  sendJsonText(res, req, status, JSON.stringify(body));
}
