/**
 * Colours from the Digital Agency design tokens. Quintiles use one blue ramp (light to dark), so
 * order reads without hue, and every tile also prints its value: colour is never the only cue.
 */
export const colors = {
  bar: '#3460fb', // blue-600
  highlight: '#c74700', // orange-800
  reference: '#1a1a1c',
  muted: '#767676', // solid-gray-536
  positive: '#197a4b', // green-800
  negative: '#ce0000', // red-900
} as const;

/** Quintile 1 (highest) darkest. Text on tiles 1–2 is white, on 3–5 black (contrast ≥ 4.5:1). */
export const quintileFill = ['#00118f', '#264af4', '#7096f8', '#c5d7fb', '#e8f1fe'] as const;
export const quintileText = ['#ffffff', '#ffffff', '#000000', '#000000', '#000000'] as const;
export const noDataFill = '#f2f2f2';
