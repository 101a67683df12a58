// The editor beside bare React Flow (default nodes, the same graph) in headless Chromium, on
// production builds, in one run: time from choosing the file until every node is drawn, frame times
// while panning and zooming, and how long a key waits then; then, for the editor alone, typing in a
// label, the rule checker per change and Tidy layout (with keys pressed throughout).
// `npx tsx bench/editor.ts [--runs N] [--baseline DIR]`: DIR is another editor build (e.g. one made
// before a change), measured as a third page in the same run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { edgeKindsBetween, serializeModel, type Model, type TocEdge } from '../src/model';
import { placeUnpositioned } from '../src/editor/placement';
import { launchBrowser } from '../tests/e2e/browser';
import { serveBuild, WEB_ROOT } from '../tests/e2e/server';
import { random } from './generate';
import { generateProgramme } from './programme';
import { median, ms, printTable } from './timing';

const REPO = path.resolve(import.meta.dirname, '..');
const BARE_ROOT = path.join(REPO, 'dist/bench-bare');
const TYPED = 'peer review, monthly';

interface Measurement {
  open: number;
  frames: number[];
  /** Key → next frame (see WATCH_KEYS) for keys pressed while panning and zooming again. */
  keysWhilePanning: number[];
  extras?: EditorExtras;
}

interface EditorExtras {
  /** Keydown to the first frame after the canvas shows the character, per key. */
  keys: number[];
  /** Long tasks on the main thread in the 3 s after the last key (autosave, the links' names, the checker's findings). */
  settleTasks: number[];
  /** Durations of the rule checker's runs after the edits (`toc:lint` measures). */
  lint: number[];
  /** Their cost on the page's main thread (`toc:lint-main` measures: all of it when lint runs there). */
  lintMain: number[];
  /** Tidy in the view typing left (zoomed in), then undone and run again with the whole model fitted to the view. */
  tidy: TidyMeasurement;
  tidyFitted: TidyMeasurement;
}

interface TidyMeasurement {
  total: number;
  /** How many progress values the status line showed while the layout ran. */
  progress: number;
  /** Longest frame-to-frame time and long task while the worker ran. */
  runningFrame: number;
  runningTask: number;
  /** Applying the result: from the worker's answer (the status stops saying it runs) until a second passes without a slow frame. */
  applyingFrame: number;
  /** Frames over 50 ms while applying: how many, and their sum. */
  applyingSlowFrames: number;
  applyingSlowSum: number;
  /** From the worker's answer until the last slow frame: the moved nodes reaching the canvas. */
  applying: number;
  /** Key → next frame (see WATCH_KEYS) for keys pressed from the click on Tidy until applying settled, and for those while applying. */
  keys: number[];
  keysWhileApplying: number[];
}

/**
 * "The page responsive throughout", as users feel it: while the page works (panning, Tidy), a key
 * is pressed every KEY_EVERY ms and timed from keydown until the frame after the one that answers
 * it starts, which is when that answer is on screen; Interaction to Next Paint measures the same
 * span (web.dev counts ≤ 200 ms as good). Pause means nothing to the editor or React Flow, so the
 * time is waiting, not work the key causes. Not Event Timing: it waits for a paint, which a page
 * with nothing to change skips; not a task posted after the first frame (as for typing): tasks
 * starve while frames keep the main thread busy.
 */
const WAITING_KEY = 'Pause';
const KEY_EVERY = 40;
const WATCH_KEYS = `(() => {
  if (!window.__keyToFrame) {
    addEventListener('keydown', (e) => {
      if (e.key !== '${WAITING_KEY}') return;
      const start = e.timeStamp;
      requestAnimationFrame(() => requestAnimationFrame(() => window.__keyToFrame.push({ at: start, duration: performance.now() - start })));
    }, { capture: true });
  }
  window.__keyToFrame = [];
})()`;

/** Presses WAITING_KEY every KEY_EVERY ms until `work` ends: each key's time (page clock) and its key → next frame. */
async function keyWaitsDuring(page: Page, work: () => Promise<unknown>): Promise<{ at: number; duration: number }[]> {
  await page.evaluate(WATCH_KEYS);
  let done = false;
  const finished = work().finally(() => (done = true));
  while (!done) {
    await page.keyboard.press(WAITING_KEY);
    await page.waitForTimeout(KEY_EVERY);
  }
  await finished;
  // The last key's second frame.
  await page.waitForTimeout(300);
  return (await page.evaluate('window.__keyToFrame')) as { at: number; duration: number }[];
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

/**
 * A programme of exactly `nodes` nodes and `edges` edges: bench/programme.ts's workstreams, trimmed
 * to size, then more of the cross-links real programmes have between neighbouring workstreams.
 */
export function programmeOfSize(nodes: number, edges: number): Model {
  let size = nodes;
  let model = generateProgramme(size);
  while (model.nodes.length < nodes) model = generateProgramme((size += 24));
  const kept = new Set(model.nodes.slice(0, nodes).map((n) => n.id));
  const list = model.edges.filter((e) => kept.has(e.source) && kept.has(e.target)).slice(0, edges);
  const byId = new Map(model.nodes.filter((n) => kept.has(n.id)).map((n) => [n.id, n]));
  const streams = new Map<string, string[]>();
  for (const id of kept) {
    const stream = /^w(\d+)-/.exec(id)?.[1];
    if (stream) streams.set(stream, [...(streams.get(stream) ?? []), id]);
  }
  const streamIds = [...streams.keys()];
  const rand = random(11);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const seen = new Set(list.map((e) => `${e.kind} ${e.source} ${e.target}`));
  const CROSS: TocEdge['kind'][] = ['leads-to', 'participates-in', 'enables', 'measures'];
  while (list.length < edges) {
    const i = Math.floor(rand() * streamIds.length);
    const near = streamIds[Math.max(0, i - 1 - Math.floor(rand() * 2))]!;
    const source = byId.get(pick(streams.get(streamIds[i]!)!))!;
    const target = byId.get(pick(streams.get(near)!))!;
    const kind = edgeKindsBetween(source.kind, target.kind).find((k) => CROSS.includes(k));
    const key = `${kind} ${source.id} ${target.id}`;
    if (!kind || source === target || seen.has(key)) continue;
    seen.add(key);
    list.push({ id: `x${list.length}`, kind, source: source.id, target: target.id } as TocEdge);
  }
  return { ...model, title: `Generated programme of ${nodes} nodes`, nodes: [...byId.values()], edges: list };
}

/**
 * Opens the model through the page's file input and waits until the view is complete: fitted to
 * the model (this model is too big to fit at zoom 1) and every node whose corner is in view drawn.
 * Not "every node in the page": a page may draw only what is in view (the editor does, for big
 * models), and bare React Flow, drawing everything, completes the view when it has drawn them all.
 */
async function measureOpen(page: Page, file: string, corners: [string, number, number][]): Promise<number> {
  await page.evaluate(() => {
    (window as unknown as { __chosen: number }).__chosen = 0;
    document.querySelector('input[type=file]')!.addEventListener('change', () => {
      (window as unknown as { __chosen: number }).__chosen = performance.now();
    }, { once: true, capture: true });
  });
  await page.locator('input[type=file]').first().setInputFiles(file);
  await page.waitForFunction(VIEW_COMPLETE, corners, { timeout: 120_000, polling: 'raf' });
  return page.evaluate(() => performance.now() - (window as unknown as { __chosen: number }).__chosen);
}

const VIEW_COMPLETE = `(corners) => {
  const viewport = document.querySelector('.react-flow__viewport');
  if (!viewport) return false;
  const view = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
  if (view.a >= 1) return false;
  const box = document.querySelector('.react-flow').getBoundingClientRect();
  const drawn = new Set([...document.querySelectorAll('.react-flow__node')].map((n) => n.getAttribute('data-id')));
  return drawn.size > 0 && corners.every(([id, x, y]) => {
    const sx = view.a * x + view.e, sy = view.d * y + view.f;
    return sx < 0 || sy < 0 || sx > box.width || sy > box.height || drawn.has(id);
  });
}`;

// Strings, not functions, for the page: tsx would wrap named inner functions in a helper the page lacks.
const START_FRAMES = `(() => {
  window.__frames = [];
  window.__recording = true;
  let last = performance.now();
  const tick = (now) => {
    window.__frames.push(now - last);
    last = now;
    if (window.__recording) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const STOP_FRAMES = `(() => { window.__recording = false; return window.__frames.slice(1); })()`;

/** Frame-to-frame times while the pointer pans the canvas and the wheel zooms it. */
async function measureFrames(page: Page): Promise<number[]> {
  await page.evaluate(START_FRAMES);
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
  return (await page.evaluate(STOP_FRAMES)) as number[];
}

/**
 * Selects a node in view and types in the inspector's label field at a brisk typist's pace (a pause
 * after each word, when the rule checker gets its turn): per key, the time from keydown until the
 * first frame after the node on the canvas shows the character.
 */
async function measureTyping(page: Page): Promise<Pick<EditorExtras, 'keys' | 'settleTasks'>> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.locator('.react-flow__controls-fitview').click();
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  for (let step = 0; step < 8; step++) await page.mouse.wheel(0, -120);
  await page.waitForTimeout(500);
  const point = (await page.evaluate(`(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    for (const node of document.querySelectorAll('.react-flow__node')) {
      const r = node.getBoundingClientRect();
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      if (x < pane.left + 40 || y < pane.top + 40 || x > pane.right - 40 || y > pane.bottom - 40 || r.width < 8) continue;
      if (document.elementFromPoint(x, y)?.closest('.react-flow__node') === node) return { x, y };
    }
    return null;
  })()`)) as { x: number; y: number } | null;
  if (!point) throw new Error('no node in view to select');
  await page.mouse.click(point.x, point.y);
  const field = page.locator('#inspector-label');
  await field.waitFor();
  await field.click();
  await field.press('End');
  await page.evaluate(`(() => {
    window.__keys = [];
    window.__pending = null;
    const node = document.querySelector('.react-flow__node.selected');
    document.getElementById('inspector-label').addEventListener('keydown', (e) => { window.__pending = e.timeStamp; }, { capture: true });
    new MutationObserver(() => {
      const start = window.__pending;
      if (start === null) return;
      window.__pending = null;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.__keys.push(performance.now() - start);
        channel.port2.postMessage(0);
      });
    }).observe(node, { subtree: true, childList: true, characterData: true });
  })()`);
  for (const [i, char] of [...TYPED].entries()) {
    await page.keyboard.press(char === ' ' ? 'Space' : char);
    await page.waitForFunction((n) => (window as unknown as { __keys: number[] }).__keys.length > n, i, { timeout: 10_000 });
    await page.waitForTimeout(char === ' ' || char === ',' ? 400 : 100);
  }
  // Long enough for what waits for a pause (the checker, the links' names, autosave) to finish, so
  // that the layout measured next is measured alone; its long tasks are what a key typed then would wait for.
  await page.evaluate(`(() => {
    window.__settle = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__settle.push(e.duration); }).observe({ type: 'longtask' });
  })()`);
  await page.waitForTimeout(3000);
  return page.evaluate('({ keys: window.__keys, settleTasks: window.__settle })') as Promise<Pick<EditorExtras, 'keys' | 'settleTasks'>>;
}

/** Durations of the performance measures the editor recorded under `name`. */
async function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration), name);
}

/** Tidy layout from the toolbar, with the main thread watched (frames and long tasks) until it is done. */
async function measureTidy(page: Page): Promise<TidyMeasurement> {
  await page.keyboard.press('Escape');
  await page.evaluate(`(() => {
    window.__tidy = { frames: [], tasks: [], progress: new Set(), start: performance.now(), applied: 0 };
    const tidy = window.__tidy;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tidy.tasks.push({ at: e.startTime, end: e.startTime + e.duration, duration: e.duration });
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = (now) => {
      const status = document.querySelector('.layout-status');
      const state = status?.getAttribute('data-state');
      tidy.frames.push({ at: now, duration: now - last, running: state === 'running' });
      last = now;
      const bar = status?.querySelector('progress');
      if (bar) tidy.progress.add(bar.value);
      if (tidy.answered === undefined && tidy.frames.some((f) => f.running) && state !== 'running') { tidy.answered = now; tidy.quietSince = now; }
      // Done once it ran: a status left from an earlier Tidy says done before this one starts.
      if (tidy.end === undefined && tidy.answered !== undefined && (state === 'done' || state === 'failed')) { tidy.end = now; tidy.state = state; }
      if (tidy.answered !== undefined) {
        // The result is still reaching the canvas: watch until it is done and a second passes without a slow frame.
        if (tidy.frames.at(-1).duration > 50) tidy.quietSince = now;
        if ((tidy.end !== undefined && now - tidy.quietSince > 1000) || now - tidy.answered > 20000) { tidy.settled = now; return; }
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.getByRole('toolbar', { name: 'Common actions' }).getByRole('button', { name: 'Tidy layout', exact: true }).click();
  const keys = await keyWaitsDuring(page, () => page.waitForFunction('window.__tidy.settled !== undefined', undefined, { timeout: 300_000 }));
  const answered = (await page.evaluate('window.__tidy.answered')) as number;
  return {
    ...((await page.evaluate(`(() => {
    const tidy = window.__tidy;
    if (tidy.state !== 'done') throw new Error('Tidy layout ' + tidy.state + ': ' + document.querySelector('.layout-status').textContent);
    const running = tidy.frames.filter((f) => f.running);
    const from = running[0]?.at ?? tidy.start, to = running.at(-1)?.at ?? tidy.end;
    const applying = tidy.frames.filter((f) => f.at >= tidy.answered);
    const slow = applying.filter((f) => f.duration > 50);
    return {
      total: tidy.end - tidy.start,
      progress: tidy.progress.size,
      runningFrame: Math.max(0, ...running.slice(1).map((f) => f.duration)),
      runningTask: Math.max(0, ...tidy.tasks.filter((t) => t.at >= from && t.end <= to).map((t) => t.duration)),
      applyingFrame: Math.max(0, ...applying.map((f) => f.duration)),
      applyingSlowFrames: slow.length,
      applyingSlowSum: slow.reduce((sum, f) => sum + f.duration, 0),
      applying: tidy.quietSince - tidy.answered,
    };
  })()`)) as Omit<TidyMeasurement, 'keys' | 'keysWhileApplying'>),
    keys: keys.map((key) => key.duration),
    keysWhileApplying: keys.filter((key) => key.at >= answered).map((key) => key.duration),
  };
}

async function measure(url: string, file: string, corners: [string, number, number][], editor: boolean): Promise<Measurement> {
  const { context, close } = await launchBrowser();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.locator('input[type=file]').first().waitFor({ state: 'attached' });
    const open = await measureOpen(page, file, corners);
    await page.waitForTimeout(500);
    const frames = await measureFrames(page);
    // Again with keys pressed, apart, so the keys do not change the frames measured above.
    const keysWhilePanning = (await keyWaitsDuring(page, () => measureFrames(page))).map((key) => key.duration);
    if (!editor) return { open, frames, keysWhilePanning };
    const typing = await measureTyping(page);
    const lint = await measures(page, 'toc:lint');
    const lintMain = await measures(page, 'toc:lint-main');
    const tidy = await measureTidy(page);
    // Zoomed out as far as fitting the model takes, most nodes are drawn and each frame redraws them.
    await page.getByRole('toolbar', { name: 'Common actions' }).getByRole('button', { name: 'Undo', exact: true }).click();
    await page.waitForTimeout(3000);
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(1500);
    const tidyFitted = await measureTidy(page);
    return { open, frames, keysWhilePanning, extras: { ...typing, lint, lintMain, tidy, tidyFitted } };
  } finally {
    await close();
  }
}

export async function benchEditor(nodes = 2_000, edges = 4_000, runs = 3, baseline?: string): Promise<void> {
  await build({ configFile: path.join(REPO, 'src/editor/vite.config.ts'), logLevel: 'warn' });
  await build({ configFile: path.join(REPO, 'bench/browser/vite.config.ts'), logLevel: 'warn' });
  const model = placeUnpositioned(programmeOfSize(nodes, edges));
  const dir = mkdtempSync(path.join(tmpdir(), 'toc-bench-model-'));
  const file = path.join(dir, 'bench.toc.json');
  writeFileSync(file, serializeModel(model));
  const corners = model.nodes.map((n): [string, number, number] => [n.id, n.position!.x, n.position!.y]);
  const pages = [
    { name: 'bare React Flow', server: await serveBuild(BARE_ROOT), editor: false },
    { name: 'ToC Studio', server: await serveBuild(WEB_ROOT), editor: true },
    ...(baseline ? [{ name: `ToC Studio (${path.basename(baseline)})`, server: await serveBuild(path.resolve(baseline)), editor: true }] : []),
  ];
  try {
    const results = new Map<string, Measurement[]>(pages.map((p) => [p.name, []]));
    // Alternate the pages so machine load affects each alike.
    for (let run = 0; run < runs; run++) {
      for (const p of pages) results.get(p.name)!.push(await measure(p.server.url, file, corners, p.editor));
    }
    const summary = [...results].map(([name, list]) => {
      const frames = list.flatMap((m) => m.frames);
      const panKeys = list.flatMap((m) => m.keysWhilePanning);
      return { name, list, open: median(list.map((m) => m.open)), p50: percentile(frames, 50), p95: percentile(frames, 95), panKeys };
    });
    const base = summary[0]!;
    printTable(
      `Editor in Chromium, ${model.nodes.length} nodes and ${model.edges.length} edges, median of ${runs} runs (target: open and p95 frame within 1.5× of bare React Flow)`,
      summary.map((s) => ({
        page: s.name,
        'open (file chosen → view complete)': ms(s.open),
        'open ratio': `${(s.open / base.open).toFixed(2)}×`,
        'pan/zoom frame p50': ms(s.p50),
        'pan/zoom frame p95': ms(s.p95),
        'p95 ratio': `${(s.p95 / base.p95).toFixed(2)}×`,
        'key → next frame while panning: p95 / max': `${ms(percentile(s.panKeys, 95))} / ${ms(Math.max(...s.panKeys))}`,
      })),
    );
    printTable(
      `Editing the same model (editor only, ${runs} runs): typing "${TYPED}" in a node's label (target ≤ 50 ms a key), the rule checker after each change`,
      summary
        .filter((s) => s.list[0]!.extras)
        .map((s) => {
          const extras = s.list.map((m) => m.extras!);
          const keys = extras.flatMap((e) => e.keys);
          const settle = extras.flatMap((e) => e.settleTasks);
          return {
            page: s.name,
            'key p50': ms(percentile(keys, 50)),
            'key p95': ms(percentile(keys, 95)),
            'key max': ms(Math.max(...keys)),
            'first key (median)': ms(median(extras.map((e) => e.keys[0]!))),
            '3 s after typing: longest task / long tasks per run': `${ms(Math.max(0, ...settle))} / ${ms(median(extras.map((e) => e.settleTasks.reduce((a, b) => a + b, 0))))}`,
            'lint p50 (runs)': `${ms(percentile(extras.flatMap((e) => e.lint), 50))} (${extras.flatMap((e) => e.lint).length})`,
            'lint on main thread p50': ms(percentile(extras.flatMap((e) => e.lintMain), 50)),
          };
        }),
    );
    printTable(
      `Tidy layout of the same model (editor only, ${runs} runs) in its worker, with a key pressed every ${KEY_EVERY} ms throughout (target: the page responsive: keys wait no longer than while bare React Flow pans, above)`,
      summary
        .filter((s) => s.list[0]!.extras)
        .flatMap((s) =>
          (['tidy', 'tidyFitted'] as const).map((view) => {
            const tidy = s.list.map((m) => m.extras![view]);
            const keys = tidy.flatMap((t) => t.keys);
            const applyingKeys = tidy.flatMap((t) => t.keysWhileApplying);
            return {
              page: s.name,
              view: view === 'tidy' ? 'zoomed in' : 'model fitted',
              total: ms(median(tidy.map((t) => t.total))),
              'progress values shown': tidy.map((t) => t.progress).join(', '),
              'longest frame / task while laying out': `${ms(Math.max(...tidy.map((t) => t.runningFrame)))} / ${ms(Math.max(...tidy.map((t) => t.runningTask)))}`,
              'applying (answer → last slow frame)': ms(median(tidy.map((t) => t.applying))),
              'applying: longest frame': ms(Math.max(...tidy.map((t) => t.applyingFrame))),
              'applying: frames > 50 ms, their sum (median)': `${median(tidy.map((t) => t.applyingSlowFrames))}, ${ms(median(tidy.map((t) => t.applyingSlowSum)))}`,
              'key → next frame: p95 / max': `${ms(percentile(keys, 95))} / ${ms(Math.max(...keys))}`,
              'while applying: p95 / max (keys)': `${ms(percentile(applyingKeys, 95))} / ${ms(Math.max(0, ...applyingKeys))} (${applyingKeys.length})`,
            };
          }),
        ),
    );
  } finally {
    for (const p of pages) await p.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, baseline: { type: 'string' } } });
  await benchEditor(2_000, 4_000, Number(values.runs), values.baseline);
}
