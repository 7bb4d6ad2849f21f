/** contacts page wording: English is the source, every language has the same keys. */
export const en = {
  title: '',
};

/** Spanish. */
export const es: typeof en = {
  title: '',
};
