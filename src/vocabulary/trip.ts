/**
 * A trip's dates as understanding reads them and the Answer reports them: ISO days, the
 * words they came from, and which were inferred. Lives at the bottom of the layers so that
 * `understand/` can produce it without importing the advisor (docs/architecture.md).
 */
import { z } from 'zod';

export const tripSchema = z.object({
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** The words the dates came from, e.g. "1-10 Dec". */
  said: z.string().nullable().default(null),
  /** True where a date was inferred rather than said (e.g. "next week" → its Monday). */
  startInferred: z.boolean().default(false),
  endInferred: z.boolean().default(false),
});
export type Trip = z.infer<typeof tripSchema>;
