'use client';

import { useActionState, type ReactNode } from 'react';
import { attachmentScreens } from '../poliklinika/screens';
import { childScreens } from '../rebenok/screens';
import { insurerChangeScreens } from '../smena-smo/screens';
import { policyScreens } from '../poluchit-polis/screens';
import { regionChangeScreens } from '../pereezd/screens';
import { renewalScreens } from '../vozobnovit/screens';
import { suspensionScreens } from '../priostanovit/screens';
import { journeyStep } from './journey-action';
import { JourneyScreenOf, type JourneyScreens } from './journey-screen';
import type { JourneyState } from './journey-state';

interface PageProps {
  state: JourneyState;
  action: (form: FormData) => void;
  canStart: boolean;
  children: ReactNode;
}

function entry<R, V>(screens: JourneyScreens<R, V>): [string, (p: PageProps) => ReactNode] {
  // The state comes from the journey of this id (journeys.ts), so it is that journey's state.
  const page = ({ state, ...rest }: PageProps) => (
    <JourneyScreenOf screens={screens} state={state as JourneyState<R, V>} {...rest} />
  );
  return [screens.id, page];
}

const pages = new Map([
  entry(policyScreens),
  entry(childScreens),
  entry(insurerChangeScreens),
  entry(regionChangeScreens),
  entry(suspensionScreens),
  entry(renewalScreens),
  entry(attachmentScreens),
]);

/**
 * The one client boundary of the journeys. Next carries a server action's answer into the page rendered
 * after a plain (JavaScript-off) form post only through `useActionState`, a client hook; so this component
 * holds the state, and everything it renders is the shared, hook-free step components. The portal ships
 * no React runtime (ADR 0016): this runs on the server only.
 */
export function Journey({
  initial,
  canStart,
  children,
}: {
  initial: JourneyState;
  canStart: boolean;
  children: ReactNode;
}) {
  const [state, action] = useActionState(journeyStep, initial);
  const page = pages.get(state.journey);
  return page ? page({ state, action, canStart, children }) : null;
}
