import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { LocaleProvider } from '../locale-context';
import { FilterForm, filtersOf, listOrProblem, ResultsTable } from './filtered-list';

describe('a filtered list', () => {
  it('passes on only the named filters that are set', () => {
    const url = new URL('http://x/calls?status=open&level=&page=2&other=1');
    expect(filtersOf(url, ['status', 'level', 'page'])).toEqual({ status: 'open', page: '2' });
  });

  it("answers a refused filter with an empty page and the API's reasons", async () => {
    const refused = Promise.reject(
      new ApiError(422, { errors: [{ path: ['query', 'status'], message: 'not a status' }] }),
    );
    expect(await listOrProblem(refused)).toEqual({
      page: { items: [], total: 0, page: 1, pageSize: 20 },
      problem: 'status: not a status',
    });
    const page = { items: [1], total: 1, page: 1, pageSize: 20 };
    expect(await listOrProblem(Promise.resolve(page))).toEqual({ page, problem: null });
    await expect(listOrProblem(Promise.reject(new ApiError(500, {})))).rejects.toThrow();
  });

  it('keeps the chosen language in the form and its clear link, and draws the results', () => {
    const html = renderToString(
      <LocaleProvider locale="en">
        <FilterForm action="/calls" url={new URL('http://x/calls?lang=en')}>
          <input name="status" />
        </FilterForm>
        <ResultsTable
          id="h"
          heading="2 calls"
          empty="None"
          items={[{ id: 'a', n: 1 }]}
          rowKey={(item) => item.id}
          columns={[{ header: 'Number', numeric: true, cell: (item) => item.n }]}
        />
      </LocaleProvider>,
    );
    expect(html).toContain('<input type="hidden" name="lang" value="en"/>');
    expect(html).toContain('href="/calls?lang=en"');
    expect(html).toMatch(/<th[^>]*class="[^"]*numeric[^"]*"[^>]*>Number<\/th>/);
    expect(html).toMatch(/<td[^>]*class="[^"]*numeric[^"]*"[^>]*>1<\/td>/);
  });
});
