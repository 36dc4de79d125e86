// Whether a and b are the same plain data, key order included, telling apart what JSON would merge
// (undefined and a missing key, -0 and 0, NaN and null): the equality contentKey() gives, without
// building a key. False for anything but plain data (a Date, a Map, a class instance, a function, an
// array with holes), so such a value is never taken for another.
export function sameContent(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b) return false;
  switch (typeof a) {
    case "string":
    case "number":
    case "boolean":
    case "bigint":
    case "undefined":
      return Object.is(a, b);
    case "object":
      if (a === null || b === null) return a === b;
      if (Array.isArray(a)) return Array.isArray(b) && sameArray(a, b);
      return !Array.isArray(b) && sameRecord(a, b as object);
    default:
      return false;
  }
}

function sameArray(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (Object.getPrototypeOf(a) !== Array.prototype || Object.getPrototypeOf(b) !== Array.prototype || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (!(i in a) || !(i in b) || !sameContent(a[i], b[i])) return false;
  }
  return true;
}

function sameRecord(a: object, b: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(a);
  if ((prototype !== Object.prototype && prototype !== null) || Object.getPrototypeOf(b) !== prototype) return false;
  // b's keys walked with for-in (own keys come in Object.keys order), so only a's are listed.
  const keys = Object.keys(a);
  let i = 0;
  for (const key in b) {
    if (!Object.hasOwn(b, key) || key !== keys[i] || !sameContent((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
    i++;
  }
  return i === keys.length;
}
