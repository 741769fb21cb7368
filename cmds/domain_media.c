/* domain_media.c: changes made by editing one device of the domain's XML
 * and handing it back to libvirt: change-media (a CD or floppy's media) and
 * update-memory-device (a virtio-mem device's requested size). */
#include "domain_common.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

/* The domain's XML (the persistent one when only --config is given),
 * parsed with its whitespace kept: --print-xml shows the device as
 * virsh does, indentation included.  NULL with r filled on failure. */
static xmlDocPtr dom_doc(virDomainPtr d, unsigned flags, struct lvsh_result *r)
{
    bool inactive = (flags & VIR_DOMAIN_AFFECT_CONFIG) && !(flags & VIR_DOMAIN_AFFECT_LIVE);
    char *xml = virDomainGetXMLDesc(d, inactive ? VIR_DOMAIN_XML_INACTIVE : 0);
    if (!xml) {
        err_lib(r, "failed to get the XML of domain '%s'", virDomainGetName(d));
        return NULL;
    }
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "domain.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    free(xml);
    if (!doc)
        err_fail(r, "cannot parse the XML of domain '%s'", virDomainGetName(d));
    return doc;
}

static bool is_elem(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name);
}

static xmlNodePtr child_elem(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (is_elem(c, name))
            return c;
    return NULL;
}

static bool attr_is(xmlNodePtr n, const char *attr, const char *want)
{
    xmlChar *v = n ? xmlGetProp(n, BAD_CAST attr) : NULL;
    bool eq = v && want && strcmp((const char *)v, want) == 0;
    xmlFree(v);
    return eq;
}

/* Call fn on each element <name> under <devices>. */
static void each_device(xmlDocPtr doc, const char *name,
                        void (*fn)(xmlNodePtr n, void *ctx), void *ctx)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr dv = root ? root->children : NULL; dv; dv = dv->next)
        if (is_elem(dv, "devices"))
            for (xmlNodePtr c = dv->children; c; c = c->next)
                if (is_elem(c, name))
                    fn(c, ctx);
}

/* The node as libxml writes it (virsh's --print-xml form), with a newline. */
static char *node_text(xmlDocPtr doc, xmlNodePtr n)
{
    xmlBufferPtr b = xmlBufferCreate();
    xmlNodeDump(b, doc, n, 0, 0);
    char *s = xasprintf("%s\n", (const char *)xmlBufferContent(b));
    xmlBufferFree(b);
    return s;
}

/* Print the device (virsh ends it with its one-shot newline only) or hand
 * it to virDomainUpdateDeviceFlags. */
static bool device_apply(virDomainPtr d, xmlDocPtr doc, xmlNodePtr n, unsigned flags,
                         bool print, struct lvsh_result *r)
{
    char *xml = node_text(doc, n);
    bool ok = true;
    if (print) {
        out_text(r, "%s", xml);
        out_bare(r);
        out_json_set(r, "xml", json_str(xml));
    } else {
        ok = virDomainUpdateDeviceFlags(d, xml, flags) == 0;
    }
    free(xml);
    return ok;
}

/* ---- change-media ------------------------------------------------------- */

enum media_action { MEDIA_DEFAULT, MEDIA_EJECT, MEDIA_INSERT, MEDIA_UPDATE };

struct disk_find {
    const char *path;
    xmlNodePtr found;
};

/* A CD or floppy drive whose target or source is the path, as virsh's
 * changeable disks: other disks have no media to change. */
static void find_changeable(xmlNodePtr n, void *ctx)
{
    static const char *const attrs[] = { "file", "dev", "dir", "name", "volume" };
    struct disk_find *f = ctx;
    if (f->found || !(attr_is(n, "device", "cdrom") || attr_is(n, "device", "floppy")))
        return;
    bool hit = attr_is(child_elem(n, "target"), "dev", f->path);
    for (size_t i = 0; i < sizeof(attrs) / sizeof(attrs[0]) && !hit; i++)
        hit = attr_is(child_elem(n, "source"), attrs[i], f->path);
    if (hit)
        f->found = n;
}

/* Put the new <source> before <target>, indented as <target> is. */
static void media_set_source(xmlNodePtr disk, const char *src, bool block)
{
    xmlNodePtr s = xmlNewNode(NULL, BAD_CAST "source");
    xmlNewProp(s, BAD_CAST(block ? "dev" : "file"), BAD_CAST src);
    xmlNodePtr target = child_elem(disk, "target");
    if (!target) {
        xmlAddChild(disk, s);
        return;
    }
    xmlNodePtr ws = target->prev;
    xmlAddPrevSibling(target, s);
    if (ws && ws->type == XML_TEXT_NODE)
        xmlAddPrevSibling(target, xmlNewText(ws->content));
}

/* Change the disk node as the action asks; false with r filled when the
 * drive's state does not allow it. */
static bool media_edit(xmlNodePtr disk, enum media_action act, const char *src, bool block,
                       struct lvsh_result *r)
{
    xmlNodePtr old = child_elem(disk, "source");
    xmlChar *tgt = xmlGetProp(child_elem(disk, "target"), BAD_CAST "dev");
    const char *name = tgt ? (const char *)tgt : "";
    bool ok = false;
    if (act == MEDIA_UPDATE && !src)   /* an update to nothing is an eject */
        act = MEDIA_EJECT;
    if (act == MEDIA_EJECT && !old)
        err_fail(r, "The disk device '%s' doesn't have media", name);
    else if (act == MEDIA_INSERT && old)
        err_fail(r, "The disk device '%s' already has media", name);
    else if ((act == MEDIA_INSERT || act == MEDIA_DEFAULT) && !src)
        err_fail(r, "New disk media source was not specified");
    else
        ok = true;
    xmlFree(tgt);
    if (!ok)
        return false;
    if (act == MEDIA_EJECT)
        src = NULL;
    if (old) {   /* its whitespace stays where it was, as virsh leaves it */
        xmlUnlinkNode(old);
        xmlFreeNode(old);
    }
    xmlSetProp(disk, BAD_CAST "type", BAD_CAST(src && block ? "block" : "file"));
    if (src)
        media_set_source(disk, src, block);
    return true;
}

static enum lvsh_status run_change_media(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    (void)s;
    static const char *const verbs[] = { "update", "eject", "insert", "update" };
    static const char *const done[] = { "Successfully updated media.",
                                        "Successfully ejected media.",
                                        "Successfully inserted media.",
                                        "Successfully updated media." };
    enum media_action act = args_has(a, "eject") ? MEDIA_EJECT
                          : args_has(a, "insert") ? MEDIA_INSERT
                          : args_has(a, "update") ? MEDIA_UPDATE : MEDIA_DEFAULT;
    virDomainPtr d = args_target(a);
    unsigned flags = args_flags(a);   /* --force's bit too */
    enum lvsh_status st = LVSH_FAILED;
    struct disk_find f = { args_str(a, "path"), NULL };
    xmlDocPtr doc = dom_doc(d, flags, r);
    if (doc)
        each_device(doc, "disk", find_changeable, &f);
    if (doc && !f.found)
        err_fail(r, "No disk found whose source path or target is %s", f.path);
    else if (doc && media_edit(f.found, act, args_str(a, "source"), args_has(a, "block"), r)) {
        if (!device_apply(d, doc, f.found, flags, args_has(a, "print-xml"), r)) {
            err_virt(r, "Failed to complete action %s on media", verbs[act]);
        } else {
            st = LVSH_OK;
            if (!args_has(a, "print-xml"))
                act_done(r, LVSH_KIND_DOMAIN, d, verbs[act], "%s", done[act]);
        }
    }
    xmlFreeDoc(doc);
    return st;
}

static const struct lvsh_opt opts_domain_change_media[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "path", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "path",
      .help = "the drive's target (hdc) or its media's source path",
      .complete = LVSH_COMP_DOMAIN_DISK },
    { .name = "source", .type = LVSH_OPT_STRING, .metavar = "file",
      .complete = LVSH_COMP_FILE, .help = "the new media (a file, or a device with --block)" },
    { .name = "eject", .type = LVSH_OPT_BOOL, .help = "eject the media" },
    { .name = "insert", .type = LVSH_OPT_BOOL, .help = "insert media into an empty drive" },
    { .name = "update", .type = LVSH_OPT_BOOL,
      .help = "replace the media (without --source: eject it)" },
    /* virsh's order: current, live, config */
    { .name = "current", .type = LVSH_OPT_BOOL,
      .help = "affect the domain's current state (the default)" },
    { .name = "live", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_AFFECT_LIVE,
      .help = "affect the running domain" },
    { .name = "config", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_AFFECT_CONFIG,
      .help = "affect the next boot" },
    { .name = "force", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_DEVICE_MODIFY_FORCE,
      .help = "change the media even if the guest has locked the drive" },
    { .name = "print-xml", .type = LVSH_OPT_BOOL,
      .help = "print the drive's new XML instead of changing it" },
    { .name = "block", .type = LVSH_OPT_BOOL, .help = "the new media is a block device" },
    LVSH_OPT_END,
};

static const char *const excl_change_media[] = {
    "eject insert update", "eject block", LVSH_AFFECT_EXCL, NULL,
};

static const struct lvsh_cmd cmd_change_media = {
    .name = "change-media",
    .group = "domain",
    .summary = "change the media of a CD or floppy drive",
    .description = "Eject, insert or replace the media of a CD-ROM or floppy drive, named "
                   "by its target or its media's path.  Without --eject, --insert or "
                   "--update the drive gets --source whether it had media or not.",
    .opts = opts_domain_change_media,
    .exclusive = excl_change_media,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_change_media,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- update-memory-device ----------------------------------------------- */

struct mem_find {
    const char *alias;
    bool by_node;
    long long node;
    xmlNodePtr found;
    int count;
};

static void find_memory(xmlNodePtr n, void *ctx)
{
    struct mem_find *f = ctx;
    if (f->alias && !attr_is(child_elem(n, "alias"), "name", f->alias))
        return;
    if (f->by_node) {
        xmlChar *v = xmlNodeGetContent(child_elem(child_elem(n, "target"), "node"));
        char *end = NULL;
        bool hit = v && strtoll((const char *)v, &end, 10) == f->node && end &&
                   end != (const char *)v && !*end;
        xmlFree(v);
        if (!hit)
            return;
    }
    if (!f->count++)
        f->found = n;
}

/* <requested> in KiB, as libvirt keeps it. */
static bool mem_set_requested(xmlNodePtr mem, unsigned long long kib, struct lvsh_result *r)
{
    xmlNodePtr req = child_elem(child_elem(mem, "target"), "requested");
    if (!req) {
        err_fail(r, "virtio-mem device is missing <requested/>");
        return false;
    }
    char *v = xasprintf("%llu", kib);
    xmlNodeSetContent(req, BAD_CAST v);
    xmlSetProp(req, BAD_CAST "unit", BAD_CAST "KiB");
    free(v);
    return true;
}

static enum lvsh_status run_update_memory_device(struct lvsh_session *s,
                                                 const struct lvsh_args *a,
                                                 struct lvsh_result *r)
{
    (void)s;
    struct mem_find f = { .alias = args_str(a, "alias") };
    f.by_node = args_int(a, "node", &f.node);
    unsigned long long size = 0;
    bool resize = args_size(a, "requested-size", &size);
    virDomainPtr d = args_target(a);
    unsigned flags = args_flags(a);
    enum lvsh_status st = LVSH_FAILED;
    xmlDocPtr doc = dom_doc(d, flags, r);
    if (doc)
        each_device(doc, "memory", find_memory, &f);
    if (doc && !f.count)
        err_fail(r, "no memory device found");
    else if (doc && f.count > 1)
        err_fail(r, "multiple memory devices found, use --alias or --node to select one");
    else if (doc && (!resize || mem_set_requested(f.found, (size + 1023) / 1024, r))) {
        if (device_apply(d, doc, f.found, flags, args_has(a, "print-xml"), r))
            st = LVSH_OK;
        else
            err_lib(r, "failed to update the memory device of domain '%s'",
                    args_target_key(a));
        if (st == LVSH_OK && !args_has(a, "print-xml"))
            out_json(r, json_pack("{s:o,s:s}", "domain", json_str(virDomainGetName(d)),
                                  "action", "updated"));
    }
    xmlFreeDoc(doc);
    return st;
}

static const struct lvsh_opt opts_domain_update_memory_device[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    LVSH_AFFECT_OPTS("domain"),
    { .name = "print-xml", .type = LVSH_OPT_BOOL,
      .help = "print the device's new XML instead of updating it" },
    { .name = "alias", .type = LVSH_OPT_STRING, .metavar = "alias",
      .help = "the memory device with this alias" },
    { .name = "node", .type = LVSH_OPT_INT, .min = -0x7fffffffLL - 1, .max = 0x7fffffff,
      .metavar = "node", .help = "the memory device of this guest NUMA node" },
    { .name = "requested-size", .type = LVSH_OPT_SIZE, .unit = 1024, .metavar = "size",
      .help = "the new <requested/> size of a virtio-mem device (bare numbers are KiB)" },
    LVSH_OPT_END,
};

static const char *const excl_update_memory_device[] = {
    "node alias", LVSH_AFFECT_EXCL, NULL,
};

static const struct lvsh_cmd cmd_update_memory_device = {
    .name = "update-memory-device",
    .group = "domain",
    .summary = "update a memory device of a domain",
    .description = "Change the requested size of a virtio-mem device, picked by --alias or "
                   "--node when the domain has more than one memory device.",
    .opts = opts_domain_update_memory_device,
    .exclusive = excl_update_memory_device,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_update_memory_device,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_media) = { &cmd_change_media, &cmd_update_memory_device, NULL };
