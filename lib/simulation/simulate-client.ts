import { ClientState } from "./client-state";
import { outcomesOf } from "./client-outcome";
import { DesktopPcm } from "./desktop-pcm";
import { PcmService } from "./pcm-service";
import { prepareSimulation } from "./prepare-simulation";
import type { SimulationInput } from "./simulation-input";
import type { ClientSimulation } from "./simulation-result";

/**
 * Simulates one client's PCM over the window: the desktop PCM of each logon session and, where
 * the client has it, the PCM service (docs/simulation.md). It steps from one poll that can differ
 * to the next, never minute by minute. Logs are rendered on demand by renderClientLogs.
 */
export function simulateClient(input: SimulationInput): ClientSimulation {
  const sim = prepareSimulation(input);
  const state = new ClientState(sim);
  const desktop = new DesktopPcm(state);
  const service = sim.behaviour.hasPcmService ? new PcmService(state, desktop) : null;
  desktop.service = service;
  for (;;) {
    const serviceAt = service ? service.nextAt : Infinity;
    const at = Math.min(serviceAt, desktop.nextAt);
    if (!(at <= sim.toMs)) break;
    // The service started at boot, before anyone logged on: it goes first when both are due.
    if (service && serviceAt <= desktop.nextAt) service.step();
    else desktop.step();
  }
  const events = state.finishEvents();
  const { requests, outcome } = outcomesOf(state, events);
  return { smsId: input.client.smsId, events, requests, outcome };
}

/** Simulates many clients; the inputs usually share their instruction records. */
export function simulateClients(inputs: readonly SimulationInput[]): ClientSimulation[] {
  return inputs.map(simulateClient);
}
