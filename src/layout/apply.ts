// Writing a layout's positions into a model. Apart from the engine so that the editor can apply a
// result without bundling ELK, which only its worker needs.
import type { Model } from '../model';
import type { LayoutResult } from './types';

/**
 * The model with the layout's positions written in, and nothing else changed: pinned nodes keep the
 * position they have, and a node the result does not know keeps its own. Returns the same object when
 * nothing moves, so a store can skip an empty undo step.
 */
export function applyLayout<M extends Pick<Model, 'nodes'>>(model: M, result: Pick<LayoutResult, 'positions'>): M {
  let changed = false;
  const nodes = model.nodes.map((node) => {
    const next = result.positions[node.id];
    if (!next || (node.pinned === true && node.position)) return node;
    const x = Math.round(next.x);
    const y = Math.round(next.y);
    if (node.position && node.position.x === x && node.position.y === y) return node;
    changed = true;
    return { ...node, position: { x, y } };
  });
  return changed ? { ...model, nodes } : model;
}
