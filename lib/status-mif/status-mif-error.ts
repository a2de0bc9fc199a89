import { DomainError } from "../errors";

/**
 * A status MIF the Despooler could not compile. The message reads like Despool.log's
 * "~Compilation failed~syntax error on line ..., token ..." (Q190135), so an admin recognises it.
 */
export class StatusMifError extends DomainError {
  /** 1-based line of the offending token; 0 when the whole file is refused (size). */
  readonly line: number;
  /** The offending token as it appears in the file, or "end of file". */
  readonly token: string;
  readonly detail: string;

  constructor(detail: string, line: number, token: string) {
    super("invalid", line > 0 ? `syntax error on line ${line}, token ${token}: ${detail}` : detail);
    this.name = "StatusMifError";
    this.line = line;
    this.token = token;
    this.detail = detail;
  }
}
