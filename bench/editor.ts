// The editor beside bare React Flow (default nodes, the same graph) in headless Chromium, on
// production builds, in one run: time from choosing the file until every node is drawn, and
// frame times while panning and zooming.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { serializeModel } from '../src/model';
import { placeUnpositioned } from '../src/editor/placement';
import { launchBrowser } from '../tests/e2e/browser';
import { serveBuild, WEB_ROOT } from '../tests/e2e/server';
import { generateModel } from './generate';
import { median, ms, printTable } from './timing';

const REPO = path.resolve(import.meta.dirname, '..');

interface Measurement {
  open: number;
  frames: number[];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

/** Opens the model through the page's file input and waits until every node is in the DOM. */
async function measureOpen(page: Page, file: string, nodes: number): Promise<number> {
  await page.evaluate(() => {
    (window as unknown as { __chosen: number }).__chosen = 0;
    document.querySelector('input[type=file]')!.addEventListener('change', () => {
      (window as unknown as { __chosen: number }).__chosen = performance.now();
    }, { once: true, capture: true });
  });
  await page.locator('input[type=file]').first().setInputFiles(file);
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length >= n, nodes, { timeout: 120_000, polling: 'raf' });
  return page.evaluate(() => performance.now() - (window as unknown as { __chosen: number }).__chosen);
}

/** Frame-to-frame times while the pointer pans the canvas and the wheel zooms it. */
async function measureFrames(page: Page): Promise<number[]> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no React Flow pane');
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  for (let round = 0; round < 3; round++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let step = 1; step <= 30; step++) await page.mouse.move(cx - step * 8, cy - step * 4);
    await page.mouse.up();
    for (let step = 0; step < 10; step++) await page.mouse.wheel(0, step < 5 ? -120 : 120);
  }
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames.slice(1);
  });
}

async function measure(url: string, file: string, nodes: number): Promise<Measurement> {
  const { context, close } = await launchBrowser();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.locator('input[type=file]').first().waitFor({ state: 'attached' });
    const open = await measureOpen(page, file, nodes);
    await page.waitForTimeout(500);
    const frames = await measureFrames(page);
    return { open, frames };
  } finally {
    await close();
  }
}

export async function benchEditor(size = 1_000, runs = 3): Promise<void> {
  await build({ configFile: path.join(REPO, 'src/editor/vite.config.ts'), logLevel: 'warn' });
  await build({ configFile: path.join(REPO, 'bench/browser/vite.config.ts'), logLevel: 'warn' });
  const model = placeUnpositioned(generateModel(size));
  const dir = mkdtempSync(path.join(tmpdir(), 'toc-bench-model-'));
  const file = path.join(dir, 'bench.toc.json');
  writeFileSync(file, serializeModel(model));
  const editor = await serveBuild(WEB_ROOT);
  const bare = await serveBuild(path.join(REPO, 'dist/bench-bare'));
  try {
    const results: Record<'bare React Flow' | 'ToC Studio', Measurement[]> = { 'bare React Flow': [], 'ToC Studio': [] };
    // Alternate the two so machine load affects both alike.
    for (let run = 0; run < runs; run++) {
      results['bare React Flow'].push(await measure(bare.url, file, model.nodes.length));
      results['ToC Studio'].push(await measure(editor.url, file, model.nodes.length));
    }
    const summary = Object.entries(results).map(([name, list]) => {
      const frames = list.flatMap((m) => m.frames);
      return { name, open: median(list.map((m) => m.open)), p50: percentile(frames, 50), p95: percentile(frames, 95) };
    });
    const base = summary[0]!;
    printTable(
      `Editor in Chromium, ${model.nodes.length} nodes and ${model.edges.length} edges, median of ${runs} runs (target: open and p95 frame within 1.5× of bare React Flow)`,
      summary.map((s) => ({
        page: s.name,
        'open (file chosen → all nodes drawn)': ms(s.open),
        'open ratio': `${(s.open / base.open).toFixed(2)}×`,
        'pan/zoom frame p50': ms(s.p50),
        'pan/zoom frame p95': ms(s.p95),
        'p95 ratio': `${(s.p95 / base.p95).toFixed(2)}×`,
      })),
    );
  } finally {
    await editor.close();
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
