// Shows when a gamepad is connected (with a crosshair, as A selects what is in the centre), and logs it.
import { useEffect, useState } from 'react';
import { track } from '../../telemetry/recorder';

export function GamepadBadge() {
  const [pad, setPad] = useState<string | null>(null);
  useEffect(() => {
    const onConnect = (e: GamepadEvent) => {
      if (e.gamepad.mapping !== 'standard') return;
      setPad(e.gamepad.id);
      track({ type: 'gamepad_connected', input: 'gamepad', props: { id: e.gamepad.id.slice(0, 100), mapping: e.gamepad.mapping } });
    };
    const onDisconnect = (e: GamepadEvent) => {
      if (e.gamepad.mapping !== 'standard') return;
      setPad(null);
      track({ type: 'gamepad_disconnected', input: 'gamepad', props: { id: e.gamepad.id.slice(0, 100) } });
    };
    window.addEventListener('gamepadconnected', onConnect);
    window.addEventListener('gamepaddisconnected', onDisconnect);
    return () => {
      window.removeEventListener('gamepadconnected', onConnect);
      window.removeEventListener('gamepaddisconnected', onDisconnect);
    };
  }, []);
  if (!pad) return null;
  return (
    <>
      <div className="crosshair" aria-hidden />
      <div className="gamepad-badge" role="status">
        Gamepad connected: left stick walks, right stick turns, A selects, B closes
      </div>
    </>
  );
}
