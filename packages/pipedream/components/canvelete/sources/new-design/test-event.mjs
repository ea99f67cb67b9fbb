export default {
  id: 'cm4sbx0graph1mage00000003',
  name: 'Open Graph image',
  description: 'A 1200×630 social card',
  width: 1200,
  height: 630,
  status: 'PUBLISHED',
  visibility: 'PRIVATE',
  isTemplate: false,
  thumbnailUrl: 'https://api.canvelete.com/thumbnails/cm4sbx0graph1mage00000003.png',
  createdAt: '2026-11-30T08:00:00.000Z',
  updatedAt: '2026-11-30T08:00:00.000Z',
};
