import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../../accounts/accounts.seed';
import { completeSections, createApplication } from '../../applications/applications.seed';
import { upsertFrame } from '../../budget/budget.queries';
import { createCall } from '../../calls/calls.seed';
import { createCluster } from '../../clusters/clusters.seed';
import { createOrganisation } from '../../organisations/organisations.seed';
import { createProgramme } from '../../programme/programme.seed';

// The pages of the decisions and their parts in the call and application pages, as the server
// renders them: what a person without JavaScript reads.
const t = setupTestApp({ web: true });

let staff: string;
let operator: string;
let manager: string;
let callId: string;
let applicationId: string;
let slug: string;
let programme: Awaited<ReturnType<typeof createProgramme>>;

beforeAll(async () => {
  programme = await createProgramme(t.db);
  await upsertFrame(t.db, programme.id, 2090, 1_000_000, new Date());
  const host = await createOrganisation(t.db, { name: 'Vertskapet AS' });
  const cluster = await createCluster(t.db, programme, { name: 'Sidetestklyngen', hostOrgnr: host.orgnr });
  slug = cluster.slug;
  const call = await createCall(t.db, {
    status: 'open',
    deadlineAt: new Date('2026-06-01T10:00:00Z'),
    levels: [{ level: 'arena', moneyNok: 5_000_000 }],
  });
  callId = call.id;
  applicationId = (
    await createApplication(t.db, {
      callId,
      clusterId: cluster.id,
      status: 'submitted',
      sections: completeSections({ level: 'arena', ownerOrgnr: host.orgnr, partners: [], firstYear: 2090 }),
    })
  ).id;
  staff = await t.signIn((await createTestAccount(t.db, 'programme_staff')).email, TEST_PASSWORD);
  operator = await t.signIn((await createTestAccount(t.db, 'operator_admin')).email, TEST_PASSWORD);
  manager = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: cluster.id })).email,
    TEST_PASSWORD,
  );
  const drafted = await t.send(
    'PUT',
    `/api/applications/${applicationId}/decision`,
    { outcome: 'admit', startsOn: '2090-01-01', yearlyGrantsNok: [2_000_000, 1_000_000] },
    { cookie: staff },
  );
  expect(drafted.status).toBe(200);
}, 60_000);

describe('the pages of a round, rendered on the server', () => {
  it("shows staff the round with its frame warning, and links to it from the call's page", async () => {
    const call = await t.get(`/calls/${callId}`, { headers: { cookie: staff } });
    expect(call.body).toContain(`href="/calls/${callId}/decisions"`);
    expect((await t.get(`/calls/${callId}`)).body).not.toContain(`/calls/${callId}/decisions`);
    const { status, body } = await t.get(`/calls/${callId}/decisions`, { headers: { cookie: staff } });
    expect(status).toBe(200);
    expect(body).toContain('data-testid="frame-warning"');
    expect(body).toContain('Sidetestklyngen');
    expect(body).not.toContain('id="override-reason"');
    const asOperator = await t.get(`/calls/${callId}/decisions`, { headers: { cookie: operator } });
    expect(asOperator.body).toContain('id="override-reason"');
  });

  it('hides the decision from the applicant until the round is published, then shows the letter and the announcement', async () => {
    expect(
      (await t.get(`/applications/${applicationId}/decision`, { headers: { cookie: manager } })).status,
    ).toBe(404);
    expect(
      (await t.get(`/applications/${applicationId}`, { headers: { cookie: manager } })).body,
    ).not.toContain('data-testid="decision-slot"');
    const published = await t.send(
      'POST',
      `/api/calls/${callId}/publish-decisions`,
      { override: { reason: 'Prøverunde.' } },
      { cookie: operator },
    );
    expect(published.status).toBe(200);
    const application = await t.get(`/applications/${applicationId}`, { headers: { cookie: manager } });
    expect(application.body).toContain('data-testid="decision-slot"');
    const decision = await t.get(`/applications/${applicationId}/decision`, { headers: { cookie: manager } });
    expect(decision.status).toBe(200);
    expect(decision.body).toContain('data-testid="decision-letter"');
    expect(decision.body).toContain('Sidetestklyngen er tatt opp');
    const call = await t.get(`/calls/${callId}`);
    expect(call.body).toContain(`href="/calls/${callId}/announcement"`);
    const announcement = await t.get(`/calls/${callId}/announcement`);
    expect(announcement.status).toBe(200);
    expect(announcement.body).toContain('Tatt opp: 1');
    expect(announcement.body).toContain(`href="/clusters/${slug}"`);
  });
});

describe("the page that extends a cluster's period, rendered on the server", () => {
  it('links staff to it from the profile, lists the periods with a form for the one that may be extended, and refuses others', async () => {
    const cluster = await createCluster(t.db, programme, {
      name: 'Forlengesideklyngen',
      engagements: [{ level: 'arena', startsOn: '2025-01-01', plannedEndOn: '2027-12-31' }],
    });
    const profile = await t.get(`/clusters/${cluster.slug}`, { headers: { cookie: staff } });
    expect(profile.body).toContain(`href="/clusters/${cluster.slug}/extend"`);
    expect((await t.get(`/clusters/${cluster.slug}`)).body).not.toContain(`/clusters/${cluster.slug}/extend`);
    const { status, body } = await t.get(`/clusters/${cluster.slug}/extend`, { headers: { cookie: staff } });
    expect(status).toBe(200);
    expect(body).toContain('Forleng en periode for Forlengesideklyngen');
    expect(body).toContain('data-testid="extend-form"');
    expect(body).toContain('Kan forlenges med inntil 2 år.');
    expect(body).not.toContain('Begrunnelse for å gå over rammen');
    const asOperator = await t.get(`/clusters/${cluster.slug}/extend`, { headers: { cookie: operator } });
    expect(asOperator.body).toContain('Begrunnelse for å gå over rammen');
    expect((await t.get(`/clusters/${cluster.slug}/extend`, { headers: { cookie: manager } })).status).toBe(
      403,
    );
  });
});
