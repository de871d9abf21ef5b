// Making an Intl.Segmenter loads ICU's break rules: ~12 ms, paid at every start because string-width,
// wrap-ansi and text-width.ts each make one when their module loads, though most starts (show, save,
// diff, --help) never segment anything and the app does so only for text that is not plain ASCII. Made
// before those modules run (cli.tsx imports this second), the global constructor here hands back a
// segmenter that makes the real one on its first use, so a start pays for ICU only when it segments.
const Real = Intl.Segmenter;

class LazySegmenter {
	#real: Intl.Segmenter | undefined;
	readonly #args: ConstructorParameters<typeof Intl.Segmenter>;

	constructor(...args: ConstructorParameters<typeof Intl.Segmenter>) {
		this.#args = args;
	}

	#segmenter(): Intl.Segmenter {
		this.#real ??= new Real(...this.#args);
		return this.#real;
	}

	segment(input: string): Intl.Segments {
		return this.#segmenter().segment(input);
	}

	resolvedOptions(): Intl.ResolvedSegmenterOptions {
		return this.#segmenter().resolvedOptions();
	}

	static supportedLocalesOf(...args: Parameters<typeof Intl.Segmenter.supportedLocalesOf>): string[] {
		return Real.supportedLocalesOf(...args);
	}
}

Object.defineProperty(Intl, 'Segmenter', {value: LazySegmenter, writable: true, configurable: true, enumerable: false});
