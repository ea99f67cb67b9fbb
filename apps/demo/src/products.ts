// Sample data the scenarios feed in, shaped like what a form, a shop or a schedule would send.

export const PRODUCTS = [
  {
    product_name: 'Glass bottle, 750 ml',
    price: '€18.00',
    badge: '#0e7c66',
    image: 'product-bottle.png',
  },
  {
    product_name: 'Ceramic mug',
    price: '€12.50',
    badge: '#b3261e',
    image: 'product-mug.png',
  },
  {
    product_name: 'Linen tote bag',
    price: '€24.00',
    badge: '#3949ab',
    image: 'product-tote.png',
  },
] as const;

/** A product card's data; the photo only where the target serves sample images (the sandbox). */
export function productCardData(
  product: (typeof PRODUCTS)[number],
  assetsUrl: string | undefined,
): Record<string, string> {
  const { image, ...fields } = product;
  return assetsUrl ? { ...fields, product_image: `${assetsUrl}/${image}` } : { ...fields };
}

export const COURSE_COMPLETION = {
  recipient_name: 'Ada Lovelace',
  course_name: 'Analytical Engines 101',
  date: '30 November 2026',
  verify_url: 'https://example.com/verify/ada-lovelace',
};

export function dailyPostData(date: Date): Record<string, string> {
  return {
    headline: 'Tip of the day: name your layers',
    date: date.toISOString().slice(0, 10),
  };
}

export const LAUNCH_POST = {
  title: 'Meet the ceramic mug',
  subtitle: 'Hand-glazed, dishwasher safe, €12.50',
};

/** The launch post's data; the author's avatar only where the target serves sample images. */
export function launchPostData(assetsUrl: string | undefined): Record<string, string> {
  return assetsUrl
    ? { ...LAUNCH_POST, author_avatar: `${assetsUrl}/avatar.png` }
    : { ...LAUNCH_POST };
}
