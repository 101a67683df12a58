// The inspector: the selected node or link with every attribute of its kind (fields generated from
// the schemas), or the model's settings when nothing is selected.
import { memo, useId, useMemo, useRef, useState } from 'react';
import {
  APPROACHES,
  EDGE_KINDS,
  edgeKindsBetween,
  ID_PATTERN,
  NODE_KINDS,
  PROBLEM_TYPES,
  READINESS,
  RULE_SETTINGS,
  type EdgeKind,
  type NodeKind,
  type TocEdge,
  type TocNode,
} from '../../model';
import { nodeTag } from '../../render/text';
import { NODE_STYLES } from '../../render/theme';
import {
  addMetaItem,
  changeEdgeKind,
  changeNodeKind,
  removeMetaItem,
  renameSite,
  setMetaValue,
  updateEdge,
  updateMeta,
  updateNode,
} from '../commands';
import { EDGE_VERBS, thirdPerson } from '../connect';
import { edgeAttributeFields, humanise, nodeAttributeFields, type FieldSpec } from '../fields';
import { useController, useEditor, useUi } from './context';
import { togglePathway } from '../reading';
import { CheckboxField, DateField, Group, NumberField, SelectField, TextField } from './Fields';
import { KindSwatch } from './Palette';

type Plain = Record<string, unknown>;

export function Inspector() {
  const selectedNode = useEditor((s) => (s.selection.nodes.size === 1 && s.selection.edges.size === 0 ? s.doc.nodes.get([...s.selection.nodes][0]!) : undefined));
  const selectedEdge = useEditor((s) => (s.selection.edges.size === 1 && s.selection.nodes.size === 0 ? s.doc.edges.get([...s.selection.edges][0]!) : undefined));
  const count = useEditor((s) => s.selection.nodes.size + s.selection.edges.size);
  let body;
  if (selectedNode) body = <NodeInspector key={selectedNode.id} node={selectedNode} />;
  else if (selectedEdge) body = <EdgeInspector key={selectedEdge.id} edge={selectedEdge} />;
  else if (count > 1) body = <MultiInspector />;
  else body = <ModelSettings />;
  return (
    <section className="inspector" aria-labelledby="inspector-heading">
      <h2 id="inspector-heading" className="panel-heading">
        {selectedNode ? 'Node' : selectedEdge ? 'Link' : count > 1 ? 'Selection' : 'Model settings'}
      </h2>
      {body}
    </section>
  );
}

function AttributeField({ spec, item, onChange }: { spec: FieldSpec; item: Plain; onChange: (key: string, value: unknown, coalesce?: boolean) => void }) {
  const value = item[spec.key];
  switch (spec.type) {
    case 'enum':
      return <SelectField label={spec.label} value={value as string | undefined} options={spec.options} onChange={(v) => onChange(spec.key, v)} />;
    case 'boolean':
      return <CheckboxField label={spec.label} value={value as boolean | undefined} onChange={(v) => onChange(spec.key, v)} />;
    case 'date':
      return <DateField label={spec.label} value={value as string | undefined} onChange={(v) => onChange(spec.key, v)} />;
    case 'number':
      return <NumberField label={spec.label} value={value as number | undefined} min={spec.min} integer={spec.integer} onChange={(v) => onChange(spec.key, v, true)} />;
    case 'site':
      return <SiteSelect label={spec.label} value={value as string | undefined} onChange={(v) => onChange(spec.key, v)} />;
    case 'edge':
      return <LeadsToSelect label={spec.label} edge={item as TocEdge} onChange={(v) => onChange(spec.key, v)} />;
    case 'string':
      return <TextField label={spec.label} value={value as string | undefined} onChange={(v) => onChange(spec.key, v, true)} />;
  }
}

function SiteSelect({ label, value, onChange }: { label: string; value: string | undefined; onChange: (v: string | undefined) => void }) {
  const sites = useEditor((s) => s.doc.meta.community?.sites);
  const options = (sites ?? []).map((site) => ({ value: site.id, label: `${site.name} (${site.id})` }));
  return <SelectField label={label} value={value} options={options} onChange={onChange} emptyLabel={options.length ? '— not set —' : '— add sites in the model settings —'} />;
}

function LeadsToSelect({ label, edge, onChange }: { label: string; edge: TocEdge; onChange: (v: string | undefined) => void }) {
  const doc = useEditor((s) => s.doc);
  const options = [...doc.edges.values()]
    .filter((e) => e.kind === 'leads-to' && e.target === edge.target)
    .map((e) => ({ value: e.id, label: `${doc.nodes.get(e.source)?.label ?? e.source} → ${doc.nodes.get(e.target)?.label ?? e.target}` }));
  return <SelectField label={label} value={edge.kind === 'underpins' ? edge.edge : undefined} options={options} onChange={onChange} emptyLabel="— the node as a whole —" />;
}

const validLabel = (value: string) => (value.trim() === '' ? 'A label is required.' : value.length > 200 ? 'At most 200 characters.' : undefined);

function NodeInspector({ node }: { node: TocNode }) {
  const controller = useController();
  const { store } = controller;
  const id = node.id;
  const set = (key: string, value: unknown, coalesce = false) => store.dispatch(updateNode(id, { [key]: value }, coalesce ? `node:${id}:${key}` : undefined));
  const style = NODE_STYLES[node.kind];
  const pathwayShown = useUi((s) => s.reading.focus?.length === 1 && s.reading.focus[0] === id);
  return (
    <div className="inspector__body">
      <p className="inspector__kind">
        <KindSwatch kind={node.kind} />
        <span className="inspector__tag" style={{ color: style.tagColour }}>{nodeTag(node)}</span>
        <span className="inspector__id">id {id}</span>
      </p>
      <TextField id="inspector-label" label="Label" value={node.label} required maxLength={200} validate={validLabel} onChange={(v) => set('label', v, true)} />
      <TextField label="Description" value={node.description} multiline onChange={(v) => set('description', v, true)} hint="Markdown is allowed." />
      <SelectField
        label="Kind"
        value={node.kind}
        allowEmpty={false}
        options={NODE_KINDS.map((k) => ({ value: k, label: humanise(NODE_STYLES[k].name) }))}
        onChange={(v) => v && store.dispatch(changeNodeKind(store.getState().doc, id, v as NodeKind))}
      />
      <Group title={`${humanise(style.name)} attributes`}>
        {nodeAttributeFields(node.kind).map((spec) => (
          <AttributeField key={spec.key} spec={spec} item={node as Plain} onChange={set} />
        ))}
      </Group>
      <TextField
        label="Tags"
        hint="Separated by commas."
        value={node.tags?.join(', ')}
        onChange={(v) => {
          const tags = (v ?? '').split(',').map((t) => t.trim()).filter(Boolean);
          set('tags', tags.length ? tags : undefined, true);
        }}
      />
      <CheckboxField label="Pinned (auto-layout leaves it in place)" value={node.pinned} onChange={(v) => set('pinned', v)} />
      <NodeLinks node={node} />
      <div className="button-row">
        <button type="button" aria-pressed={pathwayShown} onClick={() => togglePathway(controller, [id])}>Highlight its pathway</button>
        <button type="button" onClick={() => controller.duplicate()}>Duplicate</button>
        <button type="button" className="danger" onClick={() => controller.deleteSelection()}>Delete node</button>
      </div>
    </div>
  );
}

function NodeLinks({ node }: { node: TocNode }) {
  const controller = useController();
  const nodes = useEditor((s) => s.doc.nodes);
  const edges = useEditor((s) => s.doc.edges);
  const links = useMemo(() => [...edges.values()].filter((e) => e.source === node.id || e.target === node.id), [edges, node.id]);
  return (
    <Group title={`Links (${links.length})`}>
      {links.length > 0 && (
        <ul className="link-list">
          {links.map((edge) => {
            const outgoing = edge.source === node.id;
            const other = nodes.get(outgoing ? edge.target : edge.source);
            const text = outgoing
              ? `${thirdPerson(EDGE_VERBS[edge.kind])} “${other?.label}”`
              : `“${other?.label}” ${thirdPerson(EDGE_VERBS[edge.kind])} this`;
            return (
              <li key={edge.id}>
                <button type="button" className="link-button" onClick={() => controller.focusElement(edge.id)}>
                  {text}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <AddLink node={node} />
    </Group>
  );
}

/**
 * The nodes a link from this one can go to, as the same array while none of them changed: typing in
 * this node's label must not rebuild a list of every other node (2,000 options in a large model).
 */
function useLinkCandidates(node: TocNode): readonly TocNode[] {
  const nodes = useEditor((s) => s.doc.nodes);
  const cache = useRef<readonly TocNode[]>([]);
  return useMemo(() => {
    const linkable = new Set(NODE_KINDS.filter((kind) => edgeKindsBetween(node.kind, kind).length > 0));
    const next = [...nodes.values()].filter((other) => other.id !== node.id && linkable.has(other.kind));
    const previous = cache.current;
    if (next.length === previous.length && next.every((other, i) => other === previous[i])) return previous;
    return (cache.current = next);
  }, [nodes, node.id, node.kind]);
}

const NodeOptions = memo(function NodeOptions({ nodes }: { nodes: readonly TocNode[] }) {
  return nodes.map((other) => (
    <option key={other.id} value={other.id}>
      {nodeTag(other)}: {other.label}
    </option>
  ));
});

/** The keyboard way to connect: choose a node and a kind instead of dragging a handle. */
function AddLink({ node }: { node: TocNode }) {
  const controller = useController();
  const [target, setTarget] = useState('');
  const [kind, setKind] = useState<EdgeKind | ''>('');
  const id = useId();
  const candidates = useLinkCandidates(node);
  const targetNode = target ? candidates.find((other) => other.id === target) : undefined;
  const kinds = targetNode ? edgeKindsBetween(node.kind, targetNode.kind) : [];
  const chosen = kinds.length === 1 ? kinds[0] : kinds.includes(kind as EdgeKind) ? (kind as EdgeKind) : undefined;
  if (candidates.length === 0) return <p className="hint">Nothing in the model can be linked from this {NODE_STYLES[node.kind].name}.</p>;
  return (
    <div className="add-link">
      <div className="field">
        <label htmlFor={`${id}-target`}>Add a link to</label>
        <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">— choose a node —</option>
          <NodeOptions nodes={candidates} />
        </select>
      </div>
      {kinds.length > 1 && (
        <SelectField
          label="Kind of link"
          value={kind || undefined}
          options={kinds.map((k) => ({ value: k, label: EDGE_VERBS[k] }))}
          onChange={(v) => setKind((v as EdgeKind) ?? '')}
          emptyLabel="— choose —"
        />
      )}
      <button
        type="button"
        disabled={!chosen}
        onClick={() => {
          if (!chosen || !targetNode) return;
          controller.createEdge(chosen, node.id, targetNode.id);
          setTarget('');
          setKind('');
        }}
      >
        Add link
      </button>
    </div>
  );
}

function EdgeInspector({ edge }: { edge: TocEdge }) {
  const controller = useController();
  const { store } = controller;
  const source = useEditor((s) => s.doc.nodes.get(edge.source));
  const target = useEditor((s) => s.doc.nodes.get(edge.target));
  const id = edge.id;
  const set = (key: string, value: unknown, coalesce = false) => store.dispatch(updateEdge(id, { [key]: value }, coalesce ? `edge:${id}:${key}` : undefined));
  const fitting = source && target ? edgeKindsBetween(source.kind, target.kind) : [];
  const kinds = EDGE_KINDS.filter((k) => fitting.includes(k) || k === edge.kind);
  return (
    <div className="inspector__body">
      <p className="inspector__edge">
        <button type="button" className="link-button" onClick={() => controller.focusElement(edge.source)}>“{source?.label}”</button>{' '}
        {thirdPerson(EDGE_VERBS[edge.kind])}{' '}
        <button type="button" className="link-button" onClick={() => controller.focusElement(edge.target)}>“{target?.label}”</button>
        <span className="inspector__id">id {id}</span>
      </p>
      {!fitting.includes(edge.kind) && (
        <p className="field__error">The spec does not allow this kind of link between these two kinds of node.</p>
      )}
      <SelectField
        label="Kind of link"
        value={edge.kind}
        allowEmpty={false}
        options={kinds.map((k) => ({ value: k, label: `${k} (${EDGE_VERBS[k]})` }))}
        onChange={(v) => v && store.dispatch(changeEdgeKind(store.getState().doc, id, v as EdgeKind))}
      />
      <TextField label="Rationale (why this link holds)" value={edge.rationale} multiline onChange={(v) => set('rationale', v, true)} />
      <TextField label="Evidence" value={edge.evidence} onChange={(v) => set('evidence', v, true)} />
      <TextField label="Label on the canvas" value={edge.label} onChange={(v) => set('label', v, true)} />
      {edgeAttributeFields(edge.kind).length > 0 && (
        <Group title={`${humanise(edge.kind)} attributes`}>
          {edgeAttributeFields(edge.kind).map((spec) => (
            <AttributeField key={spec.key} spec={spec} item={edge as Plain} onChange={set} />
          ))}
        </Group>
      )}
      <div className="button-row">
        <button type="button" className="danger" onClick={() => controller.deleteSelection()}>Delete link</button>
      </div>
    </div>
  );
}

function MultiInspector() {
  const controller = useController();
  const nodes = useEditor((s) => s.selection.nodes.size);
  const edges = useEditor((s) => s.selection.edges.size);
  return (
    <div className="inspector__body">
      <p>
        {nodes} node{nodes === 1 ? '' : 's'} and {edges} link{edges === 1 ? '' : 's'} selected.
      </p>
      <div className="button-row">
        {nodes > 0 && <button type="button" onClick={() => controller.duplicate()}>Duplicate</button>}
        <button type="button" className="danger" onClick={() => controller.deleteSelection()}>Delete</button>
        <button type="button" onClick={() => controller.store.setSelection({ nodes: new Set(), edges: new Set() })}>Select nothing</button>
      </div>
    </div>
  );
}

const validTitle = (value: string) => (value.trim() === '' ? 'A title is required.' : value.length > 200 ? 'At most 200 characters.' : undefined);

function ModelSettings() {
  const { store } = useController();
  const meta = useEditor((s) => s.doc.meta);
  const setTop = (key: string, value: unknown) => store.dispatch(updateMeta({ [key]: value }, `meta:${key}`));
  const setPath = (path: (string | number)[], value: unknown, coalesce = true) => store.dispatch(setMetaValue(path, value, coalesce ? `meta:${path.join('.')}` : undefined));
  return (
    <div className="inspector__body">
      <TextField label="Title" value={meta.title} required maxLength={200} validate={validTitle} onChange={(v) => v && setTop('title', v)} />
      <TextField label="Summary" value={meta.summary} multiline onChange={(v) => setTop('summary', v)} />
      <TextField label="Problem (what the programme addresses, and for whom)" value={meta.problem} multiline onChange={(v) => setTop('problem', v)} />
      <TextField label="Narrative (Markdown)" value={meta.narrative} multiline onChange={(v) => setTop('narrative', v)} />
      <Group title="Community approach">
        <SelectField label="Approach" value={meta.community?.approach} options={APPROACHES} onChange={(v) => setPath(['community', 'approach'], v, false)} />
        <SelectField label="Problem type" value={meta.community?.problemType} options={PROBLEM_TYPES} onChange={(v) => setPath(['community', 'problemType'], v, false)} />
        <TextField label="Membership (who may join, how members are recruited)" value={meta.community?.membership} multiline onChange={(v) => setPath(['community', 'membership'], v)} />
      </Group>
      <Sites />
      <Group title="Review">
        <DateField label="Last reviewed" value={meta.review?.lastReviewed} onChange={(v) => setPath(['review', 'lastReviewed'], v, false)} />
        <NumberField label="Review interval (months)" value={meta.review?.intervalMonths} min={1} integer onChange={(v) => setPath(['review', 'intervalMonths'], v)} />
      </Group>
      <EvidenceList />
      <RuleOverrides />
      <Suppressions />
    </div>
  );
}

function Sites() {
  const { store } = useController();
  const sites = useEditor((s) => s.doc.meta.community?.sites);
  const list = sites ?? [];
  const setField = (index: number, key: string, value: unknown, coalesce = false) =>
    store.dispatch(setMetaValue(['community', 'sites', index, key], value, coalesce ? `site:${index}:${key}` : undefined));
  const addSite = () => {
    const taken = new Set(list.map((s) => s.id));
    let n = list.length + 1;
    while (taken.has(`site-${n}`)) n++;
    store.dispatch(addMetaItem(['community', 'sites'], { id: `site-${n}`, name: `Site ${n}` }));
  };
  return (
    <Group title={`Sites (${list.length})`}>
      {list.map((site, index) => (
        <div className="list-item" key={index}>
          <TextField
            label={`Site ${index + 1} id`}
            value={site.id}
            required
            validate={(v) =>
              !ID_PATTERN.test(v) ? 'Use 1–64 letters, digits or _ - . : (no spaces).' : list.some((s, i) => i !== index && s.id === v) ? 'Another site has this id.' : undefined
            }
            onChange={(v) => v && store.dispatch(renameSite(index, v))}
          />
          <TextField label={`Site ${index + 1} name`} value={site.name} required onChange={(v) => v && setField(index, 'name', v, true)} />
          <SelectField label={`Site ${index + 1} readiness`} value={site.readiness} options={READINESS} onChange={(v) => setField(index, 'readiness', v)} />
          <CheckboxField label={`Site ${index + 1} baseline assessed`} value={site.baselineAssessed} onChange={(v) => setField(index, 'baselineAssessed', v)} />
          <button type="button" className="link-button danger" onClick={() => store.dispatch(removeMetaItem(['community', 'sites'], index))}>
            Remove site {site.name}
          </button>
        </div>
      ))}
      <button type="button" onClick={addSite}>Add site</button>
    </Group>
  );
}

function EvidenceList() {
  const { store } = useController();
  const evidence = useEditor((s) => s.doc.meta.evidence);
  const list = evidence ?? [];
  return (
    <Group title={`Evidence for the intervention (${list.length})`}>
      {list.map((item, index) => (
        <div className="list-item" key={index}>
          <TextField label={`Reference ${index + 1} citation`} value={item.citation} required multiline onChange={(v) => v && store.dispatch(setMetaValue(['evidence', index, 'citation'], v, `evidence:${index}:citation`))} />
          <TextField label={`Reference ${index + 1} URL`} type="url" value={item.url} onChange={(v) => store.dispatch(setMetaValue(['evidence', index, 'url'], v, `evidence:${index}:url`))} />
          <button type="button" className="link-button danger" onClick={() => store.dispatch(removeMetaItem(['evidence'], index))}>
            Remove reference {index + 1}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => store.dispatch(addMetaItem(['evidence'], { citation: 'New reference' }))}>Add reference</button>
    </Group>
  );
}

function RuleInput({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const controller = useController();
  useUi((s) => s.lintReady);
  const rules = controller.lintModule?.rules;
  const id = useId();
  if (rules && rules.size > 0) {
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">— choose a rule —</option>
          {[...rules.values()].map((rule) => (
            <option key={rule.id} value={rule.id}>
              {rule.id}: {rule.title}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value.trim())} />
    </div>
  );
}

function RuleOverrides() {
  const { store } = useController();
  const rules = useEditor((s) => s.doc.meta.lint?.rules);
  const [rule, setRule] = useState('');
  const [setting, setSetting] = useState<string>('warning');
  const entries = Object.entries(rules ?? {});
  return (
    <Group title={`Rule settings for this model (${entries.length})`}>
      {entries.map(([id, value]) => (
        <div className="list-item list-item--row" key={id}>
          <SelectField label={`Rule ${id}`} value={value} allowEmpty={false} options={RULE_SETTINGS} onChange={(v) => store.dispatch(setMetaValue(['lint', 'rules', id], v))} />
          <button type="button" className="link-button danger" onClick={() => store.dispatch(setMetaValue(['lint', 'rules', id], undefined))}>
            Remove setting for {id}
          </button>
        </div>
      ))}
      <div className="add-form">
        <RuleInput label="Rule" value={rule} onChange={setRule} />
        <SelectField label="Setting" value={setting} allowEmpty={false} options={RULE_SETTINGS} onChange={(v) => setSetting(v ?? 'warning')} />
        <button
          type="button"
          disabled={!rule}
          onClick={() => {
            store.dispatch(setMetaValue(['lint', 'rules', rule], setting));
            setRule('');
          }}
        >
          Add rule setting
        </button>
      </div>
    </Group>
  );
}

function Suppressions() {
  const { store } = useController();
  const suppressions = useEditor((s) => s.doc.meta.lint?.suppressions);
  const doc = useEditor((s) => s.doc);
  const [rule, setRule] = useState('');
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const targetId = useId();
  const list = suppressions ?? [];
  const name = (id: string | undefined) => {
    if (id === undefined) return 'the whole model';
    const node = doc.nodes.get(id);
    if (node) return `“${node.label}”`;
    const edge = doc.edges.get(id);
    return edge ? `link ${edge.id}` : `${id} (not in the model)`;
  };
  return (
    <Group title={`Suppressed findings (${list.length})`}>
      {list.map((item, index) => (
        <div className="list-item" key={index}>
          <p className="list-item__title">
            {item.rule} on {name(item.target)}
          </p>
          <TextField
            label={`Reason for suppressing ${item.rule}`}
            value={item.reason}
            required
            multiline
            validate={(v) => (/\S/.test(v) ? undefined : 'A suppression needs a reason.')}
            onChange={(v) => v && store.dispatch(setMetaValue(['lint', 'suppressions', index, 'reason'], v, `suppression:${index}`))}
          />
          <button type="button" className="link-button danger" onClick={() => store.dispatch(removeMetaItem(['lint', 'suppressions'], index))}>
            Remove suppression of {item.rule}
          </button>
        </div>
      ))}
      <div className="add-form">
        <RuleInput label="Rule to suppress" value={rule} onChange={setRule} />
        <div className="field">
          <label htmlFor={targetId}>On</label>
          <select id={targetId} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">the whole model</option>
            {[...doc.nodes.values()].map((node) => (
              <option key={node.id} value={node.id}>
                {nodeTag(node)}: {node.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={reasonId}>Reason</label>
          <textarea id={reasonId} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <button
          type="button"
          disabled={!rule || !/\S/.test(reason)}
          onClick={() => {
            store.dispatch(addMetaItem(['lint', 'suppressions'], { rule, ...(target ? { target } : {}), reason: reason.trim() }));
            setRule('');
            setTarget('');
            setReason('');
          }}
        >
          Add suppression
        </button>
      </div>
    </Group>
  );
}
