/**
 * The dash characters authors put between a name and a level, or write in a name: hyphen-minus,
 * the Unicode hyphens and dashes (U+2010–U+2015) and the minus sign. One class for every reader.
 */
export const DASH = '[-\u2010-\u2015\u2212]';
