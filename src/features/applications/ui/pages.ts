import type { lazyPage } from '../../../web/kit/page';

export const pages: ReturnType<typeof lazyPage>[] = [];
