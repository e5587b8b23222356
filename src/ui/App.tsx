/** The studio layout: header with the backend, the experiment form on the left, the run on the right. */
import { useEffect } from 'react';
import { ExperimentForm } from './form/ExperimentForm';
import { BackendBadge } from './header/BackendBadge';
import { BackendSelect } from './header/BackendSelect';
import { ErrorBanner } from './header/ErrorBanner';
import { Results } from './results/Results';
import { RunControls } from './run/RunControls';
import { studioStore } from './studio';
import { AlphaTrajectories } from './views/AlphaTrajectories';
import { GenotypeDiagram } from './views/GenotypeDiagram';
import { MetricCharts } from './views/MetricCharts';
import { StepLog } from './views/StepLog';

/** The whole page. */
export function App() {
  useEffect(() => {
    void studioStore.getState().checkBackend();
  }, []);
  return (
    <div className="app">
      <header className="app-header">
        <div className="title">
          <h1>NAS Studio</h1>
          <span className="muted">differentiable architecture search (DARTS) in your browser</span>
        </div>
        <div className="header-tools">
          <BackendSelect />
          <BackendBadge />
        </div>
      </header>
      <ErrorBanner />
      <div className="layout">
        <aside className="sidebar">
          <ExperimentForm />
        </aside>
        <main className="main">
          <RunControls />
          <MetricCharts />
          <AlphaTrajectories />
          <GenotypeDiagram />
          <Results />
          <StepLog />
        </main>
      </div>
    </div>
  );
}
