import packageJson from "../package.json";

/** The console's version, as package.json states it: printed in PCMDUMP banners and the CLI. */
export const CONSOLE_VERSION: string = packageJson.version;
