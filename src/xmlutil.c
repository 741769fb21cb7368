/* xmlutil.c: well-formedness checks, XPath, and reading files. */
#include "lvsh.h"
#include "result.h"
#include "xmlutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/catalog.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xmlsave.h>

#define XML_PARSE_SAFE (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)
#define FILE_READ_MAX (256u * 1024 * 1024)

char *file_read_all(struct lvsh_result *r, const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    struct buf b = BUF_INIT;

    /* virsh's words for both failures, which scripts match */
    if (!f) {
        err_fail(r, "Failed to open file '%s': %s", path, strerror(errno));
        return NULL;
    }
    if (!buf_read(&b, f, FILE_READ_MAX))
        err_fail(r, "file '%s' is too large", path);
    bool bad = ferror(f) || result_failed(r);
    int saved = errno;
    if (f != stdin)
        fclose(f);
    if (bad) {
        if (!result_failed(r))
            err_fail(r, "Failed to read file '%s': %s", path, strerror(saved));
        buf_free(&b);
        return NULL;
    }
    if (len)
        *len = b.len;
    return buf_steal(&b);
}

/* libxml2's message without its trailing newline */
static char *xml_error_text(const xmlError *e)
{
    char *m = xstrdup(e && e->message ? e->message : "malformed XML");
    size_t l = strlen(m);
    while (l && (m[l - 1] == '\n' || m[l - 1] == ' '))
        m[--l] = '\0';
    for (char *p = m; *p; p++)   /* an error is one line ("...\nBytes: 0xFF") */
        if (*p == '\n')
            *p = ' ';
    return m;
}

/* libxml2 reports XPath errors on stderr by default; lvsh reports its own. */
static void xml_generic_quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* libxml2 initialises itself (its globals, its catalog, their locks) on
 * first use, racily: threads that first touched it at once each made a lock
 * (one leaked), and a lost catalog lock hung exit in xmlCleanupParser.  So
 * the main thread does it before any other thread starts. */
void xml_init_before_threads(void)
{
    xmlInitParser();
#ifdef LIBXML_CATALOG_ENABLED
    xmlInitializeCatalog();
#endif
}

void xml_quiet_this_thread(void)
{
    xmlSetGenericErrorFunc(NULL, xml_generic_quiet);
}

static void xml_quiet(void *ctx, const xmlError *err)
{
    (void)ctx;
    (void)err;
}

/* Keep the first parse error: later ones are consequences of it (a bad
 * attribute on line 2 ends as "premature end of data" on the last line). */
static void xml_first_error(void *ctx, const xmlError *err)
{
    xmlError *first = ctx;
    if (!first->message && err)
        xmlCopyError((xmlErrorPtr)err, first);
}

static xmlDocPtr xml_parse_opts(struct lvsh_result *r, const char *xml, const char *name,
                                int extra)
{
    xmlError first;
    memset(&first, 0, sizeof(first));
    xmlResetLastError();
    xmlSetStructuredErrorFunc(&first, (xmlStructuredErrorFunc)xml_first_error);
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), name ? name : "xml",
                                  NULL, XML_PARSE_SAFE | extra);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (!doc && !first.message && !xmlGetLastError()) {
        err_fail(r, "%s: empty XML document", name ? name : "xml");
    } else if (!doc) {
        const xmlError *e = first.message ? &first : xmlGetLastError();
        char *m = xml_error_text(e);
        err_fail(r, "%s:%d:%d: malformed XML: %s", name ? name : "xml",
                  e ? e->line : 0, e ? e->int2 : 0, m);
        free(m);
    }
    xmlResetError(&first);
    return doc;
}

static xmlDocPtr xml_parse(struct lvsh_result *r, const char *xml, const char *name)
{
    return xml_parse_opts(r, xml, name, 0);
}

bool xml_check_wellformed(struct lvsh_result *r, const char *xml, const char *name)
{
    xmlDocPtr doc = xml_parse(r, xml, name);
    if (!doc)
        return false;
    bool ok = xmlDocGetRootElement(doc) != NULL;
    if (!ok)
        err_fail(r, "%s: no XML root element", name ? name : "xml");
    xmlFreeDoc(doc);
    return ok;
}

char *xml_read_file(struct lvsh_result *r, const char *path)
{
    size_t len = 0;
    char *text = file_read_all(r, path, &len);
    /* libvirt takes a C string: a NUL would silently cut the document */
    if (text && strlen(text) != len) {
        size_t nul = strlen(text), line = 1, col = 1;
        for (size_t i = 0; i < nul; i++, col++)
            if (text[i] == '\n') {
                line++;
                col = 0;
            }
        err_fail(r, "%s:%zu:%zu: malformed XML: NUL byte", path, line, col);
        free(text);
        return NULL;
    }
    if (text && !xml_check_wellformed(r, text, path)) {
        free(text);
        return NULL;
    }
    return text;
}

static char *node_text(xmlDocPtr doc, xmlNodePtr node)
{
    if (node->type == XML_ATTRIBUTE_NODE || node->type == XML_TEXT_NODE) {
        xmlChar *c = xmlNodeGetContent(node);
        char *s = node->type == XML_ATTRIBUTE_NODE
            ? xasprintf(" %s=\"%s\"", (const char *)node->name, c ? (const char *)c : "")
            : xstrdup(c ? (const char *)c : "");
        xmlFree(c);
        return s;
    }
    xmlBufferPtr b = xmlBufferCreate();
    xmlNodeDump(b, doc, node, 0, 1);
    char *s = xstrdup((const char *)xmlBufferContent(b));
    xmlBufferFree(b);
    return s;
}

/* virsh's --wrap: copies of the selected nodes under one <nodes> element
 * (attributes become attributes of <nodes>), indented. */
static char *wrap_nodes(xmlNodeSetPtr set)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "nodes", NULL);
    xmlDocSetRootElement(doc, root);
    for (int i = 0; set && i < set->nodeNr; i++) {
        xmlNodePtr n = set->nodeTab[i];
        if (n->type == XML_ATTRIBUTE_NODE) {
            xmlChar *v = xmlNodeGetContent(n);
            xmlSetProp(root, n->name, v);
            xmlFree(v);
        } else {
            xmlAddChild(root, xmlDocCopyNode(n, doc, 1));
        }
    }
    char *s = node_text(doc, root);
    xmlFreeDoc(doc);
    return s;
}

/* Evaluate with libxml2's XPath error printing off, then restore it. */
static xmlXPathObjectPtr xpath_eval_quietly(const char *expr, xmlXPathContextPtr ctx)
{
    xmlSetStructuredErrorFunc(NULL, (xmlStructuredErrorFunc)xml_quiet);
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    xmlSetStructuredErrorFunc(NULL, NULL);
    return obj;
}

json_t *xml_xpath_eval(const char *xml, const char *expr, bool wrap, char **msg)
{
    struct lvsh_result tmp;
    result_init(&tmp);
    xmlDocPtr doc = xml_parse_opts(&tmp, xml, "xml", XML_PARSE_NOBLANKS);
    if (!doc) {
        *msg = xstrdup(tmp.err_msg);
        result_free(&tmp);
        return NULL;
    }
    result_free(&tmp);
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr obj = ctx ? xpath_eval_quietly(expr, ctx) : NULL;
    json_t *out = NULL;
    if (!obj) {
        *msg = xasprintf("invalid XPath expression '%s'", expr);
        goto done;
    }
    json_t *arr = json_array();
    switch (obj->type) {
    case XPATH_NODESET:
        for (int i = 0; obj->nodesetval && i < obj->nodesetval->nodeNr; i++) {
            char *s = node_text(doc, obj->nodesetval->nodeTab[i]);
            json_array_append_new(arr, json_str(s));
            free(s);
        }
        break;
    case XPATH_STRING:
        json_array_append_new(arr, json_str((const char *)obj->stringval));
        break;
    case XPATH_NUMBER: {
        xmlChar *s = xmlXPathCastNumberToString(obj->floatval);
        json_array_append_new(arr, json_str((const char *)s));
        xmlFree(s);
        break;
    }
    case XPATH_BOOLEAN:
        json_array_append_new(arr, json_str(obj->boolval ? "true" : "false"));
        break;
    default:
        break;
    }
    /* json_str: an expression in invalid UTF-8 still gives a document */
    out = json_pack("{s:o,s:o}", "xpath", json_str(expr), "results", arr);
    if (wrap && obj->type == XPATH_NODESET) {
        char *w = wrap_nodes(obj->nodesetval);
        json_object_set_new(out, "wrapped", json_str(w));
        free(w);
    }
done:
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    return out;
}

char *xml_xpath_string(struct lvsh_result *r, const char *xml, const char *expr)
{
    xmlDocPtr doc = xml_parse(r, xml, "xml");
    if (!doc)
        return NULL;
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr obj = ctx ? xpath_eval_quietly(expr, ctx) : NULL;
    char *s = NULL;
    if (obj) {
        xmlChar *c = xmlXPathCastToString(obj);
        s = xstrdup((const char *)c);
        xmlFree(c);
    } else {
        err_fail(r, "invalid XPath expression '%s'", expr);
    }
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    return s;
}
