// window.showroomVoice: what tests and the bench read about voice commands (state and timings, never audio).
import { useVoice, type VoiceStatus } from './voiceStore';

export interface VoiceTiming {
  /** Push to talk released, ms since the epoch. */
  releasedAt: number;
  /** The recognition reached the page, ms since the epoch. */
  heardAt: number;
  /** The command's action ran, ms since the epoch. */
  actedAt: number;
  /** Decoding time in the worker, ms. */
  decodeMs: number;
}

declare global {
  interface Window {
    showroomVoice?: { status(): VoiceStatus; line(): string | null; timing(): VoiceTiming };
  }
}

/** Installs the handle; `timing` is the live record the push-to-talk controller updates. */
export function installVoiceDebug(timing: VoiceTiming): void {
  if (typeof window === 'undefined') return;
  window.showroomVoice = { status: () => useVoice.getState().status, line: () => useVoice.getState().line?.text ?? null, timing: () => ({ ...timing }) };
}
