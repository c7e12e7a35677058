// The lifecycle as a graph, and its editor: React Flow draws it, ELK lays it out (nodes and the arrows' routes and labels,
// so labels never sit on each other). Connecting two states asks for a new transition; clicking a state or an arrow's label
// selects it. Loaded only when a designer opens the page.
import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import {
  BaseEdge, Background, Controls, EdgeLabelRenderer, Handle, MarkerType, Position, ReactFlow,
  type Connection, type Edge, type EdgeProps, type Node, type NodeProps, type ReactFlowInstance,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './lifecycles.css';
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useStudioI18n, type StudioKey } from '../i18n';
import { shortLabel, transitionLabel, type WorkflowJson } from './model';

const elk = new ELK();
const width = 190;
const height = 86;
const labelHeight = 22;
/** Roughly how wide a short label is at the graph's font (a trigger and "+n"). */
const labelWidth = (text: string) => Math.ceil(text.length * 6.6) + 16;

export type Selection = { kind: 'state'; name: string } | { kind: 'transition'; index: number } | null;

interface Layout {
  positions: Map<string, { x: number; y: number }>;
  routes: Map<number, { points: { x: number; y: number }[]; label: { x: number; y: number } | null }>;
  key: string;
}

interface Props {
  workflow: WorkflowJson;
  counts: Record<string, number>;
  /** Problem codes per state (UNREACHABLE, AMBIGUOUS…), from validateWorkflow. */
  stateProblems: Map<string, string[]>;
  /** Problem codes per transition index (AMBIGUOUS for two that do not exclude each other). */
  transitionProblems: Map<number, string[]>;
  label: string;
  selected: Selection;
  onSelect: (selection: Selection) => void;
  /** Two states connected: the page asks for the transition's trigger, guards and activities. */
  onConnect?: (from: string, to: string) => void;
  /** Delete pressed on a selection. */
  onRemove?: () => void;
}

type StateData = { name: string; status: string; initial: boolean; timer: string | null; count: number; problems: string[]; editable: boolean };
type StateNode = Node<StateData, 'state'>;
type TransitionData = { index: number; short: string; full: string; points: { x: number; y: number }[]; labelAt: { x: number; y: number } | null; problems: string[]; onSelect: (index: number) => void };
type TransitionEdge = Edge<TransitionData, 'transition'>;

/** What a refusal says on the graph, in words (never colour alone). */
const problemWords: Record<string, StudioKey> = {
  UNREACHABLE: 'lifecycles.problem.UNREACHABLE',
  AMBIGUOUS: 'lifecycles.problem.AMBIGUOUS',
};

const StateBox = memo(function StateBox({ data, selected }: NodeProps<StateNode>) {
  const { t } = useStudioI18n();
  const bad = data.problems.length > 0;
  return (
    <div
      className={`graph-node${bad ? ' graph-node--problem' : ''}${selected ? ' graph-node--selected' : ''}`}
      data-state={data.name}
      data-problem={bad ? 'true' : undefined}
      data-problems={bad ? data.problems.join(' ') : undefined}
    >
      <Handle type="target" position={Position.Top} isConnectable={data.editable} />
      <strong>{data.name}</strong>
      {data.initial ? <span title={t('lifecycles.initial')}> ▶</span> : null}
      <br />
      {data.status}
      {data.timer ? <><br /><span className="graph-node__timer">{data.timer}</span></> : null}
      <br />
      <span className="graph-node__count" title={t('lifecycles.count')}>{data.count}</span>
      {bad && (
        <span className="graph-node__problem">
          <span aria-hidden="true">⚠ </span>
          {data.problems.map((code) => t(problemWords[code] ?? 'lifecycles.problem.other')).join('; ')}
        </span>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={data.editable} />
    </div>
  );
});

const TransitionArrow = memo(function TransitionArrow({ id, data, markerEnd, selected }: EdgeProps<TransitionEdge>) {
  const { t } = useStudioI18n();
  if (!data) return null;
  const bad = data.problems.length > 0;
  const path = data.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`graph-edge${bad ? ' graph-edge--problem' : ''}${selected ? ' graph-edge--selected' : ''}`} interactionWidth={14} />
      {data.labelAt && (
        <EdgeLabelRenderer>
          <button
            type="button"
            className={`graph-edge-label nodrag nopan${bad ? ' graph-edge-label--problem' : ''}${selected ? ' graph-edge-label--selected' : ''}`}
            // Placed where ELK made room for it (React sets it through the style object, which the CSP allows).
            style={{ transform: `translate(${data.labelAt.x}px, ${data.labelAt.y}px)` }}
            title={data.full}
            aria-pressed={selected}
            data-transition={data.index}
            data-problem={bad ? 'true' : undefined}
            onClick={() => data.onSelect(data.index)}
          >
            {bad && <span aria-hidden="true">⚠ </span>}
            {data.short}
            <span className="visually-hidden">{`: ${data.full}`}{bad ? ` (${t('lifecycles.problem.AMBIGUOUS')})` : ''}</span>
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

const nodeTypes = { state: StateBox };
const edgeTypes = { transition: TransitionArrow };

/** ELK's layered layout with room for every arrow's label between the layers. */
async function layOut(workflow: WorkflowJson): Promise<Layout> {
  const names = new Set(workflow.states.map((s) => s.name));
  const edges: ElkExtendedEdge[] = workflow.transitions.flatMap((t, index) =>
    names.has(t.from) && names.has(t.to)
      ? [{ id: `t${index}`, sources: [t.from], targets: [t.to], labels: [{ id: `l${index}`, text: shortLabel(t), width: labelWidth(shortLabel(t)), height: labelHeight }] }]
      : []);
  const graph: ElkNode = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.layered.spacing.edgeNodeBetweenLayers': '24',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '14',
      'elk.spacing.nodeNode': '50',
      'elk.spacing.edgeEdge': '14',
      'elk.spacing.edgeLabel': '4',
      'elk.spacing.edgeNode': '20',
      'elk.edgeLabels.inline': 'false',
      'elk.layered.edgeLabels.sideSelection': 'SMART_DOWN',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: workflow.states.map((s) => ({ id: s.name, width, height })),
    edges,
  });
  const positions = new Map((graph.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  const routes: Layout['routes'] = new Map();
  for (const edge of (graph.edges ?? []) as ElkExtendedEdge[]) {
    const section = edge.sections?.[0];
    if (!section) continue;
    const label = edge.labels?.[0];
    routes.set(Number(edge.id.slice(1)), {
      points: [section.startPoint, ...(section.bendPoints ?? []), section.endPoint],
      label: label && label.x !== undefined && label.y !== undefined ? { x: label.x, y: label.y } : null,
    });
  }
  return { positions, routes, key: JSON.stringify({ s: workflow.states.map((s) => s.name), t: workflow.transitions.map((x) => [x.from, x.to, shortLabel(x)]) }) };
}

export default function WorkflowGraph({ workflow, counts, stateProblems, transitionProblems, label, selected, onSelect, onConnect, onRemove }: Props) {
  const { t } = useStudioI18n();
  const [layout, setLayout] = useState<Layout | null>(null);
  const editable = onConnect !== undefined;
  useEffect(() => {
    let live = true;
    layOut(workflow).then(
      (done) => live && setLayout(done),
      () => live && setLayout({ positions: new Map(), routes: new Map(), key: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [workflow]);

  const nodes: StateNode[] = useMemo(() => (layout ? workflow.states.filter((s) => layout.positions.has(s.name)).map((state) => ({
    id: state.name,
    type: 'state' as const,
    position: layout.positions.get(state.name)!,
    selected: selected?.kind === 'state' && selected.name === state.name,
    draggable: false,
    ariaLabel: `${state.name}, ${state.status}${stateProblems.has(state.name) ? ` — ${stateProblems.get(state.name)!.map((c) => t(problemWords[c] ?? 'lifecycles.problem.other')).join('; ')}` : ''}`,
    data: {
      name: state.name,
      status: state.status,
      initial: state.name === workflow.initial,
      timer: state.timer ? t('lifecycles.timer', { trigger: state.timer.trigger, at: state.timer.at }) : null,
      count: counts[state.name] ?? 0,
      problems: stateProblems.get(state.name) ?? [],
      editable,
    },
    style: { width },
  })) : []), [layout, workflow, selected, stateProblems, counts, editable, t]);

  const edges: TransitionEdge[] = useMemo(() => (layout ? workflow.transitions.flatMap((x, index) => {
    const route = layout.routes.get(index);
    if (!route) return [];
    return [{
      id: `t${index}`,
      source: x.from,
      target: x.to,
      type: 'transition' as const,
      selected: selected?.kind === 'transition' && selected.index === index,
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
      data: { index, short: shortLabel(x), full: `${x.from} → ${x.to}: ${transitionLabel(x)}`, points: route.points, labelAt: route.label, problems: transitionProblems.get(index) ?? [], onSelect: (i: number) => onSelect({ kind: 'transition', index: i }) },
    }];
  }) : []), [layout, workflow, selected, transitionProblems, onSelect]);

  // The whole lifecycle stays in view when the frame changes size (a phone turned, a window narrowed).
  const frame = useRef<HTMLDivElement>(null);
  const flow = useRef<ReactFlowInstance<StateNode, TransitionEdge> | null>(null);
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(() => void flow.current?.fitView({ padding: 0.04 }));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const keyDown = (event: KeyboardEvent) => {
    if ((event.key === 'Delete' || event.key === 'Backspace') && selected && onRemove && !(event.target instanceof HTMLInputElement)) {
      event.preventDefault();
      onRemove();
    }
  };

  return (
    <div className="graph" role="region" aria-label={label} onKeyDown={keyDown} ref={frame}>
      {layout && (
        <ReactFlow<StateNode, TransitionEdge>
          key={layout.key}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          fitView
          fitViewOptions={{ padding: 0.04 }}
          minZoom={0.2}
          nodesDraggable={false}
          nodesConnectable={editable}
          elementsSelectable
          deleteKeyCode={null}
          onNodeClick={(_, node) => onSelect({ kind: 'state', name: node.id })}
          onEdgeClick={(_, edge) => onSelect({ kind: 'transition', index: Number(edge.id.slice(1)) })}
          onPaneClick={() => onSelect(null)}
          onInit={(instance) => {
            flow.current = instance;
          }}
          onConnect={(connection: Connection) => connection.source && connection.target && onConnect?.(connection.source, connection.target)}
          proOptions={{ hideAttribution: false }}
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      )}
    </div>
  );
}
