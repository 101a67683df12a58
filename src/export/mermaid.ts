// The model as a Mermaid flowchart for documentation. Node ids are generated (n1, n2, …), so model
// ids never meet Mermaid's grammar; labels are quoted strings whose special characters are written as
// Mermaid entity codes (#60; for <, #34; for ", #37; for %, …), so a label is shown, never parsed as
// markup, Markdown or a %%{init}%% directive.
import type { Model, NodeKind, TocNode } from '../model';
import { nodeTag, wrapLabel } from '../render/text';
import { EDGE_STYLES, FONTS, HORIZON_STYLES, LABEL_COLOUR, NODE_STYLES } from '../render/theme';

const BRACKETS: Record<NodeKind, [string, string]> = {
  input: ['[/', '/]'],
  activity: ['(', ')'],
  mechanism: ['{{', '}}'],
  output: ['[', ']'],
  outcome: ['([', '])'],
  impact: ['>', ']'],
  assumption: ['[\\', '\\]'],
  context: ['[/', '\\]'],
  risk: ['[[', ']]'],
  stakeholder: ['[\\', '/]'],
  measure: ['[(', ')]'],
};

/** Text inside a quoted Mermaid label: every character that means something to Mermaid, its
 * sanitiser or its Markdown strings becomes a numeric entity code. */
export function mermaidText(text: string): string {
  return text
    .replace(/[\u0000-\u001F\u007F]/g, ' ')
    .replace(/[#"<>&%`]/g, (ch) => `#${ch.codePointAt(0)};`);
}

function nodeLabel(node: TocNode): string {
  const style = NODE_STYLES[node.kind];
  const font = style.role === 'spine' ? FONTS.label : FONTS.satelliteLabel;
  const lines = wrapLabel(node.label, style.width - 30, font.size, font.weight);
  return [mermaidText(nodeTag(node)), ...lines.map(mermaidText)].join('<br>');
}

export function exportMermaid(model: Model): string {
  const out: string[] = [];
  // The title goes in a comment, with % removed so it can never open a %%{…}%% directive.
  out.push(`%% ${model.title.replace(/[\r\n%]/g, ' ')}`);
  out.push('flowchart LR');
  const ids = new Map<string, string>();
  model.nodes.forEach((node, i) => ids.set(node.id, `n${i + 1}`));
  for (const node of model.nodes) {
    const [open, close] = BRACKETS[node.kind];
    out.push(`  ${ids.get(node.id)}${open}"${nodeLabel(node)}"${close}`);
  }
  const linkStyles: string[] = [];
  let index = 0;
  for (const edge of model.edges) {
    const from = ids.get(edge.source);
    const to = ids.get(edge.target);
    if (!from || !to) continue;
    const style = EDGE_STYLES[edge.kind];
    const arrow = style.dash ? '-.->' : '-->';
    const label = [edge.label, edge.kind === 'feeds-back' && edge.format ? edge.format.replace(/-/g, ' ') : undefined].filter(Boolean).join(' · ');
    out.push(`  ${from} ${arrow}${label ? `|"${mermaidText(label)}"|` : ''} ${to}`);
    linkStyles.push(`  linkStyle ${index} stroke:${style.stroke},stroke-width:${style.width}px${style.dash ? `,stroke-dasharray:${style.dash}` : ''}`);
    index++;
  }
  out.push(...linkStyles);
  for (const kind of Object.keys(NODE_STYLES) as NodeKind[]) {
    const members = model.nodes.filter((n) => n.kind === kind);
    if (members.length === 0) continue;
    const style = NODE_STYLES[kind];
    out.push(`  classDef ${kind} fill:${style.fill},stroke:${style.border},stroke-width:${style.borderWidth}px,color:${LABEL_COLOUR}${style.borderDash ? `,stroke-dasharray:${style.borderDash}` : ''}`);
    out.push(`  class ${members.map((n) => ids.get(n.id)).join(',')} ${kind}`);
  }
  // Outcomes shade by horizon, as on the canvas.
  for (const [horizon, h] of Object.entries(HORIZON_STYLES)) {
    const members = model.nodes.filter((n) => n.kind === 'outcome' && n.horizon === horizon);
    if (members.length === 0) continue;
    out.push(`  classDef outcome_${horizon} fill:${h.fill},stroke:${NODE_STYLES.outcome.border},color:${LABEL_COLOUR}`);
    out.push(`  class ${members.map((n) => ids.get(n.id)).join(',')} outcome_${horizon}`);
  }
  return `${out.join('\n')}\n`;
}
