// The model as a Graphviz digraph: stage columns as ranks, kinds as shapes and the theme's colours,
// edge kinds as line styles. Every string is a quoted DOT string (never an HTML-like label), with
// backslashes and quotes escaped, so a label stays text.
import type { Model, TocNode } from '../model';
import { stageOf } from '../render/geometry';
import { nodeTag, wrapLabel } from '../render/text';
import { EDGE_STYLES, FONTS, HORIZON_STYLES, LABEL_COLOUR, NODE_STYLES, STAGES, type ShapeName } from '../render/theme';

const SHAPES: Record<ShapeName, { shape: string; style?: string }> = {
  parallelogram: { shape: 'parallelogram' },
  roundRect: { shape: 'box', style: 'rounded' },
  hexagon: { shape: 'hexagon' },
  document: { shape: 'tab' },
  stadium: { shape: 'box', style: 'rounded' },
  pentagon: { shape: 'cds' },
  note: { shape: 'note' },
  trapezoid: { shape: 'trapezium' },
  octagon: { shape: 'octagon' },
  ellipse: { shape: 'ellipse' },
  cylinder: { shape: 'cylinder' },
};

/** A DOT quoted string: backslash first, then quotes; line breaks become DOT's centred \n. */
export function dotString(text: string): string {
  const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  return `"${clean.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n|\r|\n/g, '\\n')}"`;
}

function nodeLabel(node: TocNode): string {
  const style = NODE_STYLES[node.kind];
  const font = style.role === 'spine' ? FONTS.label : FONTS.satelliteLabel;
  // The canvas's own wrapping, so lines break where they do in the editor.
  const lines = wrapLabel(node.label, style.width - 30, font.size, font.weight);
  return [nodeTag(node), ...lines].join('\n');
}

export function exportDot(model: Model): string {
  const out: string[] = [];
  out.push(`digraph ${dotString(model.title)} {`);
  out.push(`  graph [rankdir=LR, newrank=true, nodesep=0.25, ranksep=0.7, fontname="Inter", fontsize=16, labelloc=t, label=${dotString(model.title)}];`);
  out.push(`  node [fontname="Inter", fontsize=10, fontcolor="${LABEL_COLOUR}", margin="0.12,0.06"];`);
  out.push('  edge [fontname="Inter", fontsize=9];');
  for (const node of model.nodes) {
    const style = NODE_STYLES[node.kind];
    const shape = SHAPES[style.shape];
    const fill = node.kind === 'outcome' && node.horizon ? HORIZON_STYLES[node.horizon].fill : style.fill;
    const styles = ['filled', shape.style, style.borderDash ? 'dashed' : undefined].filter(Boolean).join(',');
    const attrs = [
      `label=${dotString(nodeLabel(node))}`,
      `shape=${shape.shape}`,
      `style=${dotString(styles)}`,
      `fillcolor="${fill}"`,
      `color="${style.border}"`,
      `penwidth=${style.borderWidth}`,
      ...(style.emphasis ? ['peripheries=2'] : []),
      ...(style.role === 'satellite' ? ['fontsize=9'] : []),
    ];
    out.push(`  ${dotString(node.id)} [${attrs.join(', ')}];`);
  }
  // The causal spine reads left to right: each stage is one rank.
  const byStage = new Map<string, string[]>();
  for (const node of model.nodes) {
    const stage = stageOf(node);
    if (!stage) continue;
    const list = byStage.get(stage) ?? [];
    list.push(node.id);
    byStage.set(stage, list);
  }
  for (const stage of STAGES) {
    const ids = byStage.get(stage.id);
    if (ids && ids.length > 0) out.push(`  { rank=same; ${ids.map(dotString).join('; ')}; }`);
  }
  const ids = new Set(model.nodes.map((n) => n.id));
  for (const edge of model.edges) {
    if (!ids.has(edge.source) || !ids.has(edge.target)) continue;
    const style = EDGE_STYLES[edge.kind];
    const line = !style.dash ? 'solid' : style.lineCap === 'round' ? 'dotted' : 'dashed';
    const label = [edge.label, edge.kind === 'feeds-back' && edge.format ? edge.format.replace(/-/g, ' ') : undefined].filter(Boolean).join(' · ');
    const attrs = [
      `color="${style.stroke}"`,
      `style=${line}`,
      `penwidth=${style.width}`,
      `arrowhead=${style.arrow === 'closed' ? 'normal' : 'vee'}`,
      `tooltip=${dotString(style.name)}`,
      ...(label ? [`label=${dotString(label)}`] : []),
      // No constraint=false on satellite edges: Graphviz 2.43–12 then fails to route some of them.
    ];
    out.push(`  ${dotString(edge.source)} -> ${dotString(edge.target)} [${attrs.join(', ')}];`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}

