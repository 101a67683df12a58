// An edge drawn along the last layout's orthogonal route while that route is still valid
// (layout-bridge.ts), else exactly as before (React Flow's default bezier), same styles and markers.
import { BaseEdge, BezierEdge, type EdgeProps } from '@xyflow/react';
import { routeFor } from '../layout-bridge';
import { useEditor, useUi } from './context';

export function RoutedEdge(props: EdgeProps) {
  const snapshot = useUi((s) => s.routes);
  const route = useEditor((s) => (snapshot ? routeFor(snapshot, s.doc, props.id, s.drag) : undefined));
  if (!route || route.points.length < 2) return <BezierEdge {...props} />;
  const [first, ...rest] = route.points;
  const path = `M ${first!.x} ${first!.y} ${rest.map((p) => `L ${p.x} ${p.y}`).join(' ')}`;
  // The label sits on the middle of the route's middle segment.
  const mid = Math.floor((route.points.length - 1) / 2);
  const a = route.points[mid]!;
  const b = route.points[mid + 1]!;
  return (
    <BaseEdge
      id={props.id}
      path={path}
      style={props.style}
      markerEnd={props.markerEnd}
      markerStart={props.markerStart}
      interactionWidth={props.interactionWidth}
      label={props.label}
      labelX={(a.x + b.x) / 2}
      labelY={(a.y + b.y) / 2}
      labelStyle={props.labelStyle}
      labelShowBg={props.labelShowBg}
      labelBgStyle={props.labelBgStyle}
      labelBgPadding={props.labelBgPadding}
      labelBgBorderRadius={props.labelBgBorderRadius}
    />
  );
}
