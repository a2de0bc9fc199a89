// npm run bench:simulation: simulates 10,000 clients over 30 days, poll by poll.
// Prints figures; asserts nothing (target: under 5 s).
import { performance } from "node:perf_hooks";
import { renderClientLogs } from "../../lib/simulation/render-client-logs.ts";
import { simulateClients } from "../../lib/simulation/simulate-client.ts";
import { buildSyntheticSimulationInputs } from "../../lib/simulation/synthetic-simulation-inputs.ts";
import { summariseSimulations } from "../../lib/simulation/summarise-simulations.ts";

const CLIENTS = 10_000;
const DAYS = 30;
const inputs = buildSyntheticSimulationInputs(CLIENTS, DAYS);
const time = <T,>(label: string, work: () => T): T => {
  const start = performance.now();
  const result = work();
  console.log(`${label.padEnd(48)} ${(performance.now() - start).toFixed(0).padStart(7)} ms`);
  return result;
};

console.log(`Client simulation benchmark: ${CLIENTS.toLocaleString("en-US")} clients, ${DAYS} days\n`);
const cold = time("simulate every client (first run)", () => simulateClients(inputs));
time("simulate every client again", () => simulateClients(inputs));
const summary = time("summarise: who runs it, when, who never and why", () => summariseSimulations(cold));
const lines = time("render 100 clients' full-month logs", () => inputs.slice(0, 100).reduce((count, input, index) => count + renderClientLogs(input, cold[index]!).reduce((sum, log) => sum + log.lines.length, 0), 0));
const events = cold.reduce((count, simulation) => count + simulation.events.length, 0);
console.log(`\n${events.toLocaleString("en-US")} events; ${summary.runCount.toLocaleString("en-US")} clients run the command, ${summary.neverCount.toLocaleString("en-US")} never; ${lines.toLocaleString("en-US")} log lines for 100 clients; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
