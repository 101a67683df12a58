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

/** Text shown literally in Markdown (CommonMark and GitHub tables): markup characters and HTML are
 * backslash-escaped, line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (ch) => `\\${ch}`);
}
