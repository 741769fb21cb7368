/* Fuzz XML and XPath: the input's first line is an XPath expression, the
 * rest an XML document (a domain's XML when empty).  Properties: the
 * well-formedness check answers yes, or no with a message; XPath
 * evaluation gives results (an array of strings) or a message, never both
 * or neither; entities never expand past their limits.  See driver.h. */
#include "lvsh.h"
#include "result.h"
#include "xmlutil.h"

#include <libxml/xmlerror.h>

#include "driver.h"

enum { P_WELLFORMED, P_XPATH, P__COUNT };
static struct fuzz_prop props[P__COUNT] = {
    { "well-formedness answers with a message", 0 },
    { "XPath gives results or a message", 0 },
};


static const char domain_xml[] =
    "<domain type='test'>\n  <name>test</name>\n  <memory unit='KiB'>8388608</memory>\n"
    "  <vcpu>2</vcpu>\n  <os><type arch='x86_64'>hvm</type></os>\n"
    "  <devices>\n    <disk type='file' device='disk'><source file='/a b.img'/>"
    "<target dev='vda' bus='virtio'/></disk>\n    <interface type='network'>"
    "<mac address='52:54:00:00:00:01'/><source network='default'/></interface>\n"
    "  </devices>\n</domain>\n";

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    xmlSetGenericErrorFunc(NULL, quiet);   /* as lvsh's main does */
    const char *nl = memchr(data, '\n', size);
    size_t elen = nl ? (size_t)(nl - (const char *)data) : size;
    char *expr = xstrndup((const char *)data, elen);
    char *xml = nl ? xstrndup(nl + 1, size - elen - 1) : xstrdup("");
    const char *doc = *xml ? xml : domain_xml;

    struct lvsh_result r;
    result_init(&r);
    if (!xml_check_wellformed(&r, doc, "<fuzz>") && !r.err_msg)
        fuzz_fail(&props[P_WELLFORMED], "refused without a message");
    result_free(&r);

    if (*expr) {
        char *msg = NULL;
        json_t *j = xml_xpath_eval(doc, expr, size & 1, &msg);
        if (!j == !msg)
            fuzz_fail(&props[P_XPATH], "both or neither of results and message");
        if (j && !json_is_array(json_object_get(j, "results")))
            fuzz_fail(&props[P_XPATH], "results are not an array");
        size_t i;
        json_t *v;
        json_array_foreach(json_object_get(j, "results"), i, v)
            if (!json_is_string(v))
                fuzz_fail(&props[P_XPATH], "a result is not a string");
        json_decref(j);
        free(msg);
    }
    free(expr);
    free(xml);
    return 0;
}

FUZZ_MAIN("fuzz-xml", props, P__COUNT, 3000)
