/**
 * Keys that could reach an object's prototype if some later code copied them around. Front matter
 * and saved assessments both refuse them; this is the one list.
 */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
