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
import { DecisionBoundary } from './plane/DecisionBoundary';
import { Results } from './results/Results';
import { RunControls } from './run/RunControls';
import { SearchView } from './search/SearchView';
import { studioStore } from './studio';
import { AlphaTrajectories } from './views/AlphaTrajectories';
import { CollapseDiagnostics } from './views/CollapseDiagnostics';
import { GenotypeDiagram } from './views/GenotypeDiagram';
import { MetricCharts } from './views/MetricCharts';
import { Staged } from './views/Staged';
import { StepLog } from './views/StepLog';
import { PresenterBar } from './presenter/PresenterBar';
import { SLIDES, VIEWS, type SlideId, type View } from './presenter/slides';
import { usePresenter } from './presenter/use-presenter';
import { ThemeSelect } from './theme/ThemeSelect';
import { useView, viewStore } from './view-store';

/** Opens view `next`, or the view `next` makes of the open one. */
function setView(next: View | ((v: View) => View)): void {
  const { view, setView: set } = viewStore.getState();
  set(typeof next === 'function' ? next(view) : next);
}

const VIEW_TITLES: Record<View, string> = {
  space: 'Search space',
  run: 'Run',
  search: 'Subnets & Pareto',
  history: 'History',
};

/** The run view's cards, top to bottom: mounted one task apart (Staged) when the view opens. */
const RUN_CARDS = [
  MetricCharts,
  DecisionBoundary,
  AlphaTrajectories,
  CollapseDiagnostics,
  GenotypeDiagram,
  Results,
  StepLog,
] as const;

/** The one view presenter mode shows for `id`; `onOpened` moves to the Run tab after opening a saved run. */
function SlideView({ id, onOpened }: { readonly id: SlideId; readonly onOpened: () => void }) {
  switch (id) {
    case 'composer':
      return <Composer />;
    case 'metrics':
      return <MetricCharts />;
    case 'boundary':
      return <DecisionBoundary />;
    case 'alphas':
      return <AlphaTrajectories />;
    case 'diagnostics':
      return <CollapseDiagnostics />;
    case 'genotype':
      return <GenotypeDiagram />;
    case 'results':
      return <Results />;
    case 'search':
      return <SearchView />;
    case 'history':
      return <HistoryView onOpened={onOpened} />;
  }
}

/** The whole page. */
export function App() {
  const composer = useControlGroup('composer');
  const chosen = useView();
  // A lesson link that hides the composer hides the Search space tab.
  const view = composer === 'hidden' && chosen === 'space' ? 'run' : chosen;
  const tabs = composer === 'hidden' ? VIEWS.filter((v) => v !== 'space') : VIEWS;
  const presenter = usePresenter(view, setView);
  const slide = presenter.slide === null ? null : SLIDES[presenter.slide];
  useEffect(() => {
    void studioStore.getState().checkBackend();
    void studioStore.getState().loadHistory();
  }, []);
  return (
    <div className={slide ? 'app presenter' : 'app'}>
      <header className="app-header">
        <div className="title">
          <h1>NAS Studio</h1>
          <span className="muted subtitle">
            neural architecture search in your browser: DARTS, Single Path One-Shot and multi-trial
            baselines
          </span>
        </div>
        <div className="header-tools">
          <button
            type="button"
            data-testid="presenter-toggle"
            aria-pressed={presenter.slide !== null}
            title="Presenter mode: larger type, one view at a time; ← → or PageUp / PageDown move between views, Escape leaves (key: P)"
            onClick={presenter.toggle}
          >
            Presenter (P)
          </button>
          <LearnMenu />
          <BackendSelect />
          <BackendBadge />
          <ThemeSelect />
        </div>
      </header>
      <ErrorBanner />
      <StorageNotice />
      <ResumeBanner />
      {slide ? (
        <main className="presenter-main">
          <PresenterBar presenter={presenter} />
          <div className="presenter-slide" data-testid={`presenter-slide-${slide.id}`}>
            <SlideView id={slide.id} onOpened={() => setView('run')} />
          </div>
        </main>
      ) : (
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
              RUN_CARDS.map((Card, i) => (
                <Staged key={i} order={i}>
                  <Card />
                </Staged>
              ))
            )}
          </main>
        </div>
      )}
    </div>
  );
}
