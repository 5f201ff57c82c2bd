// The customer's VR comfort choices (glide or teleport, snap or smooth turn, seated), kept in localStorage.
import { create } from 'zustand';

export type MoveStyle = 'glide' | 'teleport';
export type TurnStyle = 'snap' | 'smooth';

export interface XRPreferences {
  move: MoveStyle;
  turn: TurnStyle;
  /** Seated use: the floor is raised so the eyes are at standing height. */
  seated: boolean;
  set(p: Partial<Pick<XRPreferences, 'move' | 'turn' | 'seated'>>): void;
}

const KEY = 'showroom.xr-preferences';

function load(): Pick<XRPreferences, 'move' | 'turn' | 'seated'> {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<XRPreferences>;
    return {
      move: v.move === 'glide' ? 'glide' : 'teleport',
      turn: v.turn === 'smooth' ? 'smooth' : 'snap',
      seated: v.seated === true,
    };
  } catch {
    return { move: 'teleport', turn: 'snap', seated: false };
  }
}

export const useXRPreferences = create<XRPreferences>()((set, get) => ({
  ...load(),
  set(p) {
    set(p);
    const { move, turn, seated } = get();
    localStorage.setItem(KEY, JSON.stringify({ move, turn, seated }));
  },
}));

/** Degrees of one snap turn. */
export const SNAP_TURN_DEGREES = 30;
/** Seated use raises the floor by this much, metres. */
export const SEATED_OFFSET = 0.45;
