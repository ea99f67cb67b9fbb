export default {
  id: 'rnd_3b9d7e41c2a84f60',
  status: 'completed',
  url: 'https://api.canvelete.com/renders/rnd_3b9d7e41c2a84f60.png',
  format: 'png',
  width: 1200,
  height: 630,
  fileSize: 48213,
  designId: 'cm4sbx0graph1mage00000003',
  reference: 'order-1042',
  createdAt: '2026-11-30T08:00:00.000Z',
  completedAt: '2026-11-30T08:00:02.000Z',
};
