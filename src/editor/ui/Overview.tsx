// The whole model in small, with the view marked on it: React Flow's MiniMap, same look, same
// geometry, and its XYMinimap for panning and zooming by it (a click centres the view there), but
// with the nodes drawn as one path per colour. MiniMap draws one store-subscribed element per node;
// at 2,000 nodes, re-rendering those was 100–170 ms of the frame where a Tidy lands
// (docs/architecture.md, "Performance").
import { Panel, useStore, useStoreApi, type Node } from '@xyflow/react';
import { getBoundsOfRects, XYMinimap, type Rect } from '@xyflow/system';
import { useEffect, useId, useMemo, useRef, type MouseEvent } from 'react';

// MiniMap's defaults: its size in pixels, and the margin around the drawing in those pixels.
const WIDTH = 200;
const HEIGHT = 150;
const MARGIN = 5;

type Drawing = { paths: [colour: string, d: string][]; bounds: Rect | null };

/** One path of rectangles per colour, and the rectangle around them all. */
function drawNodes<N extends Node>(nodes: readonly N[], colourOf: (node: N) => string): Drawing {
  const byColour = new Map<string, string[]>();
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const node of nodes) {
    if (node.hidden) continue;
    const { x, y } = node.position;
    const width = node.measured?.width ?? node.width ?? 0;
    const height = node.measured?.height ?? node.height ?? 0;
    const colour = colourOf(node);
    const rects = byColour.get(colour) ?? [];
    if (rects.length === 0) byColour.set(colour, rects);
    rects.push(`M${x},${y}h${width}v${height}h${-width}z`);
    [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x + width), Math.max(bottom, y + height)];
  }
  return {
    paths: [...byColour].map(([colour, rects]) => [colour, rects.join('')]),
    bounds: left === Infinity ? null : { x: left, y: top, width: right - left, height: bottom - top },
  };
}

export function Overview<N extends Node>({ colourOf, label }: { colourOf: (node: N) => string; label: string }) {
  const store = useStoreApi<N>();
  const nodes = useStore((s) => s.nodes) as N[];
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const flowWidth = useStore((s) => s.width);
  const flowHeight = useStore((s) => s.height);
  const panZoom = useStore((s) => s.panZoom);
  const translateExtent = useStore((s) => s.translateExtent);
  const drawing = useMemo(() => drawNodes(nodes, colourOf), [nodes, colourOf]);

  const view = { x: -tx / zoom, y: -ty / zoom, width: flowWidth / zoom, height: flowHeight / zoom };
  const shown = drawing.bounds ? getBoundsOfRects(drawing.bounds, view) : view;
  const viewScale = Math.max(shown.width / WIDTH, shown.height / HEIGHT);
  const margin = MARGIN * viewScale;
  const x = shown.x - (viewScale * WIDTH - shown.width) / 2 - margin;
  const y = shown.y - (viewScale * HEIGHT - shown.height) / 2 - margin;
  const width = viewScale * WIDTH + margin * 2;
  const height = viewScale * HEIGHT + margin * 2;

  const svg = useRef<SVGSVGElement>(null);
  const viewScaleNow = useRef(viewScale);
  viewScaleNow.current = viewScale;
  const minimap = useRef<ReturnType<typeof XYMinimap>>(undefined);
  useEffect(() => {
    if (!svg.current || !panZoom) return;
    minimap.current = XYMinimap({
      domNode: svg.current,
      panZoom,
      getTransform: () => store.getState().transform,
      getViewScale: () => viewScaleNow.current,
    });
    return () => minimap.current?.destroy();
  }, [panZoom, store]);
  useEffect(() => {
    minimap.current?.update({ translateExtent, width: flowWidth, height: flowHeight, pannable: true, zoomable: true });
  }, [panZoom, translateExtent, flowWidth, flowHeight]);

  // A click (not the end of a drag, which d3-zoom swallows) centres the view there, at the same zoom.
  const centreOn = (event: MouseEvent<SVGSVGElement>) => {
    if (!minimap.current) return;
    const [x, y] = minimap.current.pointer(event.nativeEvent, event.currentTarget);
    void store.getState().setCenter(x, y, { zoom: store.getState().transform[2], duration: 200 });
  };

  const titleId = useId();
  return (
    <Panel position="bottom-right" className="react-flow__minimap">
      <svg ref={svg} width={WIDTH} height={HEIGHT} viewBox={`${x} ${y} ${width} ${height}`} className="react-flow__minimap-svg" role="img" aria-labelledby={titleId} onClick={centreOn}>
        <title id={titleId}>{label}</title>
        {drawing.paths.map(([colour, d]) => (
          <path key={colour} className="overview-nodes" d={d} fill={colour} />
        ))}
        <path
          className="react-flow__minimap-mask"
          d={`M${x - margin},${y - margin}h${width + margin * 2}v${height + margin * 2}h${-width - margin * 2}z M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}
