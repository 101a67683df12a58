// Structural checks (no lesson): is the drawing a well-formed theory-of-change graph at all?
import { edgeKindsBetween } from '../../model';
import { exampleModel, node } from '../example';
import { closestMatch, isAllowedEdge, isBlank, joinAnd, KIND_NAMES, mention, named, quoted, withArticle, type ModelFacts } from '../helpers';
import type { Rule } from '../types';

const FORMAT = 'The model format (shared/spec/model-format.md)';


export const edgeEndpoints: Rule = {
  meta: {
    id: 'edge-endpoints',
    lesson: null,
    severity: 'error',
    title: 'Links join the kinds of node their kind allows',
    rationale: `${FORMAT} says which kinds of node each kind of link may join: a leads-to link runs from an activity, output, mechanism or outcome to an output, mechanism, outcome or impact; an enables link from an input to an activity or mechanism; and so on. A file with other pairs still loads, so that a half-drawn model can be opened, but the link means nothing and the lesson rules ignore it.`,
    fix: 'Change the link to a kind allowed between those nodes, or connect different nodes.',
    failing: {
      description: 'Funding "leads to" an outcome.',
      model: exampleModel(
        'Falls prevention network',
        [node('input', 'in-funding', 'Network funding', { resource: 'funding' }), node('outcome', 'o-falls', 'Fewer falls on participating wards')],
        [['leads-to', 'in-funding', 'o-falls']],
      ),
    },
    passing: {
      description: 'Funding enables an activity, which leads to the outcome.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('input', 'in-funding', 'Network funding', { resource: 'funding' }),
          node('activity', 'a-huddles', 'Monthly falls huddles'),
          node('outcome', 'o-falls', 'Fewer falls on participating wards'),
        ],
        [
          ['enables', 'in-funding', 'a-huddles'],
          ['leads-to', 'a-huddles', 'o-falls'],
        ],
      ),
    },
  },
  check({ graph, facts, report }) {
    for (const edge of facts.malformedEdges) {
      const source = graph.node(edge.source);
      const target = graph.node(edge.target);
      if (!source || !target) {
        report({
          message: `The ${edge.kind} link ${quoted(edge.id)} names a node that does not exist`,
          edgeId: edge.id,
          fix: 'Remove the link or point it at an existing node.',
        });
        continue;
      }
      if (isAllowedEdge(edge.kind, source.kind, target.kind)) continue;
      const allowed = edgeKindsBetween(source.kind, target.kind);
      report({
        message: `${withArticle(edge.kind, true)} link cannot run from ${mention(source)} to ${mention(target)}`,
        edgeId: edge.id,
        fix:
          allowed.length > 0
            ? `Make it ${joinAnd(allowed.map((k) => withArticle(k)), 'or')} link, or connect different nodes.`
            : `Remove the link: no kind of link runs from ${withArticle(KIND_NAMES[source.kind].one)} to ${withArticle(KIND_NAMES[target.kind].one)}.`,
      });
    }
  },
};

export const selfLoop: Rule = {
  meta: {
    id: 'self-loop',
    lesson: null,
    severity: 'error',
    title: 'No node links to itself',
    rationale: `A link from a node to itself says nothing about the theory: a step cannot cause, enable, measure or own itself. It is usually a slip of the mouse when drawing.`,
    fix: 'Remove the link, or point it at the node that was meant.',
    failing: {
      description: 'An outcome leads to itself.',
      model: exampleModel('Falls prevention network', [node('outcome', 'o-falls', 'Fewer falls on participating wards')], [['leads-to', 'o-falls', 'o-falls']]),
    },
    passing: {
      description: 'The outcome leads to the aim.',
      model: exampleModel(
        'Falls prevention network',
        [node('outcome', 'o-falls', 'Fewer falls on participating wards'), node('impact', 'i-aim', 'Fewer harmful falls in hospital')],
        [['leads-to', 'o-falls', 'i-aim']],
      ),
    },
  },
  check({ graph, facts, report }) {
    for (const edge of facts.malformedEdges) {
      if (edge.source !== edge.target) continue;
      const item = graph.node(edge.source);
      report({
        message: `${item ? named(item) : quoted(edge.source)} has a ${edge.kind} link to itself`,
        nodeId: item?.id,
        edgeId: edge.id,
        fix: 'Remove the link, or point it at the node that was meant.',
      });
    }
  },
};

/** Strongly connected components of the leads-to graph with two or more nodes, as node positions;
 * Tarjan's algorithm with an explicit stack, so that a long chain cannot overflow the call stack. */
function leadsToCycles(facts: ModelFacts): number[][] {
  const { offsets, targets } = facts.leadsTo;
  const n = offsets.length - 1;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const nextEdge = new Int32Array(n);
  const stack = new Int32Array(n);
  const calls = new Int32Array(n);
  const components: number[][] = [];
  let counter = 0;
  let sp = 0;
  let cp = 0;
  const visit = (v: number) => {
    index[v] = low[v] = counter++;
    stack[sp++] = v;
    onStack[v] = 1;
    nextEdge[v] = offsets[v]!;
    calls[cp++] = v;
  };
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1 || offsets[root] === offsets[root + 1]) continue;
    visit(root);
    while (cp > 0) {
      const v = calls[cp - 1]!;
      if (nextEdge[v]! < offsets[v + 1]!) {
        const w = targets[nextEdge[v]!++]!;
        if (index[w] === -1) visit(w);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      cp--;
      if (cp > 0) low[calls[cp - 1]!] = Math.min(low[calls[cp - 1]!]!, low[v]!);
      if (low[v] !== index[v]) continue;
      const component: number[] = [];
      let w: number;
      do {
        w = stack[--sp]!;
        onStack[w] = 0;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component);
    }
  }
  return components;
}

/**
 * The shortest cycle through `start` inside its component, as node positions, and the edge that
 * closes it. Neighbours are taken in id order, so the cycle reported does not depend on the order
 * of nodes and edges in the file.
 */
function cycleThrough(facts: ModelFacts, start: number, members: ReadonlySet<number>): { path: number[]; closingEdge: number } {
  const { offsets, targets, edges } = facts.leadsTo;
  const { model, graph } = facts;
  const idOf = (position: number) => model.nodes[position]!.id;
  const parent = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    const slots: number[] = [];
    for (let slot = offsets[v]!; slot < offsets[v + 1]!; slot++) if (members.has(targets[slot]!)) slots.push(slot);
    slots.sort((a, b) => compareIds(idOf(targets[a]!), idOf(targets[b]!)) || compareIds(graph.edges[edges[a]!]!.id, graph.edges[edges[b]!]!.id));
    for (const slot of slots) {
      const w = targets[slot]!;
      if (w === start) {
        const path = [v];
        for (let u = v; u !== start; ) path.push((u = parent.get(u)!));
        return { path: path.reverse(), closingEdge: edges[slot]! };
      }
      if (!parent.has(w)) parent.set(w, v), queue.push(w);
    }
  }
  throw new Error('a strongly connected component has a cycle through each of its members');
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const leadsToCycle: Rule = {
  meta: {
    id: 'leads-to-cycle',
    lesson: null,
    severity: 'error',
    title: 'Leads-to links form no cycle',
    rationale: `A theory of change reads from activities to the aim; a leads-to cycle makes a step its own cause, and no order of steps can be read from it. Feedback is part of the theory, but it is drawn with feeds-back links from measures, which the model format never counts as cycles. Each tangle of nodes that lead to each other (a strongly connected component) is reported once, at the node with the smallest id (so the report does not change when nodes are reordered), with the shortest cycle through that node.`,
    fix: 'Remove or reverse the leads-to link that goes back to an earlier step; to show data coming back, use a measure with feeds-back.',
    failing: {
      description: 'Better checks lead to fewer falls, which "lead" back to better checks.',
      model: exampleModel(
        'Falls prevention network',
        [node('outcome', 'o-checks', 'Falls risk checked on admission'), node('outcome', 'o-falls', 'Fewer falls on participating wards')],
        [
          ['leads-to', 'o-checks', 'o-falls'],
          ['leads-to', 'o-falls', 'o-checks'],
        ],
      ),
    },
    passing: {
      description: 'The falls rate is measured and fed back to the huddles instead.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('activity', 'a-huddles', 'Monthly falls huddles'),
          node('outcome', 'o-checks', 'Falls risk checked on admission'),
          node('outcome', 'o-falls', 'Fewer falls on participating wards'),
          node('measure', 'me-falls', 'Falls per 1,000 bed days'),
        ],
        [
          ['leads-to', 'a-huddles', 'o-checks'],
          ['leads-to', 'o-checks', 'o-falls'],
          ['measures', 'me-falls', 'o-falls'],
          ['feeds-back', 'me-falls', 'a-huddles'],
        ],
      ),
    },
  },
  check({ model, graph, facts, report }) {
    const CYCLE_SHOWN = 6;
    for (const component of leadsToCycles(facts)) {
      const start = component.reduce((a, b) => (compareIds(model.nodes[a]!.id, model.nodes[b]!.id) <= 0 ? a : b));
      const { path, closingEdge } = cycleThrough(facts, start, new Set(component));
      const labels = path.map((p) => quoted(model.nodes[p]!.label));
      const shown = labels.length > CYCLE_SHOWN ? [...labels.slice(0, CYCLE_SHOWN - 1), '…'] : labels;
      const tangle = component.length > path.length ? `; ${component.length} nodes in all lead to each other here` : '';
      report({
        message: `Leads-to links form a cycle: ${[...shown, labels[0]].join(' → ')}${tangle}`,
        nodeId: model.nodes[start]!.id,
        edgeId: graph.edges[closingEdge]!.id,
        fix: `Remove or reverse the link that goes back to ${labels[0]}; to show data coming back, use a measure with feeds-back.`,
      });
    }
  },
};

export const nodeConnected: Rule = {
  meta: {
    id: 'node-connected',
    lesson: null,
    severity: 'warning',
    title: 'Every node is connected',
    rationale: 'A node with no links takes no part in the theory: nothing leads to it, it leads nowhere, and nobody owns, measures or influences it. It is often a leftover or a step not yet drawn in.',
    fix: 'Link the node to the part of the theory it belongs to, or remove it.',
    failing: {
      description: 'The webinars stand alone.',
      model: exampleModel(
        'Falls prevention network',
        [node('activity', 'a-huddles', 'Monthly falls huddles'), node('outcome', 'o-checks', 'Falls risk checked on admission'), node('activity', 'a-webinars', 'Quarterly webinars')],
        [['leads-to', 'a-huddles', 'o-checks']],
      ),
    },
    passing: {
      description: 'Both activities lead to the outcome.',
      model: exampleModel(
        'Falls prevention network',
        [node('activity', 'a-huddles', 'Monthly falls huddles'), node('outcome', 'o-checks', 'Falls risk checked on admission'), node('activity', 'a-webinars', 'Quarterly webinars')],
        [
          ['leads-to', 'a-huddles', 'o-checks'],
          ['leads-to', 'a-webinars', 'o-checks'],
        ],
      ),
    },
  },
  check({ model, graph, report }) {
    // Every link in the file counts, even one the lesson rules leave out as malformed.
    const connected = new Uint8Array(model.nodes.length);
    for (const edge of model.edges) {
      const source = graph.position(edge.source);
      const target = graph.position(edge.target);
      if (source !== undefined) connected[source] = 1;
      if (target !== undefined) connected[target] = 1;
    }
    for (let at = 0; at < model.nodes.length; at++) {
      if (connected[at] === 1) continue;
      const item = model.nodes[at]!;
      report({
        message: `${named(item)} is not connected to anything`,
        nodeId: item.id,
        fix: `Link ${quoted(item.label)} to the part of the theory it belongs to, or remove it.`,
      });
    }
  },
};

export const outputLeadsSomewhere: Rule = {
  meta: {
    id: 'output-leads-somewhere',
    lesson: null,
    severity: 'warning',
    title: 'Every output leads somewhere',
    rationale: 'An output is a countable product of activities (meetings held, people trained); it matters only through the change it leads to. An output with no outgoing leads-to link answers the "so what?" question with nothing.',
    fix: 'Link the output with leads-to to the mechanism or outcome it contributes to.',
    failing: {
      description: 'Staff are trained, and then?',
      model: exampleModel(
        'Falls prevention network',
        [node('activity', 'a-training', 'Falls training for ward staff'), node('output', 'op-trained', 'Ward staff trained', { unit: 'staff' })],
        [['leads-to', 'a-training', 'op-trained']],
      ),
    },
    passing: {
      description: 'Trained staff check falls risk on admission.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('activity', 'a-training', 'Falls training for ward staff'),
          node('output', 'op-trained', 'Ward staff trained', { unit: 'staff' }),
          node('outcome', 'o-checks', 'Falls risk checked on admission'),
        ],
        [
          ['leads-to', 'a-training', 'op-trained'],
          ['leads-to', 'op-trained', 'o-checks'],
        ],
      ),
    },
  },
  check({ graph, report }) {
    for (const output of graph.nodesOfKind('output')) {
      if (graph.out(output.id, 'leads-to').length > 0) continue;
      report({
        message: `${named(output)} leads nowhere`,
        nodeId: output.id,
        fix: `Link ${quoted(output.label)} with leads-to to the mechanism or outcome it contributes to.`,
      });
    }
  },
};

export const labelUnique: Rule = {
  meta: {
    id: 'label-unique',
    lesson: null,
    severity: 'warning',
    title: 'No two nodes of a kind share a label',
    rationale: 'Two outcomes or two activities with the same label are either one thing drawn twice (and its links are split between the copies) or two things that readers cannot tell apart. Labels are compared trimmed and ignoring case.',
    fix: 'Rename one of the nodes, or merge them if they are the same thing.',
    failing: {
      description: 'Two outcomes with the same label.',
      model: exampleModel('Falls prevention network', [node('outcome', 'o-falls', 'Fewer falls'), node('outcome', 'o-falls-2', 'fewer falls ')]),
    },
    passing: {
      description: 'The outcomes say which falls.',
      model: exampleModel('Falls prevention network', [node('outcome', 'o-falls', 'Fewer falls on pilot wards'), node('outcome', 'o-falls-2', 'Fewer falls on every ward')]),
    },
  },
  check({ graph, report }) {
    const firstByKind = new Map<string, Map<string, string>>();
    for (const item of graph.nodes) {
      let first = firstByKind.get(item.kind);
      if (!first) firstByKind.set(item.kind, (first = new Map()));
      const key = item.label.trim().toLowerCase();
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, item.id);
        continue;
      }
      report({
        message: `${named(item)} has the same label as another ${KIND_NAMES[item.kind].one} (id ${earlier})`,
        nodeId: item.id,
        fix: `Rename one of the two, or merge them if they are the same ${KIND_NAMES[item.kind].one}.`,
      });
    }
  },
};

export const assumptionUnderpins: Rule = {
  meta: {
    id: 'assumption-underpins',
    lesson: null,
    severity: 'warning',
    title: 'Every assumption underpins a step',
    rationale: 'An assumption matters because a step of the theory rests on it; one that underpins nothing cannot be tested against anything, and readers cannot tell which step falls if it is false.',
    fix: 'Link the assumption with underpins to the step that rests on it, or remove it.',
    failing: {
      description: 'A free-floating assumption.',
      model: exampleModel('Falls prevention network', [node('assumption', 'as-time', 'Ward teams have time to act on the falls checks')]),
    },
    passing: {
      description: 'It underpins the outcome it is about.',
      model: exampleModel(
        'Falls prevention network',
        [node('assumption', 'as-time', 'Ward teams have time to act on the falls checks'), node('outcome', 'o-falls', 'Fewer falls on participating wards')],
        [['underpins', 'as-time', 'o-falls']],
      ),
    },
  },
  check({ graph, report }) {
    for (const assumption of graph.nodesOfKind('assumption')) {
      if (graph.out(assumption.id, 'underpins').length > 0) continue;
      report({
        message: `${named(assumption)} underpins nothing`,
        nodeId: assumption.id,
        fix: `Link ${quoted(assumption.label)} with underpins to the step that rests on it, or remove it.`,
      });
    }
  },
};

/** Only sources with this many leads-to successors or fewer are searched, and each search visits at
 * most `SHORTCUT_SEARCH_BUDGET` nodes: the rule stays linear (at most V × budget steps) on any model,
 * at the price of missing shortcuts around very long or very wide detours. */
export const SHORTCUT_MAX_FANOUT = 8;
export const SHORTCUT_SEARCH_BUDGET = 64;

export const redundantShortcut: Rule = {
  meta: {
    id: 'redundant-shortcut',
    lesson: null,
    severity: 'info',
    title: 'No leads-to link repeats a longer path',
    rationale: `When A leads to B and B to C, a further link from A straight to C adds a line to the diagram but no step to the theory, and hides the path the theory actually claims. A direct link that is meant (A also acts on C by another route) should say why in its rationale; links with a rationale are not reported. To stay fast on large models, the search from each node is bounded (${SHORTCUT_MAX_FANOUT} successors, ${SHORTCUT_SEARCH_BUDGET} nodes visited).`,
    fix: 'Remove the direct link, or write in its rationale why the step also acts directly.',
    failing: {
      description: 'Huddles lead to the outcome both directly and through peer norms.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('activity', 'a-huddles', 'Monthly falls huddles'),
          node('mechanism', 'm-peer', 'Nurses adopt the practice of respected peers'),
          node('outcome', 'o-checks', 'Falls risk checked on admission'),
        ],
        [
          ['leads-to', 'a-huddles', 'm-peer'],
          ['leads-to', 'm-peer', 'o-checks'],
          ['leads-to', 'a-huddles', 'o-checks'],
        ],
      ),
    },
    passing: {
      description: 'Only the path through peer norms.',
      model: exampleModel(
        'Falls prevention network',
        [
          node('activity', 'a-huddles', 'Monthly falls huddles'),
          node('mechanism', 'm-peer', 'Nurses adopt the practice of respected peers'),
          node('outcome', 'o-checks', 'Falls risk checked on admission'),
        ],
        [
          ['leads-to', 'a-huddles', 'm-peer'],
          ['leads-to', 'm-peer', 'o-checks'],
        ],
      ),
    },
  },
  check({ model, graph, facts, report }) {
    const { offsets, targets, edges } = facts.leadsTo;
    const n = offsets.length - 1;
    // Each search labels the nodes it reaches with the successor of the source it came through, or
    // MIXED once reached through two; a successor labelled MIXED is reachable by another path.
    const MIXED = -1;
    const searchOf = new Int32Array(n).fill(-1);
    const via = new Int32Array(n);
    const queue = new Int32Array(SHORTCUT_SEARCH_BUDGET + 2 * SHORTCUT_MAX_FANOUT);
    for (let source = 0; source < n; source++) {
      const first = offsets[source]!;
      const fanout = offsets[source + 1]! - first;
      if (fanout < 2 || fanout > SHORTCUT_MAX_FANOUT) continue;
      let tail = 0;
      for (let slot = first; slot < first + fanout; slot++) {
        const next = targets[slot]!;
        if (searchOf[next] === source) continue; // a duplicate link
        searchOf[next] = source;
        via[next] = next;
        queue[tail++] = next;
      }
      for (let head = 0; head < tail && tail < queue.length; head++) {
        const v = queue[head]!;
        for (let slot = offsets[v]!; slot < offsets[v + 1]! && tail < queue.length; slot++) {
          const w = targets[slot]!;
          if (w === source) continue;
          if (searchOf[w] !== source) {
            searchOf[w] = source;
            via[w] = via[v]!;
            queue[tail++] = w;
          } else if (via[w] !== via[v] && via[w] !== MIXED) {
            via[w] = MIXED;
            queue[tail++] = w; // passes the news on
          }
        }
      }
      for (let slot = first; slot < first + fanout; slot++) {
        const target = targets[slot]!;
        const edge = graph.edges[edges[slot]!]!;
        if (via[target] !== MIXED || !isBlank(edge.rationale)) continue;
        const from = model.nodes[source]!;
        const to = model.nodes[target]!;
        report({
          message: `The leads-to link from ${quoted(from.label)} to ${quoted(to.label)} repeats a longer path between them`,
          nodeId: from.id,
          edgeId: edge.id,
          fix: `Remove the direct link from ${quoted(from.label)} to ${quoted(to.label)}, or write in its rationale why it also acts directly.`,
        });
      }
    }
  },
};

const ACTIVITY_VERBS = /^(?:train|hold|run|deliver|provide|set up|develop|establish|recruit|convene|organi[sz]e|implement|conduct|launch|introduce|create|build|host|facilitate|design|hire|fund|teach|educate|publish|distribute|roll out|produce|arrange|offer|send|collect|hold|meet|write)\b/i;

export const outcomeNotActivity: Rule = {
  meta: {
    id: 'outcome-not-activity',
    lesson: null,
    severity: 'info',
    title: 'Outcomes are changes, not tasks',
    rationale: 'An outcome is a change in people, practice or systems. A label that starts with a verb of doing ("Train staff", "Hold meetings") describes an activity, and fails the "so what?" test: what changes because of it? The rule checks outcome and impact labels against a list of such verbs.',
    fix: 'Rephrase the outcome as the change it stands for, and draw the task as an activity that leads to it.',
    failing: {
      description: 'An outcome that is a task.',
      model: exampleModel('Falls prevention network', [node('outcome', 'o-train', 'Train ward staff in falls assessment')]),
    },
    passing: {
      description: 'The change the training is for.',
      model: exampleModel('Falls prevention network', [node('outcome', 'o-skills', 'Ward staff assess falls risk confidently')]),
    },
  },
  check({ graph, report }) {
    for (const kind of ['outcome', 'impact'] as const) {
      for (const item of graph.nodesOfKind(kind)) {
        if (!ACTIVITY_VERBS.test(item.label.trim())) continue;
        report({
          message: `${named(item)} reads like an activity, not a change`,
          nodeId: item.id,
          fix: `Rephrase ${quoted(item.label)} as the change it brings about (who does or has what differently), and draw the task as an activity.`,
        });
      }
    }
  },
};

const RISK_WORDING = /\b(?:may|might)\s+(?:not|fail|be unable|struggle|refuse|resist|lose|drop|withdraw|stop|disengage)\b|\bcould\b|\brisks?\s+(?:of|that)\b|\b(?:danger|threat)\s+(?:of|that)\b/i;

export const riskNotAssumption: Rule = {
  meta: {
    id: 'risk-not-assumption',
    lesson: null,
    severity: 'info',
    title: 'Risks are drawn as risks',
    rationale: 'An assumption is a belief the theory relies on ("Ward teams have time to act"); a risk is something that could go wrong ("Wards may fail to release staff"). A risk written as an assumption cannot be given a likelihood, linked to what it threatens, or mitigated. The rule looks for wording such as "may fail", "might not", "could" or "risk of" in assumption labels.',
    fix: 'Draw it as a risk node with what it threatens and what mitigates it, or rephrase it as the belief the theory relies on.',
    failing: {
      description: 'A risk in the clothes of an assumption.',
      model: exampleModel('Falls prevention network', [node('assumption', 'as-release', 'Wards may fail to release staff for huddles')]),
    },
    passing: {
      description: 'The belief the theory relies on.',
      model: exampleModel('Falls prevention network', [node('assumption', 'as-release', 'Ward managers release staff for huddles')]),
    },
  },
  check({ graph, report }) {
    for (const assumption of graph.nodesOfKind('assumption')) {
      if (!RISK_WORDING.test(assumption.label)) continue;
      report({
        message: `${named(assumption)} is worded as a risk`,
        nodeId: assumption.id,
        fix: `Draw ${quoted(assumption.label)} as a risk with what it threatens and what mitigates it, or rephrase it as the belief the theory relies on.`,
      });
    }
  },
};

export const siteReferenceValid: Rule = {
  meta: {
    id: 'site-reference-valid',
    lesson: null,
    severity: 'warning',
    title: 'Site references name declared sites',
    rationale: 'Stakeholders and context factors may say which site they belong to; the site should be one of the sites declared in the model\'s community.sites, or the site-based checks of lessons 4, 5 and 8 count sites that are only typing slips.',
    fix: 'Add the site to community.sites, or correct the site id.',
    failing: {
      description: 'The site team names a site that is not declared.',
      model: exampleModel('Falls prevention network', [node('stakeholder', 's-north', 'North General ward team', { role: 'site-team', site: 'nrth' })], [], {
        community: { sites: [{ id: 'north', name: 'North General' }] },
      }),
    },
    passing: {
      description: 'The site id matches.',
      model: exampleModel('Falls prevention network', [node('stakeholder', 's-north', 'North General ward team', { role: 'site-team', site: 'north' })], [], {
        community: { sites: [{ id: 'north', name: 'North General' }] },
      }),
    },
  },
  check({ model, graph, report }) {
    const declared = new Set((model.community?.sites ?? []).map((s) => s.id));
    for (const item of [...graph.nodesOfKind('stakeholder'), ...graph.nodesOfKind('context')]) {
      if (item.site === undefined || declared.has(item.site)) continue;
      const suggestion = closestMatch(item.site, declared);
      report({
        message: `${named(item)} names the site ${quoted(item.site)}, which is not in the model's site list${suggestion ? ` (did you mean ${quoted(suggestion)}?)` : ''}`,
        nodeId: item.id,
        fix: suggestion ? `Change the site of ${quoted(item.label)} to ${quoted(suggestion)}, or add the site to community.sites.` : `Add ${quoted(item.site)} to community.sites, or correct the site of ${quoted(item.label)}.`,
      });
    }
  },
};

export const lintConfigValid: Rule = {
  meta: {
    id: 'lint-config-valid',
    lesson: null,
    severity: 'warning',
    title: "The model's rule settings name real rules and nodes",
    rationale: "A rule setting or suppression with a misspelt rule id, or a suppression whose target names no node or edge, silently does nothing; the model's author believes a finding is configured or explained when it is not. Suppressions of enabled rules that match no finding are reported too (as info), so stale explanations do not pile up.",
    fix: 'Correct the rule id (see `toc rules`) or the target id, or remove the setting.',
    failing: {
      description: 'A misspelt rule id in the settings.',
      model: exampleModel('Falls prevention network', [node('impact', 'i-aim', 'Fewer harmful falls in hospital')], [], { lint: { rules: { 'outcome-measured': 'warning' } } }),
    },
    passing: {
      description: 'The rule id exists.',
      model: exampleModel('Falls prevention network', [node('impact', 'i-aim', 'Fewer harmful falls in hospital')], [], { lint: { rules: { 'outcomes-measured': 'warning' } } }),
    },
  },
  check({ model, graph, facts, ruleIds, report }) {
    const unknown = (id: string) => {
      const suggestion = closestMatch(id, ruleIds);
      return suggestion ? ` (did you mean ${quoted(suggestion)}?)` : '';
    };
    for (const id of Object.keys(model.lint?.rules ?? {})) {
      if (ruleIds.has(id)) continue;
      report({
        message: `The model's lint settings name an unknown rule ${quoted(id)}${unknown(id)}`,
        fix: 'Correct the rule id (see `toc rules`) or remove the setting.',
      });
    }
    for (const suppression of model.lint?.suppressions ?? []) {
      if (!ruleIds.has(suppression.rule)) {
        report({
          message: `A suppression names an unknown rule ${quoted(suppression.rule)}${unknown(suppression.rule)}`,
          fix: 'Correct the rule id of the suppression (see `toc rules`) or remove it.',
        });
      }
      if (suppression.target !== undefined && !graph.node(suppression.target) && !facts.edgeIds.has(suppression.target)) {
        report({
          message: `The suppression of ${quoted(suppression.rule)} targets ${quoted(suppression.target)}, which is no node or edge of the model`,
          fix: 'Correct the target to the id of the node or edge the finding is about, or remove the suppression.',
        });
      }
    }
  },
};

export const STRUCTURAL_RULES: readonly Rule[] = [
  edgeEndpoints,
  selfLoop,
  leadsToCycle,
  nodeConnected,
  outputLeadsSomewhere,
  labelUnique,
  assumptionUnderpins,
  redundantShortcut,
  outcomeNotActivity,
  riskNotAssumption,
  siteReferenceValid,
  lintConfigValid,
];
