/* xmlcheck - tiny libxml2 helper for suite-30-epub.sh, so the suite needs
 * no xmllint (libxml2-utils).
 *   xmlcheck wf FILE...          every FILE is well-formed XML (exit 1 if not)
 *   xmlcheck xpath EXPR FILE     print the XPath result as a string; the
 *                                prefixes h (XHTML), epub, opf, dc, ncx are bound
 */
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

static int
wellformed(int n, char **files)
{
	int bad = 0;
	for (int i = 0; i < n; i++) {
		xmlDocPtr doc =
		    xmlReadFile(files[i], NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING);
		if (doc == NULL) {
			fprintf(stderr, "not well-formed: %s\n", files[i]);
			bad++;
		} else {
			xmlFreeDoc(doc);
		}
	}
	return bad ? 1 : 0;
}

static int
xpath(const char *expr, const char *file)
{
	xmlDocPtr doc = xmlReadFile(file, NULL, XML_PARSE_NONET);
	if (doc == NULL)
		return 1;
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathRegisterNs(ctx, BAD_CAST "h", BAD_CAST "http://www.w3.org/1999/xhtml");
	xmlXPathRegisterNs(ctx, BAD_CAST "epub", BAD_CAST "http://www.idpf.org/2007/ops");
	xmlXPathRegisterNs(ctx, BAD_CAST "opf", BAD_CAST "http://www.idpf.org/2007/opf");
	xmlXPathRegisterNs(ctx, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
	xmlXPathRegisterNs(ctx, BAD_CAST "ncx",
	                   BAD_CAST "http://www.daisy.org/z3986/2005/ncx/");
	xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
	int rc = 1;
	if (r) {
		xmlChar *s = xmlXPathCastToString(r);
		printf("%s\n", (const char *)s);
		xmlFree(s);
		xmlXPathFreeObject(r);
		rc = 0;
	}
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	return rc;
}

int
main(int argc, char **argv)
{
	int rc = 2;
	if (argc >= 3 && strcmp(argv[1], "wf") == 0)
		rc = wellformed(argc - 2, argv + 2);
	else if (argc == 4 && strcmp(argv[1], "xpath") == 0)
		rc = xpath(argv[2], argv[3]);
	else
		fprintf(stderr, "usage: xmlcheck wf FILE... | xmlcheck xpath EXPR FILE\n");
	xmlCleanupParser();
	return rc;
}
