import type { ClientSimulation, OutcomeReason } from "./simulation-result";

export interface NeverRunGroup {
  /** The rule that predicts it, when the rule engine has one; else the KB article. */
  key: string;
  rule?: string;
  article: string;
  message: string;
  smsIds: string[];
}

export interface SimulationSummary {
  targetCount: number;
  runCount: number;
  neverCount: number;
  /** How many targets first run the command on each day (site wall clock, YYYY-MM-DD). */
  runsByDay: { day: string; count: number }[];
  neverByReason: NeverRunGroup[];
}

const keyOf = (reason: OutcomeReason) => reason.rule ?? reason.article;

/** Who runs the command and when, and who never does, grouped by the first reason given. */
export function summariseSimulations(simulations: readonly ClientSimulation[]): SimulationSummary {
  const days = new Map<string, number>();
  const groups = new Map<string, NeverRunGroup>();
  let runCount = 0;
  for (const simulation of simulations) {
    const { outcome } = simulation;
    if (outcome.runs && outcome.firstRunAt) {
      runCount += 1;
      const day = outcome.firstRunAt.slice(0, 10);
      days.set(day, (days.get(day) ?? 0) + 1);
      continue;
    }
    const reason = outcome.reasons[0] ?? { article: "Q166765", message: "PCM never runs the command in the simulated window" };
    const key = keyOf(reason);
    const group = groups.get(key) ?? { key, rule: reason.rule, article: reason.article, message: reason.message, smsIds: [] };
    group.smsIds.push(simulation.smsId);
    groups.set(key, group);
  }
  return {
    targetCount: simulations.length,
    runCount,
    neverCount: simulations.length - runCount,
    runsByDay: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, count]) => ({ day, count })),
    neverByReason: [...groups.values()].sort((a, b) => b.smsIds.length - a.smsIds.length),
  };
}
