import { DEFAULT_MAX_LOG_LINES, LogWriter, type ClientLog, type LogRange } from "./log-writer";
import { pacmanLineFormatter, writePacmanLog, type PacmanFormat } from "./pacman-log";
import { formatPcmwinLine, writePcmwinLog } from "./pcmwin-log";
import { prepareSimulation } from "./prepare-simulation";
import { siteClockMs } from "./site-clock";
import type { SimulationInput } from "./simulation-input";
import type { ClientSimulation } from "./simulation-result";

export interface LogOptions extends LogRange {
  /** PACMAN.LOG as the file holds it ("raw", default) or as SMSTRACE exports it. */
  pacmanFormat?: PacmanFormat;
}

/**
 * The client's PCM logs for a simulation of `input`: Pcmwin.log for the SMS 1.2 Windows desktop PCM
 * (1.0/1.1 desktop PCM kept none, Q122055; PCMDOS and PCMMAC logs are not in the KB) and PACMAN.LOG
 * for the PCM service. Rendered on demand from the events, so a 10,000-client run never builds them.
 */
export function renderClientLogs(input: SimulationInput, simulation: ClientSimulation, options: LogOptions = {}): ClientLog[] {
  const sim = prepareSimulation(input);
  const fromMs = options.from ? siteClockMs(options.from) : sim.fromMs;
  const toMs = options.to ? siteClockMs(options.to) : sim.toMs;
  const maxLines = options.maxLines ?? DEFAULT_MAX_LOG_LINES;
  const logs: ClientLog[] = [];
  if (sim.behaviour.hasDesktopLog && sim.sessions.length > 0) {
    const writer = new LogWriter(fromMs, toMs, maxLines, sim.offsetMs, formatPcmwinLine);
    writePcmwinLog(sim, simulation.events, writer);
    logs.push({ process: "desktop", fileName: "Pcmwin.log", lines: writer.lines, texts: writer.texts, isTruncated: writer.isTruncated });
  }
  if (sim.behaviour.hasPcmService && sim.behaviour.hasServiceLog) {
    const writer = new LogWriter(fromMs, toMs, maxLines, sim.offsetMs, pacmanLineFormatter(options.pacmanFormat ?? "raw"));
    writePacmanLog(sim, simulation.events, writer);
    logs.push({ process: "service", fileName: "PACMAN.LOG", lines: writer.lines, texts: writer.texts, isTruncated: writer.isTruncated });
  }
  return logs;
}
