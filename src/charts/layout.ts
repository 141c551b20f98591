/**
 * The size charts are laid out for. Charts are drawn for a phone's content width and shown at
 * their natural size on wider screens (never stretched), so their text is as large on a 360 px
 * phone as on a desktop: a 340 px chart in a 328 px column scales to 96%, keeping 13 px labels
 * above 12 px. Two-dimensional charts that need more room draw a wider variant as well.
 */
export const layout = {
  /** Width of a chart drawn for a phone. */
  width: 340,
  /** Labels and values. */
  fontSize: 13,
  /** Height of one bar's row. */
  rowHeight: 24,
} as const;
