import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type Api, ApiError } from './api';
import { defineSlotFill, loadSlot, Slot, SlotFillsProvider } from './slots';

const api = {} as Api;
const props = { slug: 'arctic-cluster-team' };

const always = defineSlotFill({
  id: 'b.always',
  slot: 'cluster-profile',
  Component: ({ props }) => <p>always {props.slug}</p>,
});
const staffOnly = defineSlotFill({
  id: 'a.staff',
  slot: 'cluster-profile',
  load: async () => {
    throw new ApiError(403, { title: 'Forbidden' });
  },
  Component: () => <p>staff</p>,
});
const counted = defineSlotFill({
  id: 'c.counted',
  slot: 'cluster-profile',
  load: async (_api, { slug }) => ({ count: slug.length }),
  Component: ({ data }) => <p>count {data.count}</p>,
});
const nothing = defineSlotFill({
  id: 'd.nothing',
  slot: 'cluster-profile',
  load: async () => null,
  Component: () => <p>nothing</p>,
});
const elsewhere = defineSlotFill({ id: 'e.call', slot: 'call-page', Component: () => <p>call</p> });
const fills = [counted, always, staffOnly, nothing, elsewhere];

describe('slots', () => {
  it('loads the parts of one slot, leaving out those that answer null or are refused', async () => {
    const data = await loadSlot(fills, api, 'cluster-profile', props);
    expect(data).toEqual({ 'b.always': null, 'c.counted': { count: 19 } });
  });

  it('passes on an error that is not a refusal', async () => {
    const broken = defineSlotFill({
      id: 'broken',
      slot: 'cluster-profile',
      load: async () => {
        throw new Error('database gone');
      },
      Component: () => null,
    });
    await expect(loadSlot([broken], api, 'cluster-profile', props)).rejects.toThrow('database gone');
  });

  it('draws the loaded parts in the order of their ids, and nothing of the others', async () => {
    const data = await loadSlot(fills, api, 'cluster-profile', props);
    const html = renderToString(
      <SlotFillsProvider value={fills}>
        <Slot name="cluster-profile" props={props} data={data} />
      </SlotFillsProvider>,
    );
    expect(html).toBe('<p>always <!-- -->arctic-cluster-team</p><p>count <!-- -->19</p>');
  });
});
