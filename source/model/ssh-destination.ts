// `--host DEST`: what ssh takes (an alias of ~/.ssh/config, or [user@]host[:port]) checked before any
// ssh runs, and what ssh's stderr means, said in one line a person can act on.

/** Why `dest` cannot be a destination, or undefined when it can. */
export function destinationProblem(dest: string): string | undefined {
	if (dest === '') return 'an empty --host';
	if (dest.startsWith('-')) return `--host ${JSON.stringify(dest)} starts with "-", which ssh would read as an option`;
	if (/[\s\u0000-\u001f\u007f]/.test(dest)) return `--host ${JSON.stringify(dest)} holds a space or a control character`;
	if (dest.length > 255) return '--host is longer than a host name can be';
	return undefined;
}

/** A --host given twice: a server is one world, its namespaces listed once. */
export function repeatedDestination(dests: readonly string[]): string | undefined {
	const twice = dests.find((dest, i) => dests.indexOf(dest) !== i);
	return twice === undefined ? undefined : `--host ${JSON.stringify(twice)} is given twice`;
}

/** The first problem of several --host destinations: one of them, or one given twice. */
export function destinationsProblem(dests: readonly string[]): string | undefined {
	return dests.map(destinationProblem).find((p) => p !== undefined) ?? repeatedDestination(dests);
}

/** What ssh's stderr (or a remote shell's) says, as one line; `undefined` when it says nothing we know. */
export function sshProblem(dest: string, stderr: string): string | undefined {
	const text = stderr.trim();
	const said = (pattern: RegExp): boolean => pattern.test(text);
	if (said(/Host key verification failed|No (?:ED25519|RSA|ECDSA|\w+) host key is known|REMOTE HOST IDENTIFICATION HAS CHANGED/i)) {
		return `${dest}: unknown or changed host key; connect once with \`ssh ${dest}\` and check the key`;
	}
	if (said(/Permission denied \((?:publickey|password|keyboard-interactive)/)) return `${dest}: the server refused our key (Permission denied); check \`ssh ${dest}\``;
	if (said(/Could not resolve hostname|Name or service not known|nodename nor servname/)) return `${dest}: unknown host (the name does not resolve)`;
	if (said(/Connection refused/)) return `${dest}: connection refused (no sshd listening there)`;
	if (said(/Network is unreachable|No route to host|Connection timed out|Operation timed out|Connection closed by|Connection reset|Broken pipe|timed out/i)) {
		return `${dest}: cannot reach the server (${firstLine(text)})`;
	}
	if (said(/sudo: a (?:terminal is required|password is required)|sudo: \d+ incorrect password/)) {
		return `${dest}: sudo wants a password; allow \`sudo -n\` for this user there (NOPASSWD), or log in as root`;
	}
	if (said(/sudo: (?:command )?not found/)) return `${dest}: --sudo, but the server has no sudo`;
	if (said(/(?:^|\W)ip: (?:command )?not found|exec: ip: not found|"ip": executable file not found/)) {
		return `${dest}: no \`ip\` on the server; install iproute2 there`;
	}
	return undefined;
}

function firstLine(text: string): string {
	const lines = text.split('\n').filter((l) => !/^Warning: Permanently added/.test(l));
	return (lines[0] ?? text).trim();
}
