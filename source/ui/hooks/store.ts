// useReducer, plus getState() that is current even between a dispatch and the next render. Key handlers
// read it: two keys that arrive before React re-renders must each see the state the previous one made.
import {useCallback, useRef, useState} from 'react';

export function useStore<S, A>(reducer: (state: S, action: A) => S, initial: S): [S, (action: A) => void, () => S] {
	const ref = useRef(initial);
	const [state, setState] = useState(initial);
	const dispatch = useCallback(
		(action: A) => {
			ref.current = reducer(ref.current, action);
			setState(ref.current);
		},
		[reducer],
	);
	const getState = useCallback(() => ref.current, []);
	return [state, dispatch, getState];
}
