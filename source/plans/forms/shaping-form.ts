// Q on an interface: shape what it sends. A rate limit (tbf: rate, burst, latency) and network emulation
// (netem: delay with jitter, loss, duplication, reordering; the kernel needs sch_netem), or, with
// "remove", back to the default qdisc. Each value in tc's own words, checked here before anything runs.
import {isDefaultQdisc, type Qdisc} from '../../model/traffic/qdisc.js';
import {checkPercent, checkRate, checkSize, checkTime} from '../../model/traffic/tc-units.js';
import {shapePlan, unshapePlan, type NetemValues, type TbfValues} from '../shaping-plans.js';
import {errorsOf, flag, text, type FormContext, type FormSpec, type FormValues} from './form-spec.js';

/** A percentage as tc takes it: with its % sign. */
const percent = (value: string): string | undefined => (value === '' ? undefined : value.endsWith('%') ? value : `${value}%`);

const NETEM_FIELDS = ['delay', 'jitter', 'loss', 'duplicate', 'reorder'] as const;

function chosen(v: FormValues): {tbf?: TbfValues; netem?: NetemValues} {
	const tbf = text(v, 'rate') ? {rate: text(v, 'rate'), burst: text(v, 'burst'), latency: text(v, 'latency')} : undefined;
	const netem: NetemValues = {
		delay: text(v, 'delay') || undefined,
		jitter: text(v, 'jitter') || undefined,
		loss: percent(text(v, 'loss')),
		duplicate: percent(text(v, 'duplicate')),
		reorder: percent(text(v, 'reorder')),
	};
	return {tbf, netem: NETEM_FIELDS.some((f) => text(v, f) !== '') ? netem : undefined};
}

/** `current`: the link's qdiscs now (tc -j qdisc show dev LINK), for the undo; undefined when not read. */
export function shapingForm(ctx: FormContext, current: readonly Qdisc[] | undefined): FormSpec | string {
	const link = ctx.link;
	if (!link) return `no interface selected in ${ctx.ns}`;
	const ns = ctx.ns;
	const shaped = !isDefaultQdisc(current?.find((q) => q.root)?.kind ?? link.qdisc);
	return {
		title: `Shape what ${link.name} in ${ns} sends`,
		fields: [
			{id: 'rate', label: 'Rate limit (tbf)', kind: 'text', placeholder: 'none, or 1mbit, 250kbit'},
			{id: 'burst', label: 'Burst', kind: 'text'},
			{id: 'latency', label: 'Queue latency', kind: 'text'},
			{id: 'delay', label: 'Delay (netem)', kind: 'text', placeholder: 'none, or 100ms'},
			{id: 'jitter', label: 'Jitter', kind: 'text', placeholder: 'none, or 10ms'},
			{id: 'loss', label: 'Loss', kind: 'text', placeholder: 'none, or 1%'},
			{id: 'duplicate', label: 'Duplication', kind: 'text', placeholder: 'none, or 1%'},
			{id: 'reorder', label: 'Reordering', kind: 'text', placeholder: 'none, or 25% (needs a delay)'},
			{id: 'remove', label: 'Remove shaping (default qdisc)', kind: 'toggle'},
		],
		initial: {rate: '', burst: '32kbit', latency: '400ms', delay: '', jitter: '', loss: '', duplicate: '', reorder: '', remove: false},
		validate(v) {
			if (flag(v, 'remove')) return shaped ? {} : {remove: `${link.name} has the default qdisc: nothing to remove`};
			const {tbf, netem} = chosen(v);
			const t = (id: string): string => text(v, id);
			return errorsOf({
				rate: t('rate') ? checkRate(t('rate')) : undefined,
				burst: tbf ? checkSize(t('burst')) : undefined,
				latency: tbf ? checkTime(t('latency')) : undefined,
				delay: t('delay') ? checkTime(t('delay')) : t('jitter') || t('reorder') ? 'jitter and reordering need a delay' : undefined,
				jitter: t('jitter') ? checkTime(t('jitter')) : undefined,
				loss: t('loss') ? checkPercent(t('loss')) : undefined,
				duplicate: t('duplicate') ? checkPercent(t('duplicate')) : undefined,
				reorder: t('reorder') ? checkPercent(t('reorder')) : undefined,
				_form: tbf || netem ? undefined : 'set a rate limit or a delay, loss, duplication or reordering (or remove shaping)',
			});
		},
		plan(v) {
			if (flag(v, 'remove')) return unshapePlan(ns, link.name, current);
			return shapePlan({ns, link: link.name, ...chosen(v), current});
		},
	};
}
