// Who a process belongs to, from its cgroup path (/proc/PID/cgroup): the container runtime and id, the
// Kubernetes pod's uid, or the systemd unit. Container runtimes name the cgroups they make after the
// container, with the systemd driver (`docker-ID.scope`) or the cgroupfs one (`/docker/ID`).

export interface CgroupOwner {
	readonly container?: {readonly runtime: string; readonly id: string};
	/** The pod's uid, as kubelet writes it in the path (`pod<uid>`, with `_` for `-` under systemd). */
	readonly podUid?: string;
	readonly unit?: string;
}

const ID = '([0-9a-f]{12,64})';

/** Runtime and the pattern of its container's cgroup directory; the first match wins, so the specific first. */
const CONTAINERS: ReadonlyArray<readonly [string, RegExp]> = [
	['containerd', new RegExp(`^cri-containerd-${ID}\\.scope$`)],
	['cri-o', new RegExp(`^crio-${ID}\\.scope$`)],
	['docker', new RegExp(`^docker-${ID}\\.scope$`)],
	['podman', new RegExp(`^libpod-${ID}\\.scope$`)],
];

/** cgroupfs driver: /docker/ID, /kubepods/besteffort/pod<uid>/ID, /machine.slice/libpod-ID… */
const PARENTS: ReadonlyArray<readonly [string, string]> = [
	['docker', 'docker'],
	['podman', 'libpod_parent'],
];

const UNIT = /^(.+\.service)$|^(.+\.scope)$/;
const POD = /^(?:kubepods-(?:[a-z]+-)?)?pod([0-9a-f_-]{36})(?:\.slice)?$/;
const NSPAWN = /^systemd-nspawn@(.+)\.service$|^machine-(.+)\.scope$/;
const LXC = /^lxc\.payload\.(.+)$/;

/** The cgroup path a process is in: the v2 line (`0::/…`), else the systemd v1 line, else the first. */
export function cgroupPath(text: string): string | undefined {
	const lines = text.split('\n').filter(Boolean);
	const v2 = lines.find((l) => l.startsWith('0::'));
	const systemd = lines.find((l) => l.includes(':name=systemd:'));
	const line = v2 && v2 !== '0::/' ? v2 : (systemd ?? v2 ?? lines[0]);
	return line?.slice(line.indexOf(':', line.indexOf(':') + 1) + 1);
}

export function cgroupOwner(path: string): CgroupOwner {
	const parts = path.split('/').filter(Boolean);
	let container: CgroupOwner['container'];
	let podUid: string | undefined;
	let unit: string | undefined;
	parts.forEach((part, i) => {
		for (const [runtime, pattern] of CONTAINERS) {
			const match = pattern.exec(part);
			if (match) container = {runtime, id: match[1]};
		}
		const parent = PARENTS.find(([, dir]) => dir === parts[i - 1]);
		if (parent && /^[0-9a-f]{64}$/.test(part)) container = {runtime: parent[0], id: part};
		const pod = POD.exec(part);
		if (pod) podUid = pod[1].replaceAll('_', '-');
		// A container directly under a pod (cgroupfs driver): /kubepods/burstable/pod<uid>/<id>.
		if (podUid && !container && /^[0-9a-f]{64}$/.test(part) && POD.test(parts[i - 1] ?? '')) container = {runtime: 'kubernetes', id: part};
		const nspawn = NSPAWN.exec(part);
		if (nspawn) container = {runtime: 'nspawn', id: nspawn[1] ?? nspawn[2]};
		const lxc = LXC.exec(part);
		if (lxc) container = {runtime: 'lxc', id: lxc[1]};
		if (UNIT.test(part)) unit = part;
	});
	// A container's scope is a unit too, but the container says more.
	return {...(container ? {container} : {}), ...(podUid ? {podUid} : {}), ...(!container && unit ? {unit} : {})};
}
