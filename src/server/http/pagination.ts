import { z } from '@hono/zod-openapi';

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).openapi({ example: 1 }),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
});

export type PageQuery = z.infer<typeof PageQuerySchema>;

/** The one list envelope. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export function offsetOf(query: PageQuery): number {
  return (query.page - 1) * query.pageSize;
}
