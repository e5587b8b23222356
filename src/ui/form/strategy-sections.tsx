/** The form section of each strategy kind: a new strategy adds its section here. */
import type { ReactNode } from 'react';
import type { StrategyKind, StrategySpec } from '../../core/experiment/spec';
import { forKind } from '../../core/strategy/registry';
import type { FormProblems } from '../../store/form-problems';
import { DartsSection } from './DartsSection';
import { GdasSection } from './GdasSection';
import { MultiTrialSection } from './MultiTrialSection';
import { SposSection } from './SposSection';
import { ZeroCostSection } from './ZeroCostSection';

/** Draws the own fields of a strategy of one kind. */
type SectionOf = (strategy: StrategySpec, problems: FormProblems) => ReactNode;

/** Each kind's section (a missing kind fails to compile). */
export const STRATEGY_SECTIONS: Readonly<Record<StrategyKind, SectionOf>> = {
  darts: forKind('darts', (strategy, problems: FormProblems) => (
    <DartsSection strategy={strategy} problems={problems} />
  )),
  gdas: forKind('gdas', (strategy, problems: FormProblems) => (
    <GdasSection strategy={strategy} problems={problems} />
  )),
  'pc-darts': forKind('pc-darts', (strategy, problems: FormProblems) => (
    <DartsSection strategy={strategy} problems={problems} />
  )),
  spos: forKind('spos', (strategy, problems: FormProblems) => (
    <SposSection strategy={strategy} problems={problems} />
  )),
  'multi-trial': forKind('multi-trial', (strategy, problems: FormProblems) => (
    <MultiTrialSection strategy={strategy} problems={problems} />
  )),
  'zero-cost': forKind('zero-cost', (strategy, problems: FormProblems) => (
    <ZeroCostSection strategy={strategy} problems={problems} />
  )),
};
