// Script injection: a model whose every kind of user text carries hostile markup is shown as text in
// the canvas, the inspector, the findings panel and the export preview, and written as text into
// the SVG, the HTML narrative and the DOCX. Each payload records itself on window.__pwned if it runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseModel, type Model } from '../../src/model';
import { downloadExport, openEditorOnExample, type EditorSession } from './browser';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const TMP = mkdtempSync(path.join(tmpdir(), 'toc-e2e-injection-'));

/** Markup in every form that has got past an escaper somewhere; `key` names the field it sits in. */
const PAYLOADS = {
  img: (key: string) => `<img src=x onerror="window.__pwned='${key}'"> & co`,
  script: (key: string) => `<script>window.__pwned='${key}'</script>`,
  svg: (key: string) => `<svg onload="window.__pwned='${key}'"></svg>`,
  iframe: (key: string) => `"><iframe src="javascript:parent.__pwned='${key}'"></iframe>`,
  link: (key: string) => `[click](javascript:window.__pwned='${key}') <a href="javascript:window.__pwned='${key}'">a</a>`,
  entities: (key: string) => `&lt;b&gt; <!-- ${key} --> </style><style>.pwned-${key}{}</style> ]]></w:t><w:p/>`,
};
const p = (kind: keyof typeof PAYLOADS, key: string) => PAYLOADS[kind](key);

const MODEL = {
  schemaVersion: 1,
  title: p('img', 'title'),
  summary: p('script', 'summary'),
  problem: p('svg', 'problem'),
  narrative: `# ${p('script', 'narrative-heading')}\n\n${p('link', 'narrative')}\n\n- ${p('img', 'narrative-item')}\n\n<div onclick="x">${p('iframe', 'narrative-html')}</div>`,
  evidence: [{ citation: p('iframe', 'citation'), url: 'javascript:window.__pwned="url"' }],
  community: { approach: 'clinical-community', membership: p('entities', 'membership'), sites: [{ id: 's1', name: p('img', 'site') }] },
  meta: { tags: [p('svg', 'model-tag')] },
  nodes: [
    { id: 'a', kind: 'activity', label: p('img', 'activity'), description: p('link', 'activity-description'), tags: [p('script', 'tag')], position: { x: 0, y: 0 } },
    { id: 'o', kind: 'outcome', label: p('script', 'outcome'), description: `${p('entities', 'outcome-description')}\n\n${p('iframe', 'outcome-2')}`, horizon: 'short', position: { x: 520, y: 0 } },
    { id: 's', kind: 'stakeholder', label: p('svg', 'stakeholder'), site: 's1', position: { x: 0, y: 320 } },
    { id: 'c', kind: 'context', label: p('iframe', 'context'), valence: 'barrier', position: { x: 520, y: 320 } },
    { id: 'm', kind: 'measure', label: p('entities', 'measure'), definition: p('img', 'definition'), measureType: 'outcome', position: { x: 1040, y: 0 } },
    { id: 'r', kind: 'risk', label: p('link', 'risk'), risk: 'gaming', position: { x: 1040, y: 320 } },
    { id: 'i', kind: 'impact', label: p('svg', 'impact'), position: { x: 1560, y: 0 } },
  ],
  edges: [
    { id: 'e1', kind: 'leads-to', source: 'a', target: 'o', label: p('svg', 'edge-label'), rationale: p('img', 'rationale'), evidence: p('script', 'edge-evidence') },
    { id: 'e2', kind: 'measures', source: 'm', target: 'o' },
    { id: 'e3', kind: 'influences', source: 'c', target: 'o', label: p('iframe', 'edge-label-2') },
    { id: 'e4', kind: 'leads-to', source: 'o', target: 'i' },
  ],
  lint: { suppressions: [{ rule: 'activity-owned', target: 'a', reason: p('script', 'suppression') }] },
} as unknown as Model;

const labels = MODEL.nodes.map((n) => n.label);
const squash = (s: string) => s.replace(/\s+/g, '');

let session: EditorSession;
let page: Page;
let pageErrors: string[];

/** What a page holds that the app did not make: a marker set by a payload, elements or attributes. */
const AUDIT = `(() => {
  const all = [...document.querySelectorAll('*')];
  return {
    pwned: window.__pwned ?? null,
    injected: [
      ...document.querySelectorAll('img[src="x"], iframe, svg[onload], a[href^="javascript:"], foreignObject'),
      ...[...document.querySelectorAll('script')].filter((s) => !s.src),
      ...[...document.querySelectorAll('style')].filter((s) => s.textContent.includes('pwned')),
      ...all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))),
    ].map((el) => el.outerHTML.slice(0, 120)),
    text: document.documentElement.textContent,
  };
})()`;
type Audit = { pwned: string | null; injected: string[]; text: string };
const audit = async (target: Page) => (await target.evaluate(AUDIT)) as Audit;

/** Opens an exported file in its own page, JavaScript on, and audits it once it has loaded. */
async function auditFile(name: string, data: Buffer): Promise<Audit> {
  const file = path.join(TMP, name);
  writeFileSync(file, data);
  const viewer = await page.context().newPage();
  const errors: string[] = [];
  viewer.on('pageerror', (error) => errors.push(error.message));
  await viewer.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await viewer.waitForTimeout(300); // a payload's onerror/onload would have fired by now
  const result = await audit(viewer);
  await viewer.close();
  expect(errors).toEqual([]);
  return result;
}

beforeAll(async () => {
  session = await openEditorOnExample();
  ({ page, pageErrors } = session);
});

afterAll(async () => {
  await session?.close();
});

describe.sequential('hostile markup in a model', () => {
  it('is drawn as text on the canvas, and nothing runs', async () => {
    expect(parseModel(JSON.stringify(MODEL)).ok).toBe(true); // the file is valid: only its text is hostile
    const file = path.join(TMP, 'hostile.toc.json');
    writeFileSync(file, JSON.stringify(MODEL));
    await page.setInputFiles('#open-file-input', file);
    await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 15_000 }).toBe(MODEL.nodes.length);
    for (const node of MODEL.nodes) {
      const name = page.locator(`#toc-node-name-${node.id}`);
      expect(await name.textContent()).toContain(`: ${node.label}`);
      const lines = await page.locator(`.react-flow__node[data-id="${node.id}"] .toc-node__line`).allTextContents();
      expect(squash(lines.join(''))).toBe(squash(node.label));
    }
    const canvas = (await page.locator('.react-flow').textContent()) ?? '';
    for (const edge of MODEL.edges.filter((e) => e.label)) expect(canvas).toContain(edge.label);
    expect(await page.locator('.file-status__title').textContent()).toBe(MODEL.title);
    const result = await audit(page);
    expect(result.pwned).toBeNull();
    expect(result.injected).toEqual([]);
  });

  it('is plain text in the inspector, for the model, a node and an edge', async () => {
    await page.keyboard.press('Escape');
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(MODEL.title);
    expect(await page.getByLabel('Narrative (Markdown)').inputValue()).toBe(MODEL.narrative);
    expect(await page.locator('.inspector input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toContain(MODEL.community!.sites![0]!.name);

    await page.getByLabel('Find a node by label').fill('img src=x');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Label', { exact: true }).inputValue()).toBe(labels[0]);
    expect(await page.getByLabel('Description').inputValue()).toBe(MODEL.nodes[0]!.description);
    expect(await page.getByLabel('Tags').inputValue()).toContain(MODEL.nodes[0]!.tags![0]);

    const link = page.locator('.link-list button').filter({ hasText: labels[1]! });
    expect(await link.textContent()).toContain(`“${labels[1]}”`);
    await link.click();
    const edge = MODEL.edges[0]!;
    await expect.poll(() => page.getByLabel('Rationale (why this link holds)').inputValue()).toBe(edge.rationale);
    expect(await page.getByLabel('Label on the canvas').inputValue()).toBe(edge.label);
    expect(await page.getByLabel('Evidence', { exact: true }).inputValue()).toBe(edge.evidence);
    const result = await audit(page);
    expect(result.pwned).toBeNull();
    expect(result.injected).toEqual([]);
  });

  it('is plain text in the findings panel, suppression reasons included', async () => {
    await expect.poll(() => page.locator('.findings .finding').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const messages = (await page.locator('.findings .finding__message').allTextContents()).join('\n');
    expect(labels.some((label) => messages.includes(label))).toBe(true);
    const reasons = await page.locator('.finding__suppressed').allTextContents();
    expect(reasons).toContain(`Suppressed: ${MODEL.lint!.suppressions![0]!.reason}`);
    const result = await audit(page);
    expect(result.pwned).toBeNull();
    expect(result.injected).toEqual([]);
  });

  it('shows the export preview as an image whose text is the model’s', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press(`${MOD}+e`);
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const preview = dialog.getByRole('img', { name: /^Preview of the diagram/ });
    await expect.poll(async () => (await preview.getAttribute('src')) ?? '').toMatch(/^blob:/);
    expect(await preview.getAttribute('alt')).toBe(`Preview of the diagram “${MODEL.title}”`);
    const result = await audit(page);
    expect(result.pwned).toBeNull();
    expect(result.injected).toEqual([]);
  });

  it('exports an SVG that runs nothing when opened, with every label as text', async () => {
    const result = await auditFile('hostile.svg', await downloadExport(page, 'SVG drawing'));
    expect(result.pwned).toBeNull();
    expect(result.injected).toEqual([]);
    for (const text of [...labels, MODEL.title, ...MODEL.edges.flatMap((e) => (e.label ? [e.label] : []))]) expect(squash(result.text)).toContain(squash(text));
  });

  it('exports an HTML narrative that runs nothing when opened, with the model’s text as text', async () => {
    const html = await downloadExport(page, 'HTML narrative');
    const result = await auditFile('hostile.html', html);
    expect(result.pwned).toBeNull();
    expect(result.injected).toEqual([]);
    const text = squash(result.text);
    for (const value of [MODEL.title, MODEL.summary!, MODEL.problem!, ...labels, MODEL.edges[0]!.rationale!, MODEL.evidence![0]!.citation]) {
      expect(text).toContain(squash(value));
    }
    // The Content Security Policy would stop a script anyway; the markup must not be there at all.
    expect(html.toString('utf8')).not.toMatch(/<(img|script|iframe)\b[^>]*(src=x|__pwned)/);
  });

  it('exports a DOCX whose document.xml holds the payloads as escaped text, no injected XML', async () => {
    const file = path.join(TMP, 'hostile.docx');
    writeFileSync(file, await downloadExport(page, 'Word (DOCX) narrative'));
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    // Every element is Office XML (a namespace prefix); none came from a label.
    const names = new Set([...xml.matchAll(/<\/?([A-Za-z_][\w.-]*(?::[\w.-]+)?)/g)].map((m) => m[1]!));
    expect([...names].filter((n) => !n.includes(':'))).toEqual([]);
    expect(xml).not.toMatch(/<(img|script|svg|iframe|style)\b/);
    expect(xml).toContain(']]&gt;&lt;/w:t&gt;&lt;w:p/&gt;'); // the payload's "]]></w:t><w:p/>" stayed text
    const core = execFileSync('unzip', ['-p', file, 'docProps/core.xml'], { encoding: 'utf8' });
    expect(core).toContain('<dc:title>&lt;img src=x onerror=');
    const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    const runs = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!));
    const text = runs.join('');
    for (const label of labels) expect(text).toContain(label);
    expect(text).toContain(MODEL.title);
    expect(text).toContain(MODEL.edges[0]!.rationale);
  });

  it('raised no page errors, and no payload ever ran in the editor', async () => {
    expect((await audit(page)).pwned).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});
