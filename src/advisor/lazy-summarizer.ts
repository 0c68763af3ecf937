/**
 * A Summarizer whose module is imported only when it is configured: the LLM summarizer
 * pulls in the openai SDK (about 200 modules), which `travel-advisor ask` and a server
 * without OPENAI_API_KEY never need. Loading starts at once (so a configured server has
 * it ready by its first question); a failure to build it is the same as a model failure:
 * null, and the advisor's extractive fallback answers.
 */
import type { Summarizer, SummaryRequest } from './ports.js';

export function lazySummarizer(load: () => Promise<Summarizer>, onLoadError: (error: unknown) => void): Summarizer {
  const loading = load().catch((error: unknown) => {
    onLoadError(error);
    return null;
  });
  return {
    async summarize(request: SummaryRequest) {
      const summarizer = await loading;
      return summarizer ? summarizer.summarize(request) : null;
    },
  };
}
