// An edge drawn along the last layout's orthogonal route while that route is still valid (the canvas
// passes it in the edge's data, see layout-bridge.ts), else as React Flow's default bezier, same
// styles and markers.
import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import type { EdgeRoute } from '../../layout';

export type RoutedEdgeData = { route: EdgeRoute | undefined };
export type FlowEdge = Edge<RoutedEdgeData>;

/** The route as a path and the middle of its middle segment, where the label sits. */
function routedPath(route: EdgeRoute): [string, number, number] {
  const [first, ...rest] = route.points;
  const mid = Math.floor((route.points.length - 1) / 2);
  const a = route.points[mid]!;
  const b = route.points[mid + 1]!;
  return [`M ${first!.x} ${first!.y} ${rest.map((p) => `L ${p.x} ${p.y}`).join(' ')}`, (a.x + b.x) / 2, (a.y + b.y) / 2];
}

// One element type either way (React Flow's BezierEdge is BaseEdge with a bezier path), so a layout
// that routes 4,000 links changes their paths instead of replacing every link's elements.
export function RoutedEdge(props: EdgeProps<FlowEdge>) {
  const route = props.data?.route;
  const [path, labelX, labelY] =
    route && route.points.length >= 2
      ? routedPath(route)
      : getBezierPath({
          sourceX: props.sourceX,
          sourceY: props.sourceY,
          sourcePosition: props.sourcePosition,
          targetX: props.targetX,
          targetY: props.targetY,
          targetPosition: props.targetPosition,
        });
  return (
    <BaseEdge
      id={props.id}
      path={path}
      style={props.style}
      markerEnd={props.markerEnd}
      markerStart={props.markerStart}
      interactionWidth={props.interactionWidth}
      label={props.label}
      labelX={labelX}
      labelY={labelY}
      labelStyle={props.labelStyle}
      labelShowBg={props.labelShowBg}
      labelBgStyle={props.labelBgStyle}
      labelBgPadding={props.labelBgPadding}
      labelBgBorderRadius={props.labelBgBorderRadius}
    />
  );
}
