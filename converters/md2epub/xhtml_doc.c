/* xhtml_doc.c - what every XHTML document of the book is built from: text
 * without the characters XML forbids, valid unique ids, the document
 * skeleton (content documents, nav, cover page), the missing-image
 * placeholder. */
#include <string.h>

#include "xhtml.h"

char *
epub_clean(const char *s)
{
	GString *o = g_string_sized_new(strlen(s));
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
			continue;
		/* U+FFFE and U+FFFF are not XML characters either. */
		if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
			p += 2;
			continue;
		}
		g_string_append_c(o, (char)*p);
	}
	return g_string_free(o, FALSE);
}

void
epub_text(xmlNodePtr parent, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	char *c = epub_clean(s);
	xmlAddChild(parent, xmlNewText(BAD_CAST c));
	g_free(c);
}

void
epub_nl(xmlNodePtr parent)
{
	xmlAddChild(parent, xmlNewText(BAD_CAST "\n"));
}

/* XML ids must be NCNames (epubcheck: "must be an XML name without
 * colons"): slugs like "2024-plan" or ones with '/' are not. */
char *
epub_xml_id(const char *raw)
{
	GString *o = g_string_new(NULL);
	for (const char *p = raw; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char_validated(p, -1);
		if (c == (gunichar)-1 || c == (gunichar)-2)
			break;
		bool ok = g_unichar_isalnum(c) || c == '_' || c == '-' || c == '.' ||
		          g_unichar_type(c) == G_UNICODE_NON_SPACING_MARK ||
		          g_unichar_type(c) == G_UNICODE_OTHER_LETTER;
		if (c < 0x80 && !g_ascii_isalnum((int)c) && c != '_' && c != '-' && c != '.')
			ok = false;
		if (!ok) {
			if (o->len > 0 && o->str[o->len - 1] != '-')
				g_string_append_c(o, '-');
			continue;
		}
		if (o->len == 0 && !(g_unichar_isalpha(c) || c == '_'))
			g_string_append(o, "id-");
		g_string_append_unichar(o, c);
	}
	if (o->len == 0)
		g_string_append(o, "id");
	return g_string_free(o, FALSE);
}

const char *
epub_claim_id(struct epub_chapter *ch, const char *base)
{
	char *id = epub_xml_id(base);
	for (int i = 2; g_hash_table_contains(ch->ids, id); i++) {
		g_free(id);
		char *b = epub_xml_id(base);
		id = g_strdup_printf("%s-%d", b, i);
		g_free(b);
	}
	g_hash_table_insert(ch->ids, id, EPUB_ID_PRESENT);
	return id;
}

xmlNodePtr
epub_missing_image(xmlNodePtr parent, const char *alt)
{
	xmlNodePtr s = el(parent, "span");
	prop(s, "class", "missing-image");
	epub_text(s, (alt && *alt) ? alt : "image");
	return s;
}

xmlNodePtr
epub_xhtml_skeleton(xmlDocPtr *docp, const char *lang, const char *title, bool stylesheet)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr html = xmlNewDocNode(doc, NULL, BAD_CAST "html", NULL);
	xmlDocSetRootElement(doc, html);
	xmlCreateIntSubset(doc, BAD_CAST "html", NULL, NULL);
	xmlNsPtr ns = xmlNewNs(html, BAD_CAST EPUB_NS_XHTML, NULL);
	xmlSetNs(html, ns);
	xmlNewNs(html, BAD_CAST EPUB_NS_OPS, BAD_CAST "epub");
	if (lang && *lang) {
		xmlNodeSetLang(html, BAD_CAST lang);
		xmlNewProp(html, BAD_CAST "lang", BAD_CAST lang);
	}
	epub_nl(html);
	xmlNodePtr head = el(html, "head");
	epub_nl(head);
	xmlNodePtr meta = el(head, "meta");
	xmlNewProp(meta, BAD_CAST "charset", BAD_CAST "utf-8");
	epub_nl(head);
	xmlNodePtr t = el(head, "title");
	epub_text(t, title && *title ? title : "-");
	epub_nl(head);
	if (stylesheet) {
		xmlNodePtr link = el(head, "link");
		xmlNewProp(link, BAD_CAST "rel", BAD_CAST "stylesheet");
		xmlNewProp(link, BAD_CAST "type", BAD_CAST "text/css");
		xmlNewProp(link, BAD_CAST "href", BAD_CAST "style.css");
		epub_nl(head);
	}
	epub_nl(html);
	xmlNodePtr body = el(html, "body");
	epub_nl(body);
	epub_nl(html);
	*docp = doc;
	return body;
}
