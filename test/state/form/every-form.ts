// Every form the app can open, built as the app builds it from the bridge fixture's selection: what the
// layout tests open at each size.
import {HOST_ID, type World} from '../../../source/model/types.js';
import {togglePlan} from '../../../source/plans/link-plans.js';
import {confirmForm, type FormContext, type FormSpec} from '../../../source/plans/forms/form-spec.js';
import {editLinkForm, stackedDeviceForm} from '../../../source/plans/forms/device-forms.js';
import {commandForm, pingForm} from '../../../source/plans/forms/exec-forms.js';
import {addressForm, bridgeForm, connectForm, deleteLinkForm, detachForm, moveForm, vethForm} from '../../../source/plans/forms/link-forms.js';
import {attachForm, deleteNamespaceForm, forwardingForm, newNamespaceForm} from '../../../source/plans/forms/namespace-forms.js';
import {deleteRouteForm, routeForm} from '../../../source/plans/forms/route-forms.js';
import {scriptForm} from '../../../source/plans/forms/script-form.js';
import {fixtureWorld} from '../../support/fixtures.js';

export const WORLD: World = fixtureWorld('bridge');

function ctxOf(ns: string, link?: string): FormContext {
	return {world: WORLD, ns, link: WORLD.namespaces.find((n) => n.id === ns)?.links.find((l) => l.name === link)};
}

const spec = (made: FormSpec | string): FormSpec => {
	if (typeof made === 'string') throw new Error(`no form: ${made}`);
	return made;
};

/** Each form by name, as the key that opens it builds it. */
export function everyForm(): ReadonlyArray<readonly [string, FormSpec]> {
	const port = ctxOf(HOST_ID, 'veth_ns1_br0');
	const route = WORLD.namespaces.find((n) => n.id === HOST_ID)?.routes[0];
	return [
		['n new namespace', newNamespaceForm()],
		['N name a namespace', attachForm(ctxOf('ns1'), 4242)],
		['d delete namespace', deleteNamespaceForm(ctxOf('ns1'))],
		['f forwarding', forwardingForm(ctxOf(HOST_ID), {4: false, 6: false})],
		['v veth', vethForm(ctxOf(HOST_ID))],
		['v veth from a bridge', vethForm(ctxOf(HOST_ID, 'br0'))],
		['b bridge', bridgeForm(ctxOf(HOST_ID))],
		['c connect', spec(connectForm(port))],
		['u detach', spec(detachForm(port))],
		['m move', spec(moveForm(port))],
		['a address', spec(addressForm(port))],
		['d delete interface', spec(deleteLinkForm(port))],
		['r route', routeForm(port)],
		['d delete route', spec(deleteRouteForm(ctxOf(HOST_ID), route))],
		['e edit', spec(editLinkForm(port))],
		['+ stack', spec(stackedDeviceForm(ctxOf(HOST_ID, 'br0')))],
		['Space up/down', confirmForm(togglePlan(HOST_ID, 'veth_ns1_br0', false))],
		['p ping', pingForm(WORLD, 'ns1')],
		['x command', commandForm('ns1', 'ip neigh')],
		['w script', scriptForm(12)],
	];
}
