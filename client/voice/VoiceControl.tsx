// Voice commands on screens: hold Space or the mic button to talk; shows the listening indicator and the phrase understood.
import { useEffect } from 'react';
import { talkEnd, talkStart } from './pushToTalk';
import { useVoice } from './voiceStore';
import './voice.css';

/** Hold this key to talk (`KeyboardEvent.code`; not bound to anything else in the showroom). */
export const TALK_KEY = 'Space';
/** How long the understood phrase stays on screen, ms. */
const LINE_MS = 4000;

const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName));

/** The privacy line shown while the browser first asks for the microphone. */
export const PRIVACY_NOTE = 'Voice commands are recognised on this device: your audio never leaves it.';

export function VoiceStatus() {
  const status = useVoice((s) => s.status);
  const line = useVoice((s) => s.line);
  const note = useVoice((s) => s.privacyNote);
  useEffect(() => {
    if (!line) return;
    const t = setTimeout(() => useVoice.setState((s) => (s.line?.id === line.id ? { line: null } : {})), LINE_MS);
    return () => clearTimeout(t);
  }, [line]);
  return (
    <div className="voice-status" aria-live="polite">
      {note ? <div className="voice-note">{PRIVACY_NOTE}</div> : null}
      {status === 'listening' ? <div className="voice-listening">Listening…</div> : null}
      {status === 'loading' ? <div className="voice-line">Starting voice commands…</div> : null}
      {status === 'thinking' ? <div className="voice-line">…</div> : null}
      {line && status !== 'listening' ? <div className={`voice-line${line.ok ? '' : ' sorry'}`} data-testid="voice-line">{line.text}</div> : null}
    </div>
  );
}

export function VoiceControl() {
  const status = useVoice((s) => s.status);
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.code !== TALK_KEY || isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      if (!e.repeat) void talkStart();
    };
    const up = (e: KeyboardEvent) => {
      if (e.code === TALK_KEY) talkEnd();
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', talkEnd);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', talkEnd);
    };
  }, []);
  return (
    <>
      <button
        className="mic-button"
        aria-label="Hold to speak a command"
        aria-pressed={status === 'listening'}
        title="Hold to speak (or hold Space)"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          void talkStart();
        }}
        onPointerUp={talkEnd}
        onPointerCancel={talkEnd}
        onContextMenu={(e) => e.preventDefault()}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden fill="currentColor">
          <rect x="9" y="3" width="6" height="11" rx="3" />
          <path d="M6 11a6 6 0 0 0 12 0h-2a4 4 0 0 1-8 0zM11 17h2v4h-2z" />
        </svg>
      </button>
      <VoiceStatus />
    </>
  );
}
