// The palette (click: add at the centre of the view; drag: drop where the pointer is) and the legend.
import { memo, type DragEvent } from 'react';
import { EDGE_KINDS, NODE_KINDS, type NodeKind } from '../../model';
import { EDGE_STYLES, HORIZON_STYLES, NODE_STYLES, shapePath } from '../../render/theme';
import { PALETTE_MIME } from './Canvas';
import { arrowMarker } from './EdgeMarkers';
import { useController } from './context';

export const KindSwatch = memo(function KindSwatch({ kind, fill, width = 34, height = 20 }: { kind: NodeKind; fill?: string; width?: number; height?: number }) {
  const style = NODE_STYLES[kind];
  const { outline, detail } = shapePath(style.shape, width, height, Math.min(style.borderWidth, 2));
  return (
    <svg width={width} height={height} aria-hidden="true" focusable="false" className="kind-swatch">
      <path d={outline} fill={fill ?? style.fill} stroke={style.border} strokeWidth={Math.min(style.borderWidth, 2)} strokeDasharray={style.borderDash} />
      {detail && <path d={detail} fill="none" stroke={style.border} strokeWidth={1} />}
    </svg>
  );
});

export function Palette() {
  const controller = useController();
  const onDragStart = (kind: NodeKind) => (event: DragEvent) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  const spine = NODE_KINDS.filter((k) => NODE_STYLES[k].role === 'spine');
  const satellites = NODE_KINDS.filter((k) => NODE_STYLES[k].role === 'satellite');
  const button = (kind: NodeKind) => (
    <li key={kind}>
      <button
        type="button"
        className={`palette__item palette__item--${NODE_STYLES[kind].role}`}
        aria-label={`Add ${kind}`}
        title={`Add ${NODE_STYLES[kind].name}: click to place it in the middle of the view, or drag it onto the canvas`}
        draggable
        onDragStart={onDragStart(kind)}
        onClick={() => controller.addNodeAtCentre(kind)}
      >
        <KindSwatch kind={kind} />
        <span className="palette__tag">{NODE_STYLES[kind].tag}</span>
      </button>
    </li>
  );
  return (
    <section className="palette" aria-labelledby="palette-heading">
      <h2 id="palette-heading" className="panel-heading">Add</h2>
      <p className="hint">Click to add in the middle of the view, or drag onto the canvas.</p>
      <h3 className="subheading">Causal spine</h3>
      <ul className="palette__list">{spine.map(button)}</ul>
      <h3 className="subheading">Around the spine</h3>
      <ul className="palette__list">{satellites.map(button)}</ul>
    </section>
  );
}

export function Legend() {
  return (
    <section className="legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading" className="panel-heading">Legend</h2>
      <details>
        <summary>Outcome horizons</summary>
        <ul className="legend__list">
          {Object.entries(HORIZON_STYLES).map(([horizon, style]) => (
            <li key={horizon}>
              <KindSwatch kind="outcome" fill={style.fill} />
              <span>{style.label}</span>
            </li>
          ))}
        </ul>
      </details>
      <details open>
        <summary>Links</summary>
        <ul className="legend__list">
          {EDGE_KINDS.map((kind) => {
            const style = EDGE_STYLES[kind];
            return (
              <li key={kind}>
                <svg width={40} height={12} aria-hidden="true" focusable="false">
                  <line x1={1} y1={6} x2={38} y2={6} stroke={style.stroke} strokeWidth={style.width} strokeDasharray={style.dash} strokeLinecap={style.lineCap} markerEnd={`url(#${arrowMarker(kind)})`} />
                </svg>
                <span>{style.name}</span>
              </li>
            );
          })}
        </ul>
      </details>
    </section>
  );
}
