// One node on the canvas, drawn from the theme and the text layout that the SVG export also uses.
// Declared once at module level and memoised: React Flow re-renders it only when its data changes.
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { TocNode } from '../../model';
import type { Severity } from '../../lint/types';
import { drawnNode, layoutOf } from '../drawn';
import { useEditor } from './context';
import { BADGE_STYLES, EMPHASIS_INSET, FONTS, HORIZON_STYLES, LABEL_COLOUR, NODE_STYLES, shapePath } from '../../render/theme';

export interface Badge {
  severity: Severity;
  count: number;
}

export type FlowNodeData = { badge: Badge | undefined };
export type FlowNode = Node<FlowNodeData>;

/** The id of the element that names a node for assistive technology (its kind tag, label and findings). */
export function nodeNameId(id: string): string {
  return `toc-node-name-${id}`;
}

export function nodeFill(node: TocNode): string {
  return node.kind === 'outcome' && node.horizon ? HORIZON_STYLES[node.horizon].fill : NODE_STYLES[node.kind].fill;
}

export const BadgeIcon = memo(function BadgeIcon({ severity, size = 16 }: { severity: Severity; size?: number }) {
  const style = BADGE_STYLES[severity];
  const s = size;
  const shape =
    style.shape === 'square' ? (
      <rect x={1} y={1} width={s - 2} height={s - 2} rx={2} fill={style.fill} />
    ) : style.shape === 'triangle' ? (
      <path d={`M${s / 2},0.5 L${s - 0.5},${s - 1} L0.5,${s - 1} Z`} fill={style.fill} stroke="#6E4C00" strokeWidth={0.75} />
    ) : (
      <circle cx={s / 2} cy={s / 2} r={s / 2 - 0.5} fill={style.fill} />
    );
  return (
    <svg className="badge-icon" width={s} height={s} viewBox={`0 0 ${s} ${s}`} aria-hidden="true" focusable="false">
      {shape}
      <text
        x={s / 2}
        y={style.shape === 'triangle' ? s * 0.78 : s * 0.72}
        textAnchor="middle"
        fontSize={style.shape === 'triangle' ? s * 0.62 : s * 0.68}
        fontWeight={700}
        fill={style.text}
      >
        {style.glyph}
      </text>
    </svg>
  );
});

function NodeViewImpl({ id, data }: NodeProps<FlowNode>) {
  const node = useEditor((s) => {
    const current = s.doc.nodes.get(id);
    return current && drawnNode(current);
  });
  if (!node) return null;
  const { badge } = data;
  const layout = layoutOf(node);
  const style = NODE_STYLES[node.kind];
  const findings = badge ? `, ${badge.count} finding${badge.count === 1 ? '' : 's'} (worst: ${badge.severity})` : '';
  const { width, height } = layout;
  const { outline, detail } = shapePath(style.shape, width, height, style.borderWidth);
  const inner = style.emphasis ? shapePath(style.shape, width - 2 * EMPHASIS_INSET, height - 2 * EMPHASIS_INSET, 1).outline : undefined;
  return (
    <div className={`toc-node toc-node--${style.role}`} style={{ width, height }}>
      <span id={nodeNameId(id)} className="sr-only">
        {layout.tag}: {node.label}
        {findings}
      </span>
      <svg className="toc-node__shape" width={width} height={height} aria-hidden="true" focusable="false">
        <path className="toc-node__outline" d={outline} fill={nodeFill(node)} stroke={style.border} strokeWidth={style.borderWidth} strokeDasharray={style.borderDash} />
        {inner && <path d={inner} transform={`translate(${EMPHASIS_INSET} ${EMPHASIS_INSET})`} fill="none" stroke={style.border} strokeWidth={1} />}
        {detail && <path d={detail} fill="none" stroke={style.border} strokeWidth={1} />}
      </svg>
      <div
        className="toc-node__tag"
        style={{
          left: layout.textX,
          top: layout.tagTop,
          width: layout.textWidth,
          color: style.tagColour,
          fontSize: FONTS.tag.size,
          lineHeight: `${FONTS.tag.lineHeight}px`,
          fontWeight: FONTS.tag.weight,
          letterSpacing: FONTS.tag.letterSpacing,
        }}
      >
        {layout.tag}
      </div>
      <div
        className="toc-node__label"
        style={{
          left: layout.textX,
          top: layout.labelTop,
          width: layout.textWidth,
          fontSize: layout.font.size,
          lineHeight: `${layout.font.lineHeight}px`,
          fontWeight: layout.font.weight,
          color: LABEL_COLOUR,
        }}
      >
        {layout.lines.map((line, i) => (
          <div key={i} className="toc-node__line">
            {line}
          </div>
        ))}
      </div>
      {badge && (
        <div className={`toc-node__badge toc-node__badge--${badge.severity}`} title={`${badge.count} finding${badge.count === 1 ? '' : 's'}, worst: ${badge.severity}`}>
          <BadgeIcon severity={badge.severity} />
          <span className="toc-node__badge-count">{badge.count}</span>
        </div>
      )}
      <Handle type="target" position={Position.Left} className="toc-handle" />
      <Handle type="source" position={Position.Right} className="toc-handle" />
    </div>
  );
}

export const NodeView = memo(NodeViewImpl);
