/** Password lengths (ASVS 5.0 §6.2): at least 12 characters, up to 128, no composition rules. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
