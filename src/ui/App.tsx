/** The studio layout: header with the backend, the experiment form on the left, run controls and the search-space / run / search views on the right. */
import { useEffect } from 'react';
import { Composer } from './composer/Composer';
import { ExperimentForm } from './form/ExperimentForm';
import { BackendBadge } from './header/BackendBadge';
import { BackendSelect } from './header/BackendSelect';
import { ErrorBanner } from './header/ErrorBanner';
import { HistoryView } from './history/HistoryView';
import { LearnMenu } from './lessons/LearnMenu';
import { useControlGroup } from './lessons/ControlGroupBox';
import { LessonPanel } from './lessons/LessonPanel';
import { MakeLessonLink } from './lessons/MakeLessonLink';
import { TeacherNotes } from './lessons/TeacherNotes';
import { ReplayBar } from './history/ReplayBar';
import { ResumeBanner } from './history/ResumeBanner';
import { StorageNotice } from './history/StorageNotice';
import { Results } from './results/Results';
import { RunControls } from './run/RunControls';
import { SearchView } from './search/SearchView';
import { studioStore } from './studio';
import { AlphaTrajectories } from './views/AlphaTrajectories';
import { CollapseDiagnostics } from './views/CollapseDiagnostics';
import { GenotypeDiagram } from './views/GenotypeDiagram';
import { MetricCharts } from './views/MetricCharts';
import { StepLog } from './views/StepLog';
import { useView, viewStore, type View } from './view-store';

const VIEWS: readonly View[] = ['space', 'run', 'search', 'history'];

const VIEW_TITLES: Record<View, string> = {
  space: 'Search space',
  run: 'Run',
  search: 'Subnets & Pareto',
  history: 'History',
};

/** The whole page. */
export function App() {
  const composer = useControlGroup('composer');
  const chosen = useView();
  // A lesson link that hides the composer hides the Search space tab.
  const view = composer === 'hidden' && chosen === 'space' ? 'run' : chosen;
  const tabs = composer === 'hidden' ? VIEWS.filter((v) => v !== 'space') : VIEWS;
  const setView = (next: View | ((v: View) => View)) =>
    viewStore
      .getState()
      .setView(typeof next === 'function' ? next(viewStore.getState().view) : next);
  useEffect(() => {
    void studioStore.getState().checkBackend();
    void studioStore.getState().loadHistory();
  }, []);
  return (
    <div className="app">
      <header className="app-header">
        <div className="title">
          <h1>NAS Studio</h1>
          <span className="muted">
            neural architecture search in your browser: DARTS, Single Path One-Shot and multi-trial
            baselines
          </span>
        </div>
        <div className="header-tools">
          <LearnMenu />
          <BackendSelect />
          <BackendBadge />
        </div>
      </header>
      <ErrorBanner />
      <StorageNotice />
      <ResumeBanner />
      <div className="layout">
        <aside className="sidebar">
          <ExperimentForm />
          <MakeLessonLink />
        </aside>
        <main className="main">
          <LessonPanel />
          <TeacherNotes />
          <RunControls onRun={() => setView((v) => (v === 'space' ? 'run' : v))} />
          <div className="view-tabs" role="tablist" aria-label="Views">
            {tabs.map((v) => (
              <button
                key={v}
                type="button"
                role="tab"
                data-testid={`view-tab-${v}`}
                aria-selected={view === v}
                className={view === v ? 'tab tab-active' : 'tab'}
                onClick={() => setView(v)}
              >
                {VIEW_TITLES[v]}
              </button>
            ))}
          </div>
          {view === 'run' || view === 'search' ? <ReplayBar /> : null}
          {view === 'space' ? (
            <Composer />
          ) : view === 'history' ? (
            <HistoryView onOpened={() => setView('run')} />
          ) : view === 'search' ? (
            <SearchView />
          ) : (
            <>
              <MetricCharts />
              <AlphaTrajectories />
              <CollapseDiagnostics />
              <GenotypeDiagram />
              <Results />
              <StepLog />
            </>
          )}
        </main>
      </div>
    </div>
  );
}
