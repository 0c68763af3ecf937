/** What a door gives the shared HTTP server: its routes, and start/stop hooks. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, params: Record<string, string>) => void | Promise<void>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | '*';
  /** Exact path, or a pattern like "/api/trips/:id"; a trailing "*" matches a prefix. */
  path: string;
  handler: RouteHandler;
}

export interface Door {
  name: string;
  routes: Route[];
  /** Called after the server listens (e.g. Socket Mode connects, schedulers start). */
  start?(info: { port: number }): Promise<void>;
  /** Called on shutdown; must release connections and timers. */
  stop?(): Promise<void>;
}
