/** A product card as the Canvelete editor stores it: one element for each seam-2 rule, in canvas order. */
export const productCard = {
  id: 'design_1',
  name: 'Product card',
  isTemplate: false,
  canvasData: {
    width: 1080,
    height: 1080,
    elements: [
      { id: 'el_bg', type: 'rectangle', name: 'background', isDynamic: true, fill: '#ffffff' },
      { id: 'el_title', type: 'text', name: 'Title', text: '{{ product_name }}', isDynamic: true },
      { id: 'el_price', type: 'text', name: 'Price', text: 'Only {{price}} today, {{ currency }}' },
      { id: 'el_photo', type: 'image', name: 'Photo', src: '{{product_image}}' },
      { id: 'el_qr', type: 'qr', name: 'QR', qrValue: '{{product_url}}' },
      { id: 'el_bar', type: 'barcode', name: 'Barcode', barcodeValue: '{{sku}}' },
      { id: 'el_tag', type: 'text', name: 'tagline', isDynamic: true, text: 'Fresh today' },
      {
        id: 'el_logo',
        type: 'image',
        name: 'logo',
        isDynamic: true,
        src: 'https://cdn.example/l.png',
      },
      { id: 'el_badge', type: 'star', name: 'badge', isDynamic: true, fill: 'gold' },
      { id: 'el_static', type: 'rectangle', name: 'frame', fill: '#000000' },
      { id: 'el_line', type: 'line', name: 'divider', isDynamic: true, stroke: '#ccc' },
    ],
  },
};
