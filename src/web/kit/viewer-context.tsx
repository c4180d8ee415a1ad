import { createContext, useContext } from 'react';
import { type Actor, ANONYMOUS } from '../../shared/access';

const ViewerContext = createContext<Actor>(ANONYMOUS);

export const ViewerProvider = ViewerContext.Provider;

/** Who is looking at the page: decides what the UI offers. The server decides what is allowed. */
export function useViewer(): Actor {
  return useContext(ViewerContext);
}
