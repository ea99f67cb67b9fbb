export const SANDBOX_PLACEHOLDER = true;
