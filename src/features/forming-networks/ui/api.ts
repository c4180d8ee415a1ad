import { endpoint } from '../../../web/kit/api';
import type { meRoute } from '../../accounts/accounts.routes';
import type { registerFormingNetworkRoute } from '../forming-networks.routes';

export const registerFormingNetwork = endpoint<typeof registerFormingNetworkRoute>('post', '/api/clusters');
/** Who is asking: the form is for a person signed in. */
export const me = endpoint<typeof meRoute>('get', '/api/auth/me');
