// Formatting of prices and sizes for the showroom's labels and panels.

/** Formats an amount in major units, e.g. 249 EUR -> "€249". Cents appear only when there are any. */
export function formatPrice(amount: number, currency: string): string {
  const whole = Number.isInteger(amount);
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(amount);
}

/** Dimensions in metres to "W 48 × D 52 × H 82 cm". */
export function formatDimensions(d: { width: number; depth: number; height: number }): string {
  const cm = (m: number) => Math.round(m * 100);
  return `W ${cm(d.width)} × D ${cm(d.depth)} × H ${cm(d.height)} cm`;
}
