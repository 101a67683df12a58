// A first placement by stage column for models whose nodes have no positions (a script's output,
// a hand-written file): the same placement the SVG export draws such a model with (render/geometry),
// written into the model so that the canvas and the file agree. The auto-layout refines it.
import type { Model } from '../model';
import { placeNodes } from '../render/geometry';

/** The model with a position for every node that had none; the same object when all had one. */
export function placeUnpositioned(model: Model): Model {
  if (model.nodes.every((node) => node.position)) return model;
  const placed = placeNodes(model);
  return {
    ...model,
    nodes: model.nodes.map((node) => {
      if (node.position) return node;
      const box = placed.get(node.id)!;
      return { ...node, position: { x: Math.round(box.x), y: Math.round(box.y) } };
    }),
  };
}
