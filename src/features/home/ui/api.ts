import { endpoint } from '../../../web/kit/api';
import type { meRoute, myRolesRoute } from '../../accounts/accounts.routes';

export const me = endpoint<typeof meRoute>('get', '/api/auth/me');
export const myRoles = endpoint<typeof myRolesRoute>('get', '/api/auth/roles');
