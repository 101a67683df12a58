// The arrowheads of the canvas and the legend, defined once in the page: the export's heads
// (render/theme.ts). React Flow's own markers are collected by walking every link on each change of
// the links; at 4,000 links that was 10–30 ms each time.
import { EDGE_KINDS, type EdgeKind } from '../../model';
import { ARROW_BOX, arrowHead, arrowHeadId, EDGE_STYLES } from '../../render/theme';

/** The id of an edge kind's arrowhead marker in the editor's page. */
export const arrowMarker = (kind: EdgeKind) => arrowHeadId('canvas-', kind);

export function EdgeMarkers() {
  return (
    <svg className="edge-markers" aria-hidden="true" focusable="false">
      <defs>
        {EDGE_KINDS.map((kind) => {
          const head = arrowHead(kind);
          const stroke = EDGE_STYLES[kind].stroke;
          return (
            <marker key={kind} id={arrowMarker(kind)} viewBox={ARROW_BOX.viewBox} refX={ARROW_BOX.refX} refY={ARROW_BOX.refY} markerWidth={head.size} markerHeight={head.size} orient="auto">
              {head.closed ? (
                <path d={head.path} fill={stroke} />
              ) : (
                <path d={head.path} fill="none" stroke={stroke} strokeWidth={ARROW_BOX.openStrokeWidth} strokeLinejoin="miter" />
              )}
            </marker>
          );
        })}
      </defs>
    </svg>
  );
}
