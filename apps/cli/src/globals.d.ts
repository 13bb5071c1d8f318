/** The package version, injected at build time. */
declare const __VERSION__: string;
