// The sandbox's seeded designs (apps/sandbox/src/seed), by the role they play in these tests.
export const SEED_IDS = {
  productCard: 'cm4sbxprodct0card00000002',
  ticketTemplate: 'cm4sbxt1cket0tmpl00000005',
  certificate: 'cm4sbxcert1f1cate00000001',
  staticBanner: 'cm4sbxstat1cbanner0000006',
} as const;
