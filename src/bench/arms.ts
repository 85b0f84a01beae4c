import { adviseConfig } from './advice.js';
import type { Advice } from './advice.js';
import type { Budget } from './budget.js';
import type { NativeConfig } from './config.js';
import type { Scenario } from './scenarios.js';
import type { ArmRun } from './spec.js';

/** A scenario's two configs for one seed: the baseline it writes and the config its rule advises. */
export interface ArmConfigs {
  readonly baseline: NativeConfig;
  readonly advised: NativeConfig;
  readonly suggestions: Advice['suggestions'];
}

const cache = new Map<string, ArmConfigs>();

export function armConfigs(scenario: Scenario, budget: Budget, seed: number): ArmConfigs {
  const key = `${scenario.id} ${budget.name} ${seed}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const baseline = scenario.config(budget, seed);
  const advice = adviseConfig(scenario.ruleId, baseline);
  const advised = scenario.hold ? scenario.hold.apply(baseline, advice.config) : advice.config;
  const configs = { baseline, advised, suggestions: advice.suggestions };
  cache.set(key, configs);
  return configs;
}

export function scenarioRun(scenario: Scenario, arm: 'baseline' | 'advised', budget: Budget, seed: number): ArmRun {
  return scenario.run(armConfigs(scenario, budget, seed)[arm], budget, seed);
}

/** The arm labels for the report, from seed 1's configs (a search grid's values vary with the seed). */
export function armLabels(scenario: Scenario, budget: Budget): { baseline: string; advised: string } {
  const { baseline, advised } = armConfigs(scenario, budget, 1);
  const held = scenario.hold ? ` (same ${scenario.hold.description})` : '';
  return { baseline: scenario.describe(baseline), advised: `${scenario.describe(advised)}${held}` };
}
