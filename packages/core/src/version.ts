declare const __CANVELETE_CORE_VERSION__: string;

/** The version of `@canvelete/core`, injected at build time. */
export const VERSION: string = __CANVELETE_CORE_VERSION__;
