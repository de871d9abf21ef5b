// OpenSSH does not pass argv: it joins its remote words with spaces into one line, and the server's login
// shell parses that line again. So every word nsdeck sends is quoted here, for a POSIX shell, whatever it
// holds: a namespace named `a b`, `$(reboot)`, `;`, a quote, a newline or a leading `-` arrives as the
// one word it was (test/kernel/ssh-argv.test.ts sends hostile words through a real sshd and compares).

/** One word in POSIX single quotes: nothing inside is special but `'`, which is closed, escaped, reopened. */
export function remoteWord(word: string): string {
	if (word.includes('\0')) throw new Error('a word sent to a server cannot hold a NUL byte');
	return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The remote command line for `argv`: every word quoted, none left bare (not even `ip`). */
export function remoteCommandLine(argv: readonly string[]): string {
	if (argv.length === 0) throw new Error('a remote command needs a program name');
	return argv.map(remoteWord).join(' ');
}
