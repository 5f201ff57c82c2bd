// Whether a test or benchmark drives this page (WebDriver, Playwright): only then are the automation handles loaded.
import { lazy } from 'react';

/** True in a browser driven by automation (`navigator.webdriver`, which Playwright's Chromium sets); false for a visitor. */
export const underAutomation = typeof navigator !== 'undefined' && navigator.webdriver === true;

// Fetched as the page starts, so the handle is ready when the scene first renders (as early as when it was bundled).
const handleChunk = underAutomation ? import('./DebugHandle') : null;

/** The scene's automation handle (`window.showroomDebug`), in a chunk of its own that only automation loads; null otherwise. */
export const AutomationHandle = handleChunk ? lazy(() => handleChunk.then((m) => ({ default: m.DebugHandle }))) : null;

/** Puts the recorder's handle on `window.showroomTelemetry`, from a chunk of its own, under automation only. */
export function installTelemetryHandle(): void {
  if (underAutomation) void import('../telemetry/debug').then((m) => m.installDebugHandle());
}
