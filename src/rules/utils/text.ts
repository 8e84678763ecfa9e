// Values as messages show them, and lengths as JSON Schema counts them.

/** A value as shown in a message: printable ASCII as is, anything else escaped; long values cut. */
export function printable(value: string, max = 80): string {
  const cut = value.length > max ? `${value.slice(0, max - 3)}...` : value;
  return /^[\x20-\x7e]*$/.test(cut) ? cut : JSON.stringify(cut).slice(1, -1);
}

/** The length in Unicode code points, as JSON Schema's maxLength counts it. */
export function codePointLength(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

