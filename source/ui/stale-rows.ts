// Whether the rows on screen may be out of date: their server is disconnected (ssh-keeper.ts). Lists
// then draw their rows dim, as the title says since when; the app provides it around the panes.
import {createContext} from 'react';

export const StaleRows = createContext(false);
