// The one HTTP client of the SPA. In the browser it uses fetch; on the server the same calls go
// through the app in-process (app.request), so server-rendered pages read exactly what the API serves.
import type { z } from 'zod';
import type {
  ApiTokenListSchema,
  AuthMethodsSchema,
  CreateApiTokenBodySchema,
  CreatedApiTokenSchema,
  SessionListSchema,
} from '../features/accounts/accounts.contract';
import type {
  CreateInvitationBody,
  GrantView,
  InvitationPageSchema,
  InvitationPreview,
  InvitationView,
} from '../features/accounts/invitations.contract';
import type { AuditEventPageSchema } from '../features/audit/audit.contract';
import type {
  ClusterPageSchema,
  ClusterProfile,
  UpdateClusterBody,
} from '../features/clusters/clusters.contract';
import type { MailPageSchema } from '../features/mail/mail.contract';
import type {
  AddedMember,
  AddMemberBody,
  Member,
  MemberPageSchema,
  UpdateMemberBody,
} from '../features/memberships/memberships.contract';
import type { ActorType } from '../features/organisations/actor-type';
import type {
  OrganisationPageSchema,
  OrganisationView,
  UpdateContactBody,
} from '../features/organisations/organisations.contract';
import type { Erasure, PersonPageSchema, PersonView } from '../features/personal-data/personal-data.contract';
import type { ProgrammeView } from '../features/programme/programme.contract';
import type { Actor } from '../shared/access';

export type AuthMethods = z.infer<typeof AuthMethodsSchema>;
export type ClusterPage = z.infer<typeof ClusterPageSchema>;
export type MemberPage = z.infer<typeof MemberPageSchema>;
export type OrganisationPage = z.infer<typeof OrganisationPageSchema>;
export type SessionList = z.infer<typeof SessionListSchema>;
export type ApiTokenList = z.infer<typeof ApiTokenListSchema>;
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;
export type InvitationPage = z.infer<typeof InvitationPageSchema>;
export type MailPage = z.infer<typeof MailPageSchema>;
export type {
  ClusterProfile,
  GrantView,
  InvitationPreview,
  InvitationView,
  Member,
  OrganisationView,
  ProgrammeView,
};
export type AuditEventPage = z.infer<typeof AuditEventPageSchema>;
export type PersonPage = z.infer<typeof PersonPageSchema>;
export type { Erasure, PersonView };

export type Fetcher = (path: string, init?: RequestInit) => Promise<Response>;

export type ProblemBody = {
  title?: string;
  detail?: string;
  code?: string;
  errors?: { path: unknown[]; message: string }[];
};

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem: ProblemBody,
  ) {
    super(problem.detail ?? `The API answered ${status}.`);
  }
}

/** The query string for a GET (filters in, empty ones left out); also for download links. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function createApiClient(fetcher: Fetcher) {
  async function call<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await fetcher(path, init);
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as ProblemBody;
      throw new ApiError(response.status, problem);
    }
    return (await response.json()) as T;
  }
  const get = <T>(path: string) => call<T>(path);
  const send = <T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) =>
    call<T>(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    programme: () => get<ProgrammeView>('/api/programme'),
    clusters: (params: Record<string, string | number | undefined>) =>
      get<ClusterPage>(`/api/clusters${queryString(params)}`),
    cluster: (slug: string) => get<ClusterProfile>(`/api/clusters/${encodeURIComponent(slug)}`),
    members: (slug: string, params: Record<string, string | number | undefined>) =>
      get<MemberPage>(`/api/clusters/${encodeURIComponent(slug)}/members${queryString(params)}`),
    organisations: (params: Record<string, string | number | undefined>) =>
      get<OrganisationPage>(`/api/organisations${queryString(params)}`),
    organisation: (orgnr: string) => get<OrganisationView>(`/api/organisations/${encodeURIComponent(orgnr)}`),
    me: () => get<Actor>('/api/auth/me'),
    myRoles: () => get<{ items: GrantView[] }>('/api/auth/roles'),
    authMethods: () => get<AuthMethods>('/api/auth/methods'),
    logIn: (email: string, password: string) => send<Actor>('POST', '/api/auth/login', { email, password }),
    logOut: () => send<Actor>('POST', '/api/auth/logout'),
    updateCluster: (slug: string, body: UpdateClusterBody) =>
      send<ClusterProfile>('PATCH', `/api/clusters/${encodeURIComponent(slug)}`, body),
    addMember: (slug: string, body: AddMemberBody) =>
      send<AddedMember>('POST', `/api/clusters/${encodeURIComponent(slug)}/members`, body),
    updateMember: (slug: string, orgnr: string, body: UpdateMemberBody) =>
      send<Member>(
        'PATCH',
        `/api/clusters/${encodeURIComponent(slug)}/members/${encodeURIComponent(orgnr)}`,
        body,
      ),
    updateContact: (orgnr: string, body: UpdateContactBody) =>
      send<OrganisationView>('PATCH', `/api/organisations/${encodeURIComponent(orgnr)}/contact`, body),
    // accounts: sessions, tokens, password reset, invitations
    sessions: () => get<SessionList>('/api/auth/sessions'),
    endSession: (id: string) =>
      send<{ ended: number }>('DELETE', `/api/auth/sessions/${encodeURIComponent(id)}`),
    endAllSessions: () => send<{ ended: number }>('DELETE', '/api/auth/sessions'),
    apiTokens: () => get<ApiTokenList>('/api/auth/tokens'),
    createApiToken: (body: z.input<typeof CreateApiTokenBodySchema>) =>
      send<CreatedApiToken>('POST', '/api/auth/tokens', body),
    revokeApiToken: (id: string) => send<unknown>('DELETE', `/api/auth/tokens/${encodeURIComponent(id)}`),
    requestPasswordReset: (email: string) =>
      send<{ message: string }>('POST', '/api/auth/password-reset', { email }),
    completePasswordReset: (token: string, password: string) =>
      send<Actor>('POST', '/api/auth/password-reset/complete', { token, password }),
    invitations: (params: Record<string, string | number | undefined>) =>
      get<InvitationPage>(`/api/invitations${queryString(params)}`),
    invite: (body: CreateInvitationBody) => send<InvitationView>('POST', '/api/invitations', body),
    revokeInvitation: (id: string) =>
      send<InvitationView>('POST', `/api/invitations/${encodeURIComponent(id)}/revoke`),
    invitation: (token: string) =>
      get<InvitationPreview>(`/api/invitations/by-token/${encodeURIComponent(token)}`),
    acceptInvitation: (body: { token: string; name?: string; password?: string }) =>
      send<Actor>('POST', '/api/invitations/accept', body),
    mail: (params: Record<string, string | number | undefined>) =>
      get<MailPage>(`/api/mail${queryString(params)}`),
    setActorType: (orgnr: string, actorType: ActorType | null) =>
      send<OrganisationView>('PUT', `/api/organisations/${encodeURIComponent(orgnr)}/actor-type`, {
        actorType,
      }),
    // Audit trail and personal data
    auditEvents: (params: Record<string, string | number | undefined>) =>
      get<AuditEventPage>(`/api/audit-events${queryString(params)}`),
    persons: (params: Record<string, string | number | undefined>) =>
      get<PersonPage>(`/api/persons${queryString(params)}`),
    person: (id: string) => get<PersonView>(`/api/persons/${encodeURIComponent(id)}`),
    erasePerson: (id: string, confirmation: string) =>
      send<Erasure>('POST', `/api/persons/${encodeURIComponent(id)}/erase`, { confirmation }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
