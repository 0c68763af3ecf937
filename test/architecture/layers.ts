/**
 * The layers of src/, bottom-up, and the one rule between them: a file imports only from
 * its own unit, from a lower layer, or from infrastructure; never back up, and never from
 * another door. docs/architecture.md draws the same list; MUST stay in sync with it.
 */
import type { ImportEdge } from './import-graph.js';

export interface Layer {
  name: string;
  /** Unit name → path prefixes relative to src/ (a directory ends in `/`, a file in `.ts`). */
  units: Record<string, string[]>;
  /** May units of this layer import each other? Services may; doors may not. */
  peers: boolean;
}

/** Imported by anyone; imports only infrastructure (and config its settings checkers). */
export const INFRASTRUCTURE = 'infrastructure';

export const LAYERS: Layer[] = [
  {
    name: INFRASTRUCTURE,
    units: {
      errors: ['errors.ts'],
      config: ['config.ts'],
      logger: ['logger.ts'],
      store: ['store/'],
      server: ['server/'],
      privacy: ['privacy/'],
      cache: ['bounded-cache.ts'],
    },
    peers: true,
  },
  { name: 'vocabulary', units: { vocabulary: ['vocabulary/'] }, peers: false },
  { name: 'content', units: { content: ['content/'] }, peers: false },
  { name: 'understand', units: { understand: ['understand/'] }, peers: false },
  { name: 'retrieval', units: { retrieval: ['retrieval/'] }, peers: false },
  { name: 'artifacts', units: { artifacts: ['artifacts/'] }, peers: false },
  { name: 'model client', units: { llm: ['llm/'] }, peers: false },
  { name: 'advisor', units: { advisor: ['advisor/'] }, peers: false },
  {
    name: 'services',
    units: {
      reminders: ['reminders/'],
      alerts: ['alerts/'],
      insights: ['insights/'],
      feedback: ['feedback/'],
      // Counting the advisor's model calls sits above the advisor, beside the model client's files.
      'llm accounting': ['llm/llm-accounting.ts', 'llm/llm-accounting-store.ts', 'llm/create-model-accounting.ts', 'llm/render-llm-report.ts'],
    },
    peers: true,
  },
  { name: 'conversation', units: { conversation: ['conversation/'] }, peers: false },
  { name: 'render', units: { render: ['render/'] }, peers: false },
  { name: 'app', units: { app: ['app/'] }, peers: false },
  {
    name: 'doors',
    units: {
      'channels/slack': ['channels/slack/'],
      'channels/teams': ['channels/teams/'],
      'channels/web': ['channels/web/'],
      'channels/api': ['channels/api/'],
      'channels/cli': ['channels/cli/'],
    },
    peers: false,
  },
  // The composition root: builds the app and puts every door on one server; the NLU evaluation
  // command runs each door's normaliser before the understander, as the app does; a
  // `travel-advisor worker` process starts from start-answer-worker.ts, handed to the command
  // by the CLI's entry point.
  { name: 'main', units: { main: ['main.ts', 'app/create-app.ts', 'app/door-registry.ts', 'app/eval-nlu-cli.ts', 'start-answer-worker.ts', 'channels/cli/main.ts'] }, peers: false },
];

/**
 * Pure settings checkers config.ts runs so that start-up names every bad variable at once.
 * Only config may reach them from infrastructure, and they may import only infrastructure
 * or each other, so config never drags a layer in behind it.
 */
export const CONFIG_CHECKERS = [
  'llm/model-endpoint.ts',
  'llm/entra-credential.ts',
  'llm/parse-model-headers.ts',
  'channels/teams/tenancy-problems.ts',
  'channels/teams/graph/graph-install-problems.ts',
  'channels/teams/service-url-policy.ts',
];

/**
 * The playground exists to show what Slack and Teams would show, so it may import their
 * pure renderers (Answer in, platform JSON out) and nothing else of theirs.
 */
export const PREVIEWS: Record<string, string[]> = {
  'channels/web': ['channels/slack/render/', 'channels/teams/render/'],
};

/**
 * Known crossings between doors, each waiting on a named change; the test fails when one
 * disappears without leaving this list, so it only shrinks. Nothing may be added here.
 */
export const PENDING: { edge: string; until: string }[] = [
  { edge: 'channels/web/interpret-action.ts → channels/slack/actions.ts', until: 'issue 15 item 3: one action handler and one set of button values' },
  { edge: 'channels/web/interpret-action.ts → channels/teams/card-actions.ts', until: 'issue 15 item 3: one action handler and one set of button values' },
  { edge: 'channels/web/render-for-playground.ts → channels/slack/actions.ts', until: 'issue 15 item 3: one action handler and one set of button values' },
  { edge: 'channels/web/playground-routes.ts → channels/slack/listeners/register-travel-command.ts', until: 'issue 15 item 3: one share TTL, owned by the action handler' },
];

/** A chat SDK: only doors (and main) may import one. */
export const CHAT_SDK = /^(@slack\/|botbuilder|botframework-)/;

interface Placed {
  unit: string;
  layer: Layer;
  rank: number;
}

/** The unit and layer of a file: the longest matching prefix wins (a file entry beats its directory). */
export function place(file: string, layers: Layer[] = LAYERS): Placed | null {
  let best: (Placed & { length: number }) | null = null;
  layers.forEach((layer, rank) => {
    for (const [unit, prefixes] of Object.entries(layer.units))
      for (const p of prefixes)
        if ((p.endsWith('/') ? file.startsWith(p) : file === p) && (!best || p.length > best.length)) best = { unit, layer, rank, length: p.length };
  });
  if (!best) return null;
  const { unit, layer, rank } = best;
  return { unit, layer, rank };
}

/** Why `edge` breaks the layers, or null when it does not. */
function breach(edge: ImportEdge, layers: Layer[], checkers: string[], previews: Record<string, string[]>): string | null {
  const f = place(edge.from, layers);
  if (!f) return `${edge.from} is in no layer: add it to LAYERS (test/architecture/layers.ts) and docs/architecture.md`;
  const top = layers.findIndex((l) => l.name === 'doors');
  if (edge.external) return CHAT_SDK.test(edge.to) && f.rank < top ? `${f.layer.name} may not import a chat SDK` : null;
  const t = place(edge.to, layers);
  if (!t) return `${edge.to} is in no layer`;
  const infraF = f.layer.name === INFRASTRUCTURE;
  const infraT = t.layer.name === INFRASTRUCTURE;
  // Checked before "same unit": config pulls a checker into infrastructure, so its own imports must stay there too.
  if (checkers.includes(edge.from) && !infraT && !checkers.includes(edge.to)) return `a settings checker config.ts imports may import only infrastructure`;
  if (f.unit === t.unit) return null;
  if (infraT) return null;
  if (infraF) return edge.from === 'config.ts' && checkers.includes(edge.to) ? null : `${INFRASTRUCTURE} may not import ${t.layer.name}`;
  if (f.rank > t.rank) return null;
  if ((previews[f.unit] ?? []).some((p) => edge.to.startsWith(p))) return null;
  if (f.rank === t.rank) return f.layer.peers ? null : f.layer.name === 'doors' ? 'a door may not import another door' : `${f.unit} may not import ${t.unit}`;
  return `${f.layer.name} may not import ${t.layer.name}, a layer above it`;
}

/** Every import that runs back up a layer (or crosses between doors), as `from → to (why)`. */
export function layerViolations(
  edges: ImportEdge[],
  { layers = LAYERS, checkers = CONFIG_CHECKERS, previews = PREVIEWS }: { layers?: Layer[]; checkers?: string[]; previews?: Record<string, string[]> } = {},
): string[] {
  return edges.flatMap((e) => {
    const why = breach(e, layers, checkers, previews);
    return why ? [`${e.from} → ${e.to} (${why})`] : [];
  });
}
