import { isValidElement } from 'react';
import { describe, expect, it } from 'vitest';
import { type Api, createApi } from './api';
import { defineMessages } from './i18n';
import { definePage, lazyPage, type PageInput } from './page';

const messages = defineMessages({
  nb: { 'thing.title': 'Ting' },
  en: { 'thing.title': 'Thing' },
});

type Thing = { name: string };

async function loadThing(_api: Api, { params }: PageInput<'slug'>): Promise<Thing> {
  return { name: params.slug };
}

function ThingPage({ data }: { data: Thing }) {
  return data.name;
}

const thingPage = definePage({
  source: import.meta.url,
  messages,
  load: loadThing,
  title: (data, t) => `${t('thing.title')}: ${data.name}`,
  Component: ThingPage,
});

describe('a page declaration', () => {
  it('carries the loader’s data type to the title and the component', async () => {
    const unused = createApi(() => Promise.reject(new Error('not called')));
    const data = await thingPage.load(unused, {
      params: { slug: 'arctic' },
      url: new URL('http://x/'),
      slot: async () => ({}),
    });
    expect(thingPage.title(data, 'en')).toBe('Thing: arctic');
    expect(thingPage.title(data, 'nb')).toBe('Ting: arctic');
    expect(isValidElement(thingPage.render(data, new URL('http://x/')))).toBe(true);
    definePage({
      source: import.meta.url,
      load: loadThing,
      // @ts-expect-error: the data has no `title`
      title: (data) => data.title,
      // @ts-expect-error: a component for other data
      Component: ({ data }: { data: { count: number } }) => data.count,
    });
    definePage({
      source: import.meta.url,
      messages,
      load: loadThing,
      // @ts-expect-error: not one of the page's texts
      title: (_data, t) => t('thing.heading'),
      Component: ThingPage,
    });
  });

  it('does not compile at a URL pattern without the parameters its loader reads', () => {
    const module = async () => ({ page: thingPage });
    expect(lazyPage({ id: 'thing', path: '/things/{slug}', module }).path).toBe('/things/{slug}');
    // @ts-expect-error: the loader reads `slug`, the pattern has `id`
    lazyPage({ id: 'thing', path: '/things/{id}', module });
    lazyPage({
      id: 'thing',
      path: '/things/{slug}',
      // @ts-expect-error: the pattern has no parameter `token`
      match: { token: /^x$/ },
      module,
    });
  });
});
