// Types for pty.mjs, which the kernel tests use too (a raw view of what the app writes to its terminal).
export declare class PtyApp {
	constructor(argv: readonly string[], size?: {columns?: number; rows?: number});
	/** Everything the app wrote, as text; `bytes` counts them. */
	readonly output: string;
	readonly bytes: number;
	readonly started: number;
	/** Resolves with the time (performance.now()) when `test` appears in the output after `from`. */
	waitFor(test: string | RegExp, from?: number, timeoutMs?: number): Promise<number>;
	/** Resolves once no output came for `quietMs`, with the time of the last output. */
	quiet(quietMs?: number): Promise<number>;
	exited(): Promise<number>;
	write(text: string): void;
	appPid(): number;
	peakRssMb(): number;
	stop(): Promise<void>;
}
