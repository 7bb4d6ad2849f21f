/** Series colours distinguishable on white and for common colour-vision deficiencies (Okabe–Ito, darkened for contrast). */
export const PALETTE = ['#0b6b4f', '#b35c00', '#0062a3', '#a4161a', '#6a3d9a', '#5c5c00', '#8a3b6f', '#2f4f4f'];

/** The colour of the n-th series. */
export const seriesColour = (index: number): string => PALETTE[index % PALETTE.length]!;
