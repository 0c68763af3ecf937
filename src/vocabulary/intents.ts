/**
 * What a message can ask for: the intents understanding reads and the Answer reports.
 * The bottom of the layers (docs/architecture.md), so `understand/` and `advisor/` share
 * these words without one importing the other. MUST stay in sync with the intent files in
 * intents/ (one per name, src/understand/load-intents.ts refuses any other) and with the
 * "JSON Answer" section of README.md.
 */
export const intentNames = ['trip', 'country', 'topic', 'help', 'none', 'remind', 'acknowledge'] as const;
export type IntentName = (typeof intentNames)[number];
