/** Entry point: opens the experiment link in the address, if any, and mounts the studio into #root. */
// First: the remembered theme goes on <html> before anything renders (the page allows no inline script).
import './theme/boot';
// zod without its eval probe, which the Content-Security-Policy would report.
import '../core/zod-jitless';
import './tokens.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startEstimateSync } from '../store/estimate-sync';
import { browserStorage } from '../store/saved-experiment';
import { ADDRESS_DEBOUNCE_MS, startAddressSync } from './share/address-sync';
import { startLessonSync } from './lessons/lesson-sync';
import { startTeacherSync } from './lessons/teacher-sync';
import { linkStore } from './share/links';
import { studioStore } from './studio';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element to mount the studio in.');
// Opens a link in the address (before the first render), or the experiment this browser saved when
// that link cannot be opened, and keeps the address and the saved experiment following edits.
startAddressSync(studioStore, linkStore, window, ADDRESS_DEBOUNCE_MS, browserStorage());
// A lesson address opens that lesson at its step (after the link sync, so the lesson's experiment wins).
startLessonSync(window);
// A lesson link opens its view and, when it says so, starts its run.
startTeacherSync();
// The expected run time follows the experiment (debounced), estimated in the engine worker.
startEstimateSync(studioStore);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
