// Code 128 (code set B: printable ASCII) — every barcode element is drawn in this symbology,
// whatever its barcodeFormat says; characters outside ASCII 32–126 are encoded as '?'.

// Bar/space widths in modules for symbol values 0–106 (ISO/IEC 15417); 106 is STOP with its
// termination bar.
// biome-ignore format: the standard table reads best as rows of ten
const PATTERNS = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
];

const START_B = 104;
const STOP = 106;
const QUIET_ZONE = 10;

export interface Code128 {
  /** Symbol values including start, checksum and stop. */
  values: number[];
  /** One entry per module, true for a bar; quiet zones included. */
  modules: boolean[];
  /** The text the barcode encodes (after replacing unsupported characters). */
  text: string;
}

export function encodeCode128(input: string): Code128 {
  const text = [...input].map((c) => (c >= ' ' && c <= '~' ? c : '?')).join('');
  const data = [...text].map((c) => c.charCodeAt(0) - 32);
  const checksum = data.reduce((sum, value, i) => sum + value * (i + 1), START_B) % 103;
  const values = [START_B, ...data, checksum, STOP];
  const modules: boolean[] = new Array(QUIET_ZONE).fill(false);
  for (const value of values) {
    [...PATTERNS[value]!].forEach((width, i) => {
      for (let k = 0; k < Number(width); k++) modules.push(i % 2 === 0);
    });
  }
  for (let k = 0; k < QUIET_ZONE; k++) modules.push(false);
  return { values, modules, text };
}
