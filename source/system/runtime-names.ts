// The names container runtimes keep on disk for a container id, read without asking any daemon: Docker's
// config.v2.json ("Name": "/web"), and the annotations containerd and CRI-O write into a Kubernetes
// sandbox's OCI config.json (the pod's namespace and name). Any file missing, unreadable or odd: no name.
import {readFileSync} from 'node:fs';
import type {NetnsLabel} from '../model/types.js';

/** Where the runtimes keep their files; tests point these at a directory of their own. */
export interface RuntimeRoots {
	readonly docker: string;
	readonly containerd: string;
	readonly crio: string;
}

export const RUNTIME_ROOTS: RuntimeRoots = {
	docker: '/var/lib/docker/containers',
	containerd: '/run/containerd/io.containerd.runtime.v2.task/k8s.io',
	crio: '/run/containers/storage/overlay-containers',
};

/** Config files are small; a huge one is not what we look for, and is not read into memory. */
const MOST_BYTES = 1 << 20;

function readJson(path: string): Record<string, unknown> | undefined {
	try {
		const text = readFileSync(path, 'utf8');
		if (text.length > MOST_BYTES) return undefined;
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function annotations(config: Record<string, unknown> | undefined): Record<string, unknown> {
	const value = config?.annotations;
	return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

type Names = Pick<NetnsLabel, 'pod'> & {readonly name?: string};

/** The container's name and pod, where its runtime's files say them. */
export function runtimeNames(runtime: string, id: string, roots: RuntimeRoots = RUNTIME_ROOTS): Names {
	if (!/^[0-9a-f]{12,64}$/.test(id)) return {};
	if (runtime === 'docker') {
		const name = text(readJson(`${roots.docker}/${id}/config.v2.json`)?.Name);
		return name ? {name: name.replace(/^\//, '')} : {};
	}
	const [config, podName, podNamespace] =
		runtime === 'containerd'
			? [readJson(`${roots.containerd}/${id}/config.json`), 'io.kubernetes.cri.sandbox-name', 'io.kubernetes.cri.sandbox-namespace']
			: runtime === 'cri-o'
				? [readJson(`${roots.crio}/${id}/userdata/config.json`), 'io.kubernetes.pod.name', 'io.kubernetes.pod.namespace']
				: [undefined, '', ''];
	const notes = annotations(config);
	const name = text(notes[podName]);
	const namespace = text(notes[podNamespace]);
	return name && namespace ? {pod: {namespace, name}} : {};
}
