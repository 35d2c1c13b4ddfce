// Compile-time checks that a route's response schema accepts what its service returns.
import type { Static, TSchema } from '@sinclair/typebox';

/** Each field of T fits the schema's field of the same name (field by field: TypeBox's optional fields defeat a whole-object check). */
export type FieldsFit<S extends TSchema, T> = { [K in keyof T]-?: K extends keyof Static<S> ? ([T[K]] extends [Static<S>[K]] ? true : false) : false }[keyof T];
export type Assert<T extends true> = T;
