// The pipeline stages of one lead as a row of buttons: the current stage is marked; pressing another moves the lead.
import { stageLabel, leadStages, type LeadStage } from './stages';

export function StageBar({ stage, disabled, onMove }: { stage: LeadStage; disabled: boolean; onMove: (s: LeadStage) => void }) {
  return (
    <div className="stage-bar" role="group" aria-label="Stage">
      {leadStages.map((s) => (
        <button key={s} type="button" className={`stage-step stage-${s}${s === stage ? ' current' : ''}`} aria-pressed={s === stage} disabled={disabled || s === stage} onClick={() => onMove(s)}>
          {stageLabel[s]}
        </button>
      ))}
    </div>
  );
}
