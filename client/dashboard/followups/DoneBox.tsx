// A task's done box: ticks at once, saves in the background, and flips back if the save fails.
import { useEffect, useState } from 'react';

export function DoneBox({ done, label, disabled, save }: { done: boolean; label: string; disabled: boolean; save: (done: boolean, revert: () => void) => void }) {
  const [checked, setChecked] = useState(done);
  useEffect(() => setChecked(done), [done]);
  return (
    <input
      type="checkbox"
      checked={checked}
      disabled={disabled}
      aria-label={label}
      onChange={(e) => {
        const next = e.target.checked;
        setChecked(next);
        save(next, () => setChecked(!next));
      }}
    />
  );
}
