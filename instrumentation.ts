/** Runs once when the server process starts, before it answers requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The socket's address, stamped on each request as it arrives (lib/security/socket-address.ts).
  const { stampSocketAddresses } = await import("./lib/security/socket-address");
  stampSocketAddresses();
}
