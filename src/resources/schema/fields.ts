// The field shapes every schema file writes: a string, time or dict (read from the object's own
// JSON, at a dot path when given), a list read from an endpoint, and ids taken from `_links` hrefs.
import type { FieldSpec } from '../types.js';

const plain = (type: 'string' | 'time' | 'dict') => (doc: string, json?: string): FieldSpec => ({ type, doc, ...(json ? { from: { json } } : {}) });

export const str = plain('string');
export const time = plain('time');
export const dict = plain('dict');

/** A list of resources read from an endpoint. */
export const list = (resource: string, read: string, doc: string): FieldSpec => ({ type: { list: { resource } }, doc, from: { read } });

/** The id at the end of an href such as `https://acme.okta.com/api/v1/policies/00p1`. */
export const idFromHref = (href: unknown): string | null => (typeof href === 'string' ? href.slice(href.lastIndexOf('/') + 1) : null);
