// Colours of the replay's path, visitor and event markers (also used by the timeline's dots and the legend).
import type { EntryKind } from './timeline';

/** The head path: a saturated magenta that no product, fixture or wall in the showroom uses. */
export const PATH_COLOUR = '#e6007e';
/** The gaze ray (head direction). */
export const GAZE_COLOUR = '#ffc400';
export const HEAD_COLOUR = '#1d2430';
export const CONTROLLER_COLOURS = { left: '#2563eb', right: '#0d9488' } as const;

/** Marker colour per timeline kind; kinds without one get no marker in the scene. */
export const MARKER_COLOURS: Partial<Record<EntryKind, string>> = {
  look: '#f59e0b',
  select: '#2563eb',
  variant: '#0891b2',
  inspect: '#7c3aed',
  grab: '#7c3aed',
  cart: '#16a34a',
  wishlist: '#c026d3',
  contact: '#dc2626',
};

/** Words for the legend, by kind. */
export const MARKER_LABELS: Partial<Record<EntryKind, string>> = {
  look: 'looked at',
  select: 'opened',
  variant: 'changed colour',
  inspect: 'turned over / picked up',
  cart: 'cart',
  wishlist: 'wishlist',
  contact: 'asked for a salesperson',
};
