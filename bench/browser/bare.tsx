// The baseline for `npm run bench`: React Flow with default nodes and edges, nothing else. It opens
// a model through a file input, as the editor does, so both are timed from the same event.
import '@xyflow/react/dist/style.css';
import { ReactFlow, type Edge, type Node } from '@xyflow/react';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

interface ModelFile {
  nodes: { id: string; label: string; position: { x: number; y: number } }[];
  edges: { id: string; source: string; target: string }[];
}

function Bare() {
  const [graph, setGraph] = useState<{ nodes: Node[]; edges: Edge[] } | null>(null);
  const open = async (file: File) => {
    const model = JSON.parse(await file.text()) as ModelFile;
    setGraph({
      nodes: model.nodes.map((n) => ({ id: n.id, position: n.position, data: { label: n.label } })),
      edges: model.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
    });
  };
  return (
    <>
      <input aria-label="Open model" type="file" style={{ position: 'absolute', zIndex: 10 }} onChange={(e) => e.target.files?.[0] && void open(e.target.files[0])} />
      {graph && <ReactFlow defaultNodes={graph.nodes} defaultEdges={graph.edges} fitView minZoom={0.05} />}
    </>
  );
}

createRoot(document.getElementById('root')!).render(<Bare />);
