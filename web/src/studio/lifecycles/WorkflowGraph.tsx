// The lifecycle as a graph: React Flow draws it, ELK lays it out. Loaded only when a designer opens the page.
import ELK from 'elkjs/lib/elk.bundled.js';
import { Background, Controls, MarkerType, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useState } from 'react';
import { useStudioI18n } from '../i18n';
import { transitionLabel, type WorkflowJson } from './model';

const elk = new ELK();
const width = 190;
const height = 74;

export default function WorkflowGraph({ workflow, counts, problems, label }: { workflow: WorkflowJson; counts: Record<string, number>; problems: Set<string>; label: string }) {
  const { t } = useStudioI18n();
  const [layout, setLayout] = useState<{ nodes: Node[]; edges: Edge[] } | null>(null);
  useEffect(() => {
    let live = true;
    const names = new Set(workflow.states.map((s) => s.name));
    const transitions = workflow.transitions.filter((t) => names.has(t.from) && names.has(t.to));
    elk
      .layout({
        id: 'root',
        layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'DOWN', 'elk.layered.spacing.nodeNodeBetweenLayers': '90', 'elk.spacing.nodeNode': '60', 'elk.edgeLabels.inline': 'true' },
        children: workflow.states.map((s) => ({ id: s.name, width, height })),
        edges: transitions.map((t, i) => ({ id: `t${i}`, sources: [t.from], targets: [t.to], labels: [{ text: t.trigger, width: 90, height: 14 }] })),
      })
      .then((graph) => {
        if (!live) return;
        const nodes: Node[] = (graph.children ?? []).map((child) => {
          const state = workflow.states.find((s) => s.name === child.id)!;
          const bad = problems.has(state.name);
          return {
            id: state.name,
            position: { x: child.x ?? 0, y: child.y ?? 0 },
            draggable: true,
            data: {
              label: (
                <div className={`graph-node${bad ? ' graph-node--problem' : ''}`} data-state={state.name} data-problem={bad ? 'true' : undefined}>
                  <strong>{state.name}</strong>
                  {state.name === workflow.initial ? ' ▶' : ''}
                  <br />
                  {state.status}
                  {state.timer ? <><br />{t('lifecycles.timer', { trigger: state.timer.trigger, at: state.timer.at })}</> : null}
                  <br />
                  <span className="graph-node__count">{counts[state.name] ?? 0}</span>
                  {bad ? ' ⚠' : ''}
                </div>
              ),
            },
            style: { width, padding: 0, border: 0, background: 'transparent' },
          };
        });
        const edges: Edge[] = transitions.map((t, i) => ({
          id: `t${i}`,
          source: t.from,
          target: t.to,
          label: transitionLabel(t),
          labelStyle: { fontSize: 10 },
          labelBgStyle: { fill: '#ffffff' },
          markerEnd: { type: MarkerType.ArrowClosed },
          type: 'smoothstep',
        }));
        setLayout({ nodes, edges });
      }, () => live && setLayout({ nodes: [], edges: [] }));
    return () => {
      live = false;
    };
  }, [workflow, counts, problems, t]);
  return (
    <div className="graph" role="region" aria-label={label}>
      {layout && (
        <ReactFlow key={layout.nodes.map((n) => n.id).join(',')} nodes={layout.nodes} edges={layout.edges} fitView fitViewOptions={{ padding: 0.05 }} minZoom={0.2} nodesConnectable={false} elementsSelectable={false} proOptions={{ hideAttribution: false }}>
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      )}
    </div>
  );
}
