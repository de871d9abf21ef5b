// ink's Text, with every string child made safe to draw (model/display.ts): the one way nsdeck puts text
// on the screen, so that no name, message or command output from the kernel reaches the terminal raw.
// The linter refuses ink's own Text anywhere else.
import {Text as InkText, type TextProps} from 'ink';
import {Children} from 'react';
import {shown} from '../model/display.js';

export type {TextProps};

export function Text({children, ...props}: TextProps) {
	return <InkText {...props}>{Children.map(children, (child) => (typeof child === 'string' ? shown(child) : child))}</InkText>;
}
