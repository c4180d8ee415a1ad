import {
  type ComponentType,
  createContext,
  createElement,
  Fragment,
  type ReactNode,
  useContext,
} from 'react';
import { type Api, ApiError } from './api';

/**
 * The places in a feature's pages where features after it put parts of their own, and what each
 * part is told. A later feature adds a link or a panel to an earlier feature's page by filling a
 * slot in its own `ui/slots.ts`, without editing that page (decision 015).
 */
export type SlotProps = {
  /** The public cluster profile (clusters). */
  'cluster-profile': { slug: string };
  /** A call's page (calls). */
  'call-page': { callId: string; status: string; deadlineAt: string };
  /** An application's page (applications). */
  'application-page': { applicationId: string };
};

export type SlotName = keyof SlotProps;

/**
 * One feature's part in a slot: what it loads with the page (on the server too, so the part is in
 * the HTML without JavaScript) and what it draws. `load` answering null, or an API error that
 * says no (401, 403, 404), leaves the part out: a part offered to staff loads nothing for others.
 */
export type SlotFill = {
  readonly id: string;
  readonly slot: SlotName;
  load?(api: Api, props: never): Promise<unknown>;
  render(props: never, data: unknown): ReactNode;
};

/** Declares a part for a slot; its data's type flows from `load` to the component. */
export function defineSlotFill<Name extends SlotName, Data = null>(fill: {
  id: string;
  slot: Name;
  load?: (api: Api, props: SlotProps[Name]) => Promise<Data | null>;
  Component: ComponentType<{ props: SlotProps[Name]; data: NoInfer<Data> }>;
}): SlotFill {
  const { id, slot, load, Component } = fill;
  return {
    id,
    slot,
    ...(load ? { load: load as (api: Api, props: never) => Promise<unknown> } : {}),
    render: (props, data) => createElement(Component, { key: id, props, data: data as Data }),
  };
}

/** What a slot's parts loaded, by their ids: plain data, embedded in the page's state. */
export type SlotData = Record<string, unknown>;

const SAYS_NO = new Set([401, 403, 404]);

/** The parts of one slot, in a fixed order, so that the server and the browser draw them alike. */
function fillsOf(fills: readonly SlotFill[], name: SlotName): SlotFill[] {
  return fills.filter((fill) => fill.slot === name).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Loads every part of a slot side by side; a part that has nothing to show is left out. */
export async function loadSlot<Name extends SlotName>(
  fills: readonly SlotFill[],
  api: Api,
  name: Name,
  props: SlotProps[Name],
): Promise<SlotData> {
  const loaded = await Promise.all(
    fillsOf(fills, name).map(async (fill): Promise<[string, unknown] | undefined> => {
      if (!fill.load) return [fill.id, null];
      try {
        const data = await fill.load(api, props as never);
        return data === null || data === undefined ? undefined : [fill.id, data];
      } catch (error) {
        if (error instanceof ApiError && SAYS_NO.has(error.status)) return undefined;
        throw error;
      }
    }),
  );
  return Object.fromEntries(loaded.filter((entry) => entry !== undefined));
}

const SlotFillsContext = createContext<readonly SlotFill[]>([]);

/** Gives the pages every feature's slot parts (the shell does, on the server and in the browser). */
export const SlotFillsProvider = SlotFillsContext.Provider;

/** The slot's parts that loaded something, drawn where the page puts the slot. */
export function Slot<Name extends SlotName>({
  name,
  props,
  data,
}: {
  name: Name;
  props: SlotProps[Name];
  data: SlotData;
}): ReactNode {
  const fills = fillsOf(useContext(SlotFillsContext), name).filter((fill) => fill.id in data);
  if (fills.length === 0) return null;
  return createElement(
    Fragment,
    null,
    fills.map((fill) => fill.render(props as never, data[fill.id])),
  );
}
