import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../../accounts/accounts.seed';
import { createCluster } from '../../clusters/clusters.seed';
import { createProgramme, type SeededProgramme } from '../../programme/programme.seed';
import { createCommitments, createFrame, createPriceIndex } from '../budget.seed';
import { listGrantedEngagements } from '../budget-parties.read-model';

// The pages as a browser without JavaScript gets them: rendered on the server, forms sent by GET.
const t = setupTestApp({ web: true });
let programme: SeededProgramme;
let staff: string;
let operator: string;
let manager: string;
let slug: string;

const page = (path: string, cookie?: string) => t.get(path, cookie ? { headers: { cookie } } : undefined);

beforeAll(async () => {
  programme = await createProgramme(t.db);
  staff = await t.signIn((await createTestAccount(t.db, 'programme_staff')).email, TEST_PASSWORD);
  operator = await t.signIn((await createTestAccount(t.db, 'operator_admin')).email, TEST_PASSWORD);
  const cluster = await createCluster(t.db, programme, {
    name: 'Havvindklyngen',
    engagements: [
      { level: 'arena', startsOn: '2024-01-01', plannedEndOn: '2025-12-31', yearlyGrantNok: 2_500_000 },
    ],
  });
  slug = cluster.slug;
  manager = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: cluster.id })).email,
    TEST_PASSWORD,
  );
  const [engagement] = await listGrantedEngagements(t.db, [cluster.id]);
  await createCommitments(
    t.db,
    [2024, 2025].map((year) => ({
      clusterId: cluster.id,
      engagementId: engagement!.id,
      levelId: engagement!.levelId,
      year,
      amountNok: 2_500_000,
      decisionId: null,
    })),
  );
  await createFrame(t.db, programme.id, 2024, 217_000_000);
  await createFrame(t.db, programme.id, 2025, 3_000_000);
  await createPriceIndex(t.db, programme.id, 2024, 125);
}, 60_000);

describe('the budget pages, rendered on the server', () => {
  it('shows staff the ledger year by year in Norwegian numbers, nominal and real', async () => {
    const { status, body } = await page('/budget', staff);
    expect(status).toBe(200);
    expect(body).toContain('data-testid="budget-ledger"');
    // 217 000 000 with the narrow no-break spaces Norwegian number formatting uses.
    expect(body).toMatch(/217\s000\s000/u);
    expect(body).toMatch(/2\s500\s000/u);
    // Real: 2 500 000 × 100 / 125.
    expect(body).toMatch(/2\s000\s000/u);
    expect(body).toContain('data-year="2024"');
    expect(body).toContain('data-year="2025"');
  });

  it('shows one year cluster by cluster, linked from the ledger', async () => {
    expect((await page('/budget', staff)).body).toContain('href="/budget/2024"');
    const { status, body } = await page('/budget/2024', staff);
    expect(status).toBe(200);
    expect(body).toContain('data-testid="year-clusters"');
    expect(body).toContain('Havvindklyngen');
  });

  it('answers a 30 % cut by a GET form, listing the years that go over and the commitments in them', async () => {
    const { status, body } = await page('/budget/scenarios?year=2024&cutPercent=30&untilYear=2025', staff);
    expect(status).toBe(200);
    expect(body).toContain('data-testid="scenario-over"');
    expect(body).toContain('data-year="2025"');
    expect(body).not.toContain('data-year="2024"');
    expect(body).toContain('data-testid="scenario-affected"');
    expect(body).toContain('Havvindklyngen');
  });

  it('shows the reason for a bad scenario on the page', async () => {
    const { status, body } = await page('/budget/scenarios?year=2024&cutPercent=300', staff);
    expect(status).toBe(200);
    expect(body).toContain('cutPercent');
  });

  it('offers operators the frame and index forms, and staff only the frames', async () => {
    expect((await page('/budget/frames', operator)).body).toContain('name="frameNok"');
    const forStaff = await page('/budget/frames', staff);
    expect(forStaff.status).toBe(200);
    expect(forStaff.body).toContain('data-testid="budget-frames"');
    expect(forStaff.body).not.toContain('name="frameNok"');
  });

  it("shows staff a cluster's commitments, and refuses others", async () => {
    const { status, body } = await page(`/clusters/${slug}/commitments`, staff);
    expect(status).toBe(200);
    expect(body).toContain('data-testid="cluster-commitments"');
    expect(body).toMatch(/5\s000\s000/u);
    expect((await page(`/clusters/${slug}/commitments`, manager)).status).toBe(403);
    expect((await page('/budget')).status).toBe(401);
  });

  it('links the ledger from the header for staff only', async () => {
    expect((await page('/budget', staff)).body).toContain('href="/budget"');
    const forManager = await page(`/clusters/${slug}`, manager);
    expect(forManager.status).toBe(200);
    expect(forManager.body).not.toContain('href="/budget"');
  });

  it("links a cluster's commitments from its profile for staff, and not for others", async () => {
    const forStaff = await page(`/clusters/${slug}`, staff);
    expect(forStaff.body).toContain(`href="/clusters/${slug}/commitments"`);
    expect((await page(`/clusters/${slug}`, manager)).body).not.toContain('/commitments"');
    expect((await page(`/clusters/${slug}`)).body).not.toContain('/commitments"');
  });
});
