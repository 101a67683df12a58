// User text (labels, descriptions, rationales) goes into XML, HTML and Markdown as text, never as
// markup: every writer of those formats escapes through here.

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe inside XML/HTML/SVG element content and quoted attributes. Characters XML 1.0 forbids
 * (most control characters, lone surrogates) are dropped, since no escape can carry them. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[&<>"']/g, (ch) => XML_ENTITIES[ch]!);
}

/** Text shown literally in Markdown (CommonMark and GitHub tables): inline markup characters and
 * HTML are backslash-escaped, and so is a list, quote or heading marker at the start; line breaks
 * become spaces. Ordinary punctuation is left alone, so the Markdown stays readable. */
export function escapeMarkdown(text: string): string {
  const inline = text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (ch) => `\\${ch}`);
  return inline.replace(/^(\s*)([-+#>=]|\d+[.)])/, (_match, space: string, marker: string) => `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`);
}
