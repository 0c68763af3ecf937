/**
 * One more try for a connector call whose connection was reset before any answer came back.
 * The Bot Framework client keeps connections alive; a server closes an idle one when it
 * likes, and a request that goes out on it at that moment dies with ECONNRESET (or EPIPE)
 * without reaching the service. Under load this lost a few answers in a few hundred (the
 * Teams benchmarks): the turn never retries and sends nothing after a failed call
 * (turn-circuit.ts), so the message was acknowledged and never answered. The retry goes out
 * on a fresh connection. Only a reset with no response is retried, once: a refused connection, a
 * timeout or any HTTP answer is not, so a connector that is down still gets each call at most
 * twice. Part of the botbuilder port (installed on every connector client in
 * botbuilder-authentication.ts); SDK-free apart from the pipeline's shape.
 */

/** The pipeline step shape of @azure/core-rest-pipeline (what botframework-connector's clients run). */
export interface ConnectorPipelinePolicy {
  name: string;
  sendRequest<Req, Res>(request: Req, next: (request: Req) => Promise<Res>): Promise<Res>;
}

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE']);

/** True when the connection died under the request before any response: it never reached the service's handler. */
function isConnectionReset(error: unknown): boolean {
  const e = error as { code?: unknown; response?: unknown } | null;
  return typeof e?.code === 'string' && RESET_CODES.has(e.code) && e.response === undefined;
}

/** The step; `onReset` is told of each retried reset (the port logs it: many mean a proxy or the service drops connections). */
export function resetConnectionRetryPolicy(onReset: () => void = () => undefined): ConnectorPipelinePolicy {
  return {
    name: 'teamsResetConnectionRetry',
    async sendRequest(request, next) {
      try {
        return await next(request);
      } catch (error) {
        if (!isConnectionReset(error)) throw error;
        onReset();
        return next(request);
      }
    },
  };
}
