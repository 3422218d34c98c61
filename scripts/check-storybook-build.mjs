// The static Storybook build (what `storybook build` publishes) runs the resumable-job story's upload
// page: that page is an iframe of its own, which the build only bundles through .storybook/main.ts.
// Builds into a temporary folder, serves it on 127.0.0.1 and lets the story's play function run in
// Chromium: start, a real reload of the page, resume, "30 of 30 done".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const out = mkdtempSync(join(tmpdir(), 'bulwark-storybook-'));
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};
let server;
let browser;
try {
  execFileSync('npx', ['storybook', 'build', '--quiet', '-o', out], { stdio: 'inherit' });
  server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    try {
      const body = await readFile(join(out, path));
      response
        .writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const page = await browser.newPage();
  await page.goto(
    `http://127.0.0.1:${port}/iframe.html?id=offline-resumable-batch-job--reload-and-resume&viewMode=story`,
  );
  await page
    .frameLocator('iframe[title="Photo upload page"]')
    .getByText('30 of 30 done')
    .waitFor({ timeout: 60_000 });
  console.log('storybook build: the resumable-job story ran its page to "30 of 30 done"');
} finally {
  await browser?.close();
  server?.close();
  rmSync(out, { recursive: true, force: true });
}
