/**
 * A namespace's translation must have exactly the keys of its Chinese original, with string
 * values: a missing or misspelt key in `en` is a compile error (the key-parity test checks the
 * same at run time, and that every string parses as ICU MessageFormat).
 */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
