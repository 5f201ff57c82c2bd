// Voice command UI state: listening or not, the line shown after a phrase, the one-time privacy note.
import { create } from 'zustand';

export type VoiceStatus = 'idle' | 'loading' | 'listening' | 'thinking';

export interface VoiceState {
  status: VoiceStatus;
  /** The line shown after a phrase ("Said 'make it navy'"), or an error; `id` tells two equal lines apart. */
  line: { text: string; ok: boolean; id: number } | null;
  /** Shown on first use, while the browser asks for the microphone. */
  privacyNote: boolean;
}

export const useVoice = create<VoiceState>()(() => ({ status: 'idle', line: null, privacyNote: false }));

let lineId = 0;

/** Shows a line under the listening indicator for a few seconds. */
export function showLine(text: string, ok: boolean): void {
  useVoice.setState({ line: { text, ok, id: ++lineId } });
}

/** What to say when nothing matched. */
export const SORRY = "Sorry, try: 'show me the Oslo chair'";
