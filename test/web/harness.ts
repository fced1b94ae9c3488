/**
 * What the browser tests share: a store built by the real `dateline ingest` from fixture
 * articles (plus one hostile article), the real server on a random loopback port, and
 * Debian's Chromium driven by playwright-core.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";

export const chromiumPath = "/usr/bin/chromium";

/** Why the browser tests cannot run here, or null when they can. */
export function browserMissing(): string | null {
  return existsSync(chromiumPath)
    ? null
    : `${chromiumPath} not found: install Debian's chromium (apt-get install chromium; .ci/run does)`;
}

/**
 * An article whose title and text carry script payloads. The title keeps its tags as they
 * are; in the body they are escaped, because `clean` strips real tags from text while it
 * decodes entities, so the cleaned text holds them literally, as a scraped page quoting
 * code would. If any of them ran, it would set `window.__pwned` or open a dialog.
 */
export const hostileArticle = `date: 2021-05-10
title: <img src=x onerror="window.__pwned='title'"> Rally report

Protesters rallied in Basra on Monday &lt;script&gt;window.__pwned='script'&lt;/script&gt; against power cuts, and police arrested 20 people &lt;img src=x onerror="window.__pwned='img';alert(1)"&gt; near the port.
`;

export const fixtureInputs = [
  "examples/000_c1e55ffcabdf0152.txt",
  "test/fixtures/events-conflict/input.txt",
  "test/fixtures/events-cooperation/input.txt",
  "test/fixtures/events-verbal/input.txt",
];

/** A fresh store filled by `dateline ingest` (the CLI, as a user runs it). */
export function buildFixtureStore(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), "dateline-web-"));
  const hostile = join(dir, "hostile.txt");
  writeFileSync(hostile, hostileArticle);
  const db = join(dir, "fixtures.db");
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "src/cli/main.ts",
      "ingest",
      ...fixtureInputs,
      hostile,
      "--db",
      db,
      "--concurrency",
      "1",
    ],
    { encoding: "utf8", env: { ...process.env, TZ: "UTC" } },
  );
  if (run.status !== 0) throw new Error(`ingest failed (${run.status}): ${run.stderr}`);
  return { dir, db };
}

/** Chromium with a fresh profile, cut off from everything but the test server. */
export async function launchBrowser(profileDir: string): Promise<BrowserContext> {
  const { chromium } = await import("playwright-core");
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export function artifactsDir(): string {
  const dir = "test-artifacts";
  mkdirSync(dir, { recursive: true });
  return dir;
}
