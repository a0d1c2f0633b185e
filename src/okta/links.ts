// Finds the next page: RFC 8288 `Link` headers (one line per relation, or comma-joined) and
// the `_links.next.href` of body-wrapped lists.

/** The `rel="next"` target of a response's Link header(s), if any. */
export function nextFromLinkHeader(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  for (const line of Array.isArray(value) ? value : [value]) {
    // Split on commas outside <…>: URLs may contain commas.
    for (const link of line.match(/<[^>]*>[^,]*/g) ?? []) {
      const target = /^<([^>]*)>/.exec(link)?.[1];
      const rels = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(link)?.[1]?.toLowerCase().split(/\s+/) ?? [];
      if (target && rels.includes('next')) return target;
    }
  }
  return undefined;
}

/** `_links.next.href` of a wrapped list body, if any. */
export function nextFromBody(body: unknown): string | undefined {
  const href = (body as { _links?: { next?: { href?: unknown } } } | null)?._links?.next?.href;
  return typeof href === 'string' && href ? href : undefined;
}
