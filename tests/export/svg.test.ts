import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/model';
import { renderDiagram, renderSvg } from '../../src/render/svg';
import { base64, fontFaceCss, parseUnicodeRange } from '../../src/render/fonts';
import { loadInterFonts } from '../../src/cli/export/fonts';
import { generateModel } from '../../bench/generate';
import { EXAMPLES, HOSTILE_LABELS, hostileModel, loadExample } from './fixtures';

describe('renderSvg', () => {
  it('draws every label as escaped text, never as markup or foreignObject', () => {
    const svg = renderSvg(hostileModel());
    expect(svg).not.toMatch(/<script|<img|<foreignObject|<b>|onerror=(?!alert)/i);
    expect(svg).not.toContain('<![CDATA[');
    for (const label of Object.values(HOSTILE_LABELS)) {
      // Labels wrap (even inside long words), so look for the start of each, escaped as escapeXml writes it.
      expect(svg).toContain(escapeXml(label.slice(0, 5)));
    }
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('defines an arrowhead per edge kind used, and a legend of only the kinds used', () => {
    const model = loadExample('keystone-icu');
    const svg = renderSvg(model);
    const kinds = new Set(model.edges.map((e) => e.kind));
    for (const kind of kinds) expect(svg).toContain(`<marker id="toc-arrow-${kind}"`);
    expect(svg.match(/<marker /g)!.length).toBe(kinds.size);
    for (const path of svg.match(/<path [^>]*data-edge-id[^>]*>/g)!) expect(path).toMatch(/marker-end="url\(#toc-arrow-[a-z-]+\)"/);
    const small = renderSvg({ schemaVersion: 1, title: 'Two', nodes: [{ id: 'a', kind: 'activity', label: 'Run calls' }, { id: 'b', kind: 'output', label: 'Calls held' }], edges: [{ id: 'e', kind: 'leads-to', source: 'a', target: 'b' }] });
    const legend = small.slice(small.indexOf('data-part="legend"'));
    expect(legend).toContain('>Activity<');
    expect(legend).toContain('>Output<');
    expect(legend).toContain('>leads to<');
    expect(legend).not.toContain('>Impact<');
    expect(legend).not.toContain('>measures<');
  });

  it('has a title block with title, version and date, and stage column headers', () => {
    const svg = renderSvg(loadExample('keystone-icu'), { titleBlock: { version: '2.1', date: '2026-11-27' } });
    expect(svg).toContain('Keystone ICU clinical community');
    expect(svg).toContain('Version 2.1');
    expect(svg).toContain('2026-11-27');
    for (const header of ['Inputs', 'Activities', 'Mechanisms', 'Outputs', 'Impact']) expect(svg).toContain(`>${header}</text>`);
  });

  it('embeds only the Inter faces the drawing needs, as base64 @font-face', () => {
    const fonts = loadInterFonts();
    const english = renderDiagram(loadExample('keystone-icu'), { fonts });
    const faces = english.fontCss.match(/@font-face/g)!.length;
    expect(english.svg).toContain("font-family:'Inter'");
    expect(english.svg).toContain('data:font/woff2;base64,');
    expect(faces).toBeLessThanOrEqual(6); // latin (+ latin-ext for typographic quotes and dashes) × weights used
    const greek = renderDiagram(hostileModel(), { fonts });
    expect(greek.fontCss).toMatch(/unicode-range:U\+0370/);
    expect(renderDiagram(loadExample('keystone-icu')).fontCss).toBe('');
  });

  it('uses layout routes when given, and stored positions otherwise', () => {
    const model = { schemaVersion: 1 as const, title: 'R', nodes: [
      { id: 'a', kind: 'activity' as const, label: 'A', position: { x: 0, y: 0 } },
      { id: 'b', kind: 'output' as const, label: 'B', position: { x: 400, y: 0 } },
    ], edges: [{ id: 'e', kind: 'leads-to' as const, source: 'a', target: 'b' }] };
    const routed = renderSvg(model, { routes: { e: { points: [{ x: 200, y: 30 }, { x: 300, y: 123 }, { x: 400, y: 30 }] } } });
    expect(routed).toMatch(/d="M200,30 L300,123 L400,30"[^>]*data-edge-id="e"/);
    const moved = renderSvg(model, { positions: { a: { x: 0, y: 500 } } });
    expect(moved).toContain('translate(0,500)');
  });

  it('places nodes without positions in stage columns', () => {
    const model = generateModel(40);
    const diagram = renderDiagram(model);
    const transforms = [...diagram.svg.matchAll(/<g transform="translate\(([-\d.]+),([-\d.]+)\)" data-node-id/g)];
    expect(transforms.length).toBe(model.nodes.length);
    const spots = new Set(transforms.map((t) => `${t[1]},${t[2]}`));
    expect(spots.size).toBe(model.nodes.length); // no two nodes on the same spot
  });

  it('shows findings as badges, leaving suppressed ones out', () => {
    const svg = renderSvg(loadExample('keystone-icu'), {
      findings: [
        { severity: 'error', nodeId: 'act-data' },
        { severity: 'warning', nodeId: 'act-data' },
        { severity: 'info', nodeId: 'oc-voice', suppressed: { reason: 'x' } },
      ],
    });
    expect(svg.match(/data-badge="error"/g)).toHaveLength(1);
    expect(svg.match(/data-badge="warning"/g)).toHaveLength(1);
    expect(svg).not.toContain('data-badge="info"');
  });

  it('never uses text smaller than the tag size (the 7 pt print rule works from this)', () => {
    for (const name of EXAMPLES) expect(renderDiagram(loadExample(name)).minFontSize).toBe(10);
  });

  it('is deterministic', () => {
    const model = loadExample('project-echo-hepatitis-c');
    expect(renderSvg(model)).toBe(renderSvg(model));
  });

  it('renders 500 nodes quickly', () => {
    const model = generateModel(500);
    renderSvg(model);
    const start = performance.now();
    renderSvg(model);
    // The bench target is 300 ms; the test allows for a loaded CI machine.
    expect(performance.now() - start).toBeLessThan(1500);
  });
});

describe('fonts', () => {
  it('encodes base64 like the platform does', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 1000, 65537]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 37 + 11) & 255);
      expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('parses unicode ranges and skips unused subsets and weights', () => {
    expect(parseUnicodeRange('U+0000-00FF,U+0131, U+1F??')).toEqual([[0, 255], [0x131, 0x131], [0x1f00, 0x1fff]]);
    const font = { weight: 500, unicodeRange: 'U+0370-03FF', format: 'woff2' as const, data: new Uint8Array([1, 2, 3]) };
    expect(fontFaceCss([font], new Set([500]), new Set([65]))).toBe('');
    expect(fontFaceCss([font], new Set([700]), new Set([0x3b1]))).toBe('');
    expect(fontFaceCss([font], new Set([500]), new Set([0x3b1]))).toContain('font-weight:500');
  });
});
