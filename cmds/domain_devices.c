/* domain_devices.c: attaching, detaching and updating a domain's devices. */
#include "domain_common.h"
#include "domain_util.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

/* ---- shared pieces ------------------------------------------------------ */

#define OPT_AFFECT \
    { .name = "persistent", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_AFFECT_CONFIG, \
      .help = "make the change to a running domain persistent too" }, \
    LVSH_AFFECT_OPTS("domain")

static const char *const excl_affect[] = { LVSH_AFFECT_EXCL, "current persistent", NULL };

#define OPT_DEVICE_FILE \
    { .name = "file", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "file", \
      .help = "file with the device's XML ('-' for stdin)", .complete = LVSH_COMP_FILE }

/* --config/--live/--current, and --persistent: config, plus live when running. */
static unsigned affect_flags(const struct lvsh_args *a, virDomainPtr d)
{
    unsigned f = args_flags(a);
    if (args_has(a, "persistent") && virDomainIsActive(d) == 1)
        f |= VIR_DOMAIN_AFFECT_LIVE;
    return f;
}

/* Append name='value' with XML escaping (quotes, UTF-8 and all). */
static void xml_attr(struct buf *b, const char *name, const char *value)
{
    if (!value)
        return;
    buf_printf(b, " %s='", name);
    for (const char *p = value; *p; p++) {
        switch (*p) {
        case '&': buf_adds(b, "&amp;"); break;
        case '<': buf_adds(b, "&lt;"); break;
        case '>': buf_adds(b, "&gt;"); break;
        case '\'': buf_adds(b, "&apos;"); break;
        case '"': buf_adds(b, "&quot;"); break;
        default: buf_addc(b, *p); break;
        }
    }
    buf_addc(b, '\'');
}

/* Append <name>text</name> on its own indented line, escaped. */
static void xml_text_elem(struct buf *b, const char *name, const char *text)
{
    if (!text)
        return;
    buf_printf(b, "  <%s>", name);
    for (const char *p = text; *p; p++) {
        if (*p == '&')
            buf_adds(b, "&amp;");
        else if (*p == '<')
            buf_adds(b, "&lt;");
        else if (*p == '>')
            buf_adds(b, "&gt;");
        else
            buf_addc(b, *p);
    }
    buf_printf(b, "</%s>\n", name);
}

/* ---- attach-device, detach-device, update-device ------------------------ */

enum dev_op { DEV_ATTACH, DEV_DETACH, DEV_UPDATE };

static enum lvsh_status device_from_file(const struct lvsh_args *a, struct lvsh_result *r,
                                         enum dev_op op)
{
    static const char *const verbs[] = { "attach", "detach", "update" };
    static const char *const done[] = { "attached", "detached", "updated" };
    const char *file = args_str(a, "file");
    char *xml = xml_read_file(r, file);
    if (!xml)
        return LVSH_FAILED;
    virDomainPtr d = args_target(a);
    unsigned flags = affect_flags(a, d);
    int rc;
    if (op == DEV_ATTACH)
        rc = virDomainAttachDeviceFlags(d, xml, flags);
    else if (op == DEV_DETACH)
        rc = virDomainDetachDeviceFlags(d, xml, flags);
    else
        rc = virDomainUpdateDeviceFlags(d, xml, flags);   /* --force's bit */
    enum lvsh_status st = LVSH_OK;
    if (rc < 0) {
        st = err_virt(r, "Failed to %s device from %s", verbs[op], file);   /* virsh's words */
    } else {
        char *msg = xasprintf("Device %s successfully", done[op]);
        act_done(r, LVSH_KIND_DOMAIN, d, done[op], "%s", msg);
        out_json_set(r, "file", json_str(file));
        free(msg);
    }
    free(xml);
    return st;
}

static enum lvsh_status run_attach_device(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    (void)s;
    return device_from_file(a, r, DEV_ATTACH);
}

static enum lvsh_status run_detach_device(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    (void)s;
    return device_from_file(a, r, DEV_DETACH);
}

static enum lvsh_status run_update_device(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    (void)s;
    return device_from_file(a, r, DEV_UPDATE);
}

static const struct lvsh_opt opts_domain_device[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    OPT_DEVICE_FILE,
    OPT_AFFECT,
    LVSH_OPT_END,
};

static const struct lvsh_opt opts_domain_update_device[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    OPT_DEVICE_FILE,
    OPT_AFFECT,
    { .name = "force", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_DEVICE_MODIFY_FORCE,
      .help = "force the update (eject a locked CD-ROM, ...)" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_attach_device = {
    .name = "attach-device",
    .group = "domain",
    .summary = "attach a device from an XML file",
    .description = "Add the device the XML file describes to the domain: to the running "
                   "guest (--live), its configuration (--config), or both.",
    .opts = opts_domain_device,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_attach_device,
    .target = LVSH_KIND_DOMAIN,
};

static const struct lvsh_cmd cmd_detach_device = {
    .name = "detach-device",
    .group = "domain",
    .summary = "detach a device described by an XML file",
    .description = "Remove the device the XML file describes from the domain.  A live "
                   "detach may need the guest's cooperation and finish later.",
    .opts = opts_domain_device,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_detach_device,
    .target = LVSH_KIND_DOMAIN,
};

static const struct lvsh_cmd cmd_update_device = {
    .name = "update-device",
    .group = "domain",
    .summary = "update a device from an XML file",
    .description = "Change a device of the domain (a CD-ROM's medium, a link state, ...) "
                   "to what the XML file describes.",
    .opts = opts_domain_update_device,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_update_device,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_detach_device_alias(struct lvsh_session *s,
                                                const struct lvsh_args *a,
                                                struct lvsh_result *r)
{
    const char *alias = args_str(a, "alias");
    virDomainPtr d = args_target(a);
    (void)s;
    if (virDomainDetachDeviceAlias(d, alias, args_flags(a)) < 0)
        return err_virt(r, "Failed to detach device with alias %s", alias);
    act_done(r, LVSH_KIND_DOMAIN, d, "detach requested",
             "Device detach request sent successfully");
    out_json_set(r, "alias", json_str(alias));
    return LVSH_OK;
}

static const struct lvsh_opt opts_domain_detach_device_alias[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "alias", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "alias",
      .help = "the device's alias (see dumpxml)" },
    LVSH_AFFECT_OPTS("domain"),
    LVSH_OPT_END,
};

static const char *const excl_affect_nopersist[] = { LVSH_AFFECT_EXCL, NULL };

static const struct lvsh_cmd cmd_detach_device_alias = {
    .name = "detach-device-alias",
    .group = "domain",
    .summary = "detach a device given by its alias",
    .description = "Ask for the removal of the device with this alias; for a live guest the "
                   "request may complete later.",
    .opts = opts_domain_detach_device_alias,
    .exclusive = excl_affect_nopersist,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_detach_device_alias,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- attach-disk -------------------------------------------------------- */

/* virsh's reading of an address: after the type and after each number one
 * separator of any kind ("ide:1:2:5", "pci:0000.00.05.0"), numbers as
 * unsigned ints in the base, anything after the last one ignored. */
static bool parse_fields(const char *s, int base, unsigned long *out, int n)
{
    for (int i = 0; i < n; i++) {
        if (!*s)
            return false;
        s++;   /* the separator */
        const char *p = s + strspn(s, " \t\n\v\f\r");
        if (*p == '-')
            return false;
        char *end;
        errno = 0;
        out[i] = strtoul(s, &end, base);
        if (end == s || errno || out[i] > 0xffffffffUL)
            return false;
        s = end;
    }
    return true;
}

enum addr_kind { ADDR_PCI, ADDR_CCW, ADDR_SCSI, ADDR_SATA, ADDR_IDE, ADDR_USB };

/* --address TYPE:N.N... as virsh reads it, into <address/>; the kind in *kind. */
static bool disk_address(struct buf *b, const char *addr, bool multifunction,
                         enum addr_kind *kind, struct lvsh_result *r)
{
    static const struct { const char *name; int base, n; } kinds[] = {
        [ADDR_PCI] = { "pci", 16, 4 }, [ADDR_CCW] = { "ccw", 16, 3 },
        [ADDR_SCSI] = { "scsi", 10, 3 }, [ADDR_SATA] = { "sata", 10, 3 },
        [ADDR_IDE] = { "ide", 10, 3 }, [ADDR_USB] = { "usb", 10, 2 },
    };
    unsigned long v[4];
    const char *colon = strchr(addr, ':');
    size_t kl = colon ? (size_t)(colon - addr) : 0;
    int k = -1;
    for (int i = 0; colon && i < (int)(sizeof(kinds) / sizeof(kinds[0])); i++)
        if (strlen(kinds[i].name) == kl && strncmp(addr, kinds[i].name, kl) == 0)
            k = i;
    if (k < 0 || !parse_fields(colon, kinds[k].base, v, kinds[k].n)) {
        err_usage(r, "Invalid address.");
        return false;
    }
    *kind = (enum addr_kind)k;
    if (k == ADDR_PCI)
        buf_printf(b, "  <address type='pci' domain='0x%04lx' bus='0x%02lx' slot='0x%02lx' "
                   "function='0x%lx'%s/>\n", v[0], v[1], v[2], v[3],
                   multifunction ? " multifunction='on'" : "");
    else if (k == ADDR_CCW)
        buf_printf(b, "  <address type='ccw' cssid='0x%02lx' ssid='0x%lx' devno='0x%04lx'/>\n",
                   v[0], v[1], v[2]);
    else if (k == ADDR_USB)
        buf_printf(b, "  <address type='usb' bus='%lu' port='%lu'/>\n", v[0], v[1]);
    else
        buf_printf(b, "  <address type='drive' controller='%lu' bus='%lu' unit='%lu'/>\n",
                   v[0], v[1], v[2]);
    return true;
}

/* The address kinds a target name allows, as virsh checks them (vd: pci or
 * ccw, sd: scsi, usb or sata, hd: ide); NULL when it fits. */
static const char *address_mismatch(const char *target, enum addr_kind k)
{
    if (strncmp(target, "vd", 2) == 0 && k != ADDR_PCI && k != ADDR_CCW)
        return "expecting a pci:0000.00.00.00 or ccw:00.0.0000 address.";
    if (strncmp(target, "sd", 2) == 0 && k != ADDR_SCSI && k != ADDR_USB && k != ADDR_SATA)
        return "expecting a scsi:00.00.00 or usb:00.00 or sata:00.00.00 address.";
    if (strncmp(target, "hd", 2) == 0 && k != ADDR_IDE)
        return "expecting an ide:00.00.00 address.";
    return NULL;
}

/* The disk's type attribute: --sourcetype, network for a protocol, else by stat. */
static const char *disk_source_type(const struct lvsh_args *a, struct lvsh_result *r)
{
    const char *t = args_str(a, "sourcetype");
    struct stat st;
    if (args_has(a, "source-protocol")) {
        if (t && strcmp(t, "network") != 0) {
            err_usage(r, "--source-protocol needs --sourcetype network");
            return NULL;
        }
        return "network";
    }
    if (t && strcmp(t, "network") == 0) {
        err_usage(r, "--sourcetype network needs --source-protocol");
        return NULL;
    }
    if (t)
        return t;
    return stat(args_str(a, "source"), &st) == 0 && S_ISBLK(st.st_mode) ? "block" : "file";
}

/* <source .../> of a network disk, with its optional <host>. */
static void disk_network_source(struct buf *b, const struct lvsh_args *a)
{
    const char *hname = args_str(a, "source-host-name");
    const char *tr = args_str(a, "source-host-transport");
    const char *sock = args_str(a, "source-host-socket");
    buf_adds(b, "  <source");
    xml_attr(b, "protocol", args_str(a, "source-protocol"));
    xml_attr(b, "name", args_str(a, "source"));
    if (!hname && !tr && !sock) {
        buf_adds(b, "/>\n");
        return;
    }
    buf_adds(b, ">\n    <host");
    xml_attr(b, "transport", tr);   /* virsh's attribute order */
    if (hname) {
        const char *c = strrchr(hname, ':');
        bool port = c && !strchr(c, ']');    /* not inside [ipv6] */
        char *host = port ? xstrndup(hname, (size_t)(c - hname)) : xstrdup(hname);
        xml_attr(b, "name", host);
        if (port)
            xml_attr(b, "port", c + 1);
        free(host);
    }
    xml_attr(b, "socket", sock);
    buf_adds(b, "/>\n  </source>\n");
}

/* The <driver> line when any of its attributes was given. */
static void disk_driver(struct buf *b, const struct lvsh_args *a)
{
    static const char *const opts[] = { "driver", "subdriver", "iothread", "cache", "io" };
    static const char *const attrs[] = { "name", "type", "iothread", "cache", "io" };
    bool any = false;
    for (int i = 0; i < 5; i++)
        any = any || args_has(a, opts[i]);
    if (!any)
        return;
    buf_adds(b, "  <driver");
    for (int i = 0; i < 5; i++)
        xml_attr(b, attrs[i], args_str(a, opts[i]));
    buf_adds(b, "/>\n");
}

/* The <disk> element attach-disk describes; NULL with r filled on bad input. */
static char *disk_xml(const struct lvsh_args *a, struct lvsh_result *r)
{
    if (args_has(a, "source-host-socket") && !args_has(a, "source-host-transport")) {
        err_usage(r, "Option --source-host-transport is required by option "
                  "--source-host-socket");
        return NULL;
    }
    const char *type = disk_source_type(a, r);
    if (!type)
        return NULL;
    if ((args_has(a, "source-host-name") || args_has(a, "source-host-transport") ||
         args_has(a, "source-host-socket")) && strcmp(type, "network") != 0) {
        err_usage(r, "the --source-host-* options need --source-protocol");
        return NULL;
    }
    struct buf b = BUF_INIT;
    buf_adds(&b, "<disk");
    xml_attr(&b, "type", type);
    xml_attr(&b, "device", args_str(a, "type"));
    if (args_has(a, "rawio"))
        buf_adds(&b, " rawio='yes'");
    buf_adds(&b, ">\n");
    disk_driver(&b, a);
    if (strcmp(type, "network") == 0) {
        disk_network_source(&b, a);
    } else {
        buf_adds(&b, "  <source");
        xml_attr(&b, strcmp(type, "block") == 0 ? "dev"
                     : strcmp(type, "dir") == 0 ? "dir" : "file", args_str(a, "source"));
        buf_adds(&b, "/>\n");
    }
    buf_adds(&b, "  <target");
    xml_attr(&b, "dev", args_str(a, "target"));
    xml_attr(&b, "bus", args_str(a, "targetbus"));
    buf_adds(&b, "/>\n");
    if (args_has(a, "mode"))
        buf_printf(&b, "  <%s/>\n", args_str(a, "mode"));
    xml_text_elem(&b, "serial", args_str(a, "serial"));
    if (args_has(a, "alias")) {
        buf_adds(&b, "  <alias");
        xml_attr(&b, "name", args_str(a, "alias"));
        buf_adds(&b, "/>\n");
    }
    xml_text_elem(&b, "wwn", args_str(a, "wwn"));
    enum addr_kind kind;
    const char *bad = NULL;
    if (args_has(a, "address") &&
        (!disk_address(&b, args_str(a, "address"), args_has(a, "multifunction"), &kind, r) ||
         (bad = address_mismatch(args_str(a, "target"), kind)))) {
        if (bad)
            err_usage(r, "%s", bad);
        buf_free(&b);
        return NULL;
    }
    buf_adds(&b, "</disk>\n");
    return buf_steal(&b);
}

/* Attach generated device XML, or print it with --print-xml. */
static enum lvsh_status attach_generated(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r, char *xml, const char *what)
{
    if (args_has(a, "print-xml")) {   /* as virsh: the domain need not exist */
        out_xml(r, xml);
        free(xml);
        return LVSH_OK;
    }
    virDomainPtr d = lookup_domain(s, r, args_str(a, "domain"));   /* not before --print-xml */
    enum lvsh_status st = LVSH_FAILED;
    if (d && virDomainAttachDeviceFlags(d, xml, affect_flags(a, d)) < 0) {
        st = err_virt(r, "Failed to attach %s", what);   /* virsh's words */
    } else if (d) {
        char *msg = xasprintf("%c%s attached successfully", what[0] - 'a' + 'A', what + 1);
        act_done(r, LVSH_KIND_DOMAIN, d, "attached", "%s", msg);
        out_json_set(r, "device", json_str(what));
        free(msg);
        st = LVSH_OK;
    }
    if (d)
        virDomainFree(d);
    free(xml);
    return st;
}

static enum lvsh_status run_attach_disk(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    char *xml = disk_xml(a, r);
    if (!xml)
        return LVSH_USAGE;
    return attach_generated(s, a, r, xml, "disk");
}

static const char *const disk_modes[] = { "readonly", "shareable", NULL };
static const char *const disk_source_types[] = { "file", "block", "dir", "network", NULL };
static const char *const disk_devices[] = { "disk", "cdrom", "floppy", "lun", NULL };

#define DISK_OPT(n, h) { .name = n, .type = LVSH_OPT_STRING, .help = h }

static const struct lvsh_opt opts_domain_attach_disk[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "source", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL | LVSH_OPTF_EMPTY_OK,
      .metavar = "source", .complete = LVSH_COMP_FILE,
      .help = "the disk's source: a path, or a network disk's name ('' for an empty CD-ROM)" },
    { .name = "target", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "target",
      .help = "the target device name in the guest (vdb, sdc, hdc)" },
    DISK_OPT("targetbus", "the target bus (virtio, scsi, sata, ide, usb)"),
    DISK_OPT("driver", "the driver (qemu)"),
    DISK_OPT("subdriver", "the image format (raw, qcow2)"),
    DISK_OPT("iothread", "the IOThread the disk uses"),
    DISK_OPT("cache", "the cache mode (none, writeback, ...)"),
    DISK_OPT("io", "the I/O policy (threads, native, io_uring)"),
    { .name = "type", .type = LVSH_OPT_STRING, .help = "the device type",
      .choices = disk_devices, .complete = LVSH_COMP_CHOICES },
    LVSH_OPT_ALIAS_OF("shareable", "mode=shareable"),
    { .name = "mode", .type = LVSH_OPT_STRING, .help = "share the disk read-only or writable",
      .choices = disk_modes, .complete = LVSH_COMP_CHOICES },
    { .name = "sourcetype", .type = LVSH_OPT_STRING,
      .help = "the source's type (default: block for a block device, else file)",
      .choices = disk_source_types, .complete = LVSH_COMP_CHOICES },
    DISK_OPT("serial", "the disk's serial number"),
    DISK_OPT("wwn", "the disk's World Wide Name"),
    DISK_OPT("alias", "a custom alias for the device (ua-...)"),
    { .name = "rawio", .type = LVSH_OPT_BOOL, .help = "give the disk the rawio capability" },
    { .name = "address", .type = LVSH_OPT_STRING, .metavar = "type:address",
      .help = "its address: pci:D.B.S.F, ccw:C.S.D, scsi|sata|ide:C.B.U or usb:B.P" },
    { .name = "multifunction", .type = LVSH_OPT_BOOL,
      .help = "use a multifunction PCI address" },
    { .name = "print-xml", .type = LVSH_OPT_BOOL,
      .help = "print the disk's XML instead of attaching it" },
    DISK_OPT("source-protocol", "the network protocol of the source (nbd, iscsi, ...)"),
    DISK_OPT("source-host-name", "the network source's host[:port]"),
    DISK_OPT("source-host-transport", "the network source's transport (tcp, unix, rdma)"),
    DISK_OPT("source-host-socket", "the network source's UNIX socket path"),
    OPT_AFFECT,
    LVSH_OPT_END,
};

static const char *const excl_attach_disk[] = {
    "current live", "current config", "current persistent",
    "source-host-name source-host-socket", NULL,
};

static const struct lvsh_cmd cmd_attach_disk = {
    .name = "attach-disk",
    .group = "domain",
    .summary = "attach a new disk",
    .description = "Build a <disk> element from the options and attach it; --print-xml only "
                   "prints it.  Values are XML-escaped, so any path or serial works.",
    .opts = opts_domain_attach_disk,
    .exclusive = excl_attach_disk,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_attach_disk,
};

/* ---- attach-interface --------------------------------------------------- */

/* "average,peak,burst[,floor]" into XML attributes; false (r filled) if bad. */
static bool rate_attrs(struct buf *b, const char *dir, const char *spec, bool inbound,
                       struct lvsh_result *r)
{
    static const char *const names[] = { "average", "peak", "burst", "floor" };
    unsigned long long v[4] = { 0, 0, 0, 0 };
    int n = 0;
    for (const char *p = spec; n < 5; n++) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (n == 4) {
            err_usage(r, "rate '%s' has too many fields", spec);
            return false;
        }
        if (len) {
            char *field = xstrndup(p, len), *end;
            bool ok = field[0] != '-' && field[0] != '+';
            v[n] = strtoull(field, &end, 10);
            ok = ok && *end == '\0';
            free(field);
            if (!ok) {
                err_usage(r, "field '%s' of rate '%s' is malformed", names[n], spec);
                return false;
            }
        }
        if (!comma)
            break;
        p = comma + 1;
    }
    if (!inbound && v[3]) {
        err_usage(r, "outbound floor is not supported");
        return false;
    }
    if (!v[0] && !(inbound && v[3])) {
        err_usage(r, inbound ? "either inbound average or floor is mandatory"
                             : "outbound average is mandatory");
        return false;
    }
    buf_printf(b, "    <%s", dir);
    for (int i = 0; i < 4; i++)
        if (v[i])
            buf_printf(b, " %s='%llu'", names[i], v[i]);
    buf_adds(b, "/>\n");
    return true;
}

/* "DDDD:BB:SS.F" (a host PCI device) as an <address> line. */
static bool pci_source(struct buf *b, const char *src, struct lvsh_result *r)
{
    unsigned dom, bus, slot, fn;
    char tail;
    if (sscanf(src, "%x:%x:%x.%x%c", &dom, &bus, &slot, &fn, &tail) != 4) {
        err_usage(r, "cannot parse PCI address '%s' (expected DDDD:BB:SS.F)", src);
        return false;
    }
    buf_printf(b, "  <source>\n    <address type='pci' domain='0x%04x' bus='0x%02x' "
               "slot='0x%02x' function='0x%x'/>\n  </source>\n", dom, bus, slot, fn);
    return true;
}

/* The <source> of an interface of this type. */
static bool iface_source(struct buf *b, const struct lvsh_args *a, const char *type,
                         struct lvsh_result *r)
{
    const char *src = args_str(a, "source");
    const char *mode = args_str(a, "source-mode");
    if (mode && strcmp(type, "vhostuser") != 0) {
        err_usage(r, "--source-mode only applies to vhostuser interfaces");
        return false;
    }
    if (strcmp(type, "hostdev") == 0)
        return pci_source(b, src, r);
    buf_adds(b, "  <source");
    if (strcmp(type, "vhostuser") == 0) {
        if (!mode) {
            err_usage(r, "source-mode is mandatory");   /* virsh's words */
            return false;
        }
        buf_adds(b, " type='unix'");
        xml_attr(b, "path", src);
        xml_attr(b, "mode", mode);
    } else {
        xml_attr(b, strcmp(type, "network") == 0 ? "network"
                    : strcmp(type, "bridge") == 0 ? "bridge" : "dev", src);
    }
    buf_adds(b, "/>\n");
    return true;
}

/* <name attr='value'/> when the option is set. */
static void iface_simple(struct buf *b, const struct lvsh_args *a, const char *opt,
                         const char *elem, const char *attr)
{
    if (!args_has(a, opt))
        return;
    buf_printf(b, "  <%s", elem);
    xml_attr(b, attr, args_str(a, opt));
    buf_adds(b, "/>\n");
}

static char *iface_xml(const struct lvsh_args *a, struct lvsh_result *r)
{
    const char *type = args_str(a, "type");
    struct buf b = BUF_INIT;
    buf_adds(&b, "<interface");
    xml_attr(&b, "type", type);
    if (args_has(a, "managed"))
        buf_adds(&b, " managed='yes'");
    buf_adds(&b, ">\n");
    if (!iface_source(&b, a, type, r))
        goto bad;
    iface_simple(&b, a, "target", "target", "dev");
    iface_simple(&b, a, "mac", "mac", "address");
    iface_simple(&b, a, "script", "script", "path");
    iface_simple(&b, a, "model", "model", "type");
    iface_simple(&b, a, "alias", "alias", "name");
    if (args_has(a, "inbound") || args_has(a, "outbound")) {
        buf_adds(&b, "  <bandwidth>\n");
        if (args_has(a, "inbound") &&
            !rate_attrs(&b, "inbound", args_str(a, "inbound"), true, r))
            goto bad;
        if (args_has(a, "outbound") &&
            !rate_attrs(&b, "outbound", args_str(a, "outbound"), false, r))
            goto bad;
        buf_adds(&b, "  </bandwidth>\n");
    }
    buf_adds(&b, "</interface>\n");
    return buf_steal(&b);
bad:
    buf_free(&b);
    return NULL;
}

static enum lvsh_status run_attach_interface(struct lvsh_session *s, const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    char *xml = iface_xml(a, r);
    if (!xml)
        return LVSH_USAGE;
    return attach_generated(s, a, r, xml, "interface");
}

static const char *const iface_types[] = {
    "network", "bridge", "direct", "hostdev", "vhostuser", NULL,
};
static const char *const iface_source_modes[] = { "server", "client", NULL };

static const struct lvsh_opt opts_domain_attach_interface[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "type", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "type",
      .help = "the interface type", .choices = iface_types, .complete = LVSH_COMP_CHOICES },
    { .name = "source", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "source",
      .help = "network name, bridge, host device, PCI address (hostdev) or socket path" },
    DISK_OPT("target", "the host-side device name (vnet9)"),
    DISK_OPT("mac", "the MAC address"),
    DISK_OPT("script", "a script that sets up the host side"),
    DISK_OPT("model", "the NIC model (virtio, e1000, ...)"),
    DISK_OPT("alias", "a custom alias for the device (ua-...)"),
    { .name = "inbound", .type = LVSH_OPT_STRING, .metavar = "avg,peak,burst,floor",
      .help = "limit incoming traffic (KiB/s, KiB)" },
    { .name = "outbound", .type = LVSH_OPT_STRING, .metavar = "avg,peak,burst",
      .help = "limit outgoing traffic (KiB/s, KiB)" },
    OPT_AFFECT,
    { .name = "print-xml", .type = LVSH_OPT_BOOL,
      .help = "print the interface's XML instead of attaching it" },
    { .name = "managed", .type = LVSH_OPT_BOOL,
      .help = "let libvirt detach the host device from its driver (hostdev)" },
    { .name = "source-mode", .type = LVSH_OPT_STRING, .help = "vhostuser socket mode",
      .choices = iface_source_modes, .complete = LVSH_COMP_CHOICES },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_attach_interface = {
    .name = "attach-interface",
    .group = "domain",
    .summary = "attach a new network interface",
    .description = "Build an <interface> element from the options and attach it; "
                   "--print-xml only prints it.",
    .opts = opts_domain_attach_interface,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_attach_interface,
};

/* ---- detach-disk, detach-interface -------------------------------------- */

static char *node_prop(xmlNodePtr n, const char *child, const char *attr)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !xmlStrEqual(c->name, BAD_CAST child))
            continue;
        xmlChar *v = xmlGetProp(c, BAD_CAST attr);
        char *s = v ? xstrdup((const char *)v) : NULL;
        xmlFree(v);
        return s;
    }
    return NULL;
}

static bool prop_is(xmlNodePtr n, const char *child, const char *attr, const char *want,
                    bool nocase)
{
    char *v = child ? node_prop(n, child, attr) : NULL;
    if (!child) {
        xmlChar *x = xmlGetProp(n, BAD_CAST attr);
        v = x ? xstrdup((const char *)x) : NULL;
        xmlFree(x);
    }
    bool eq = v && (nocase ? strcasecmp(v, want) == 0 : strcmp(v, want) == 0);
    free(v);
    return eq;
}

typedef bool (*dev_match)(xmlNodePtr n, const struct lvsh_args *a);

static bool match_disk(xmlNodePtr n, const struct lvsh_args *a)
{
    const char *t = args_str(a, "target");
    static const char *const attrs[] = { "file", "dev", "dir", "name", "volume" };
    if (prop_is(n, "target", "dev", t, false))
        return true;
    for (int i = 0; i < 5; i++)
        if (prop_is(n, "source", attrs[i], t, false))
            return true;
    return false;
}

static bool match_iface_type(xmlNodePtr n, const struct lvsh_args *a)
{
    return prop_is(n, NULL, "type", args_str(a, "type"), false);
}

static bool match_iface(xmlNodePtr n, const struct lvsh_args *a)
{
    return match_iface_type(n, a) &&
           (!args_has(a, "mac") || prop_is(n, "mac", "address", args_str(a, "mac"), true));
}

/* The XML of the first <elem> under <devices> that match() accepts (NULL
 * if none), and how many matched; false with r filled on failure. */
static bool find_device(virDomainPtr d, unsigned flags, const char *elem, dev_match match,
                        const struct lvsh_args *a, struct lvsh_result *r, char **found,
                        int *count)
{
    bool config_only = flags == VIR_DOMAIN_AFFECT_CONFIG;
    struct dom_xml x;
    *count = 0;
    *found = NULL;
    if (!dom_xml_load(&x, d, config_only ? VIR_DOMAIN_XML_INACTIVE : 0, r, virDomainGetName(d)))
        return false;
    xmlNodePtr root = xmlDocGetRootElement(x.doc);
    for (xmlNodePtr dv = root ? root->children : NULL; dv; dv = dv->next) {
        if (dv->type != XML_ELEMENT_NODE || !xmlStrEqual(dv->name, BAD_CAST "devices"))
            continue;
        for (xmlNodePtr c = dv->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE || !xmlStrEqual(c->name, BAD_CAST elem) ||
                !match(c, a) || (*count)++)
                continue;
            xmlBufferPtr b = xmlBufferCreate();
            xmlNodeDump(b, x.doc, c, 0, 0);
            *found = xstrdup((const char *)xmlBufferContent(b));
            xmlBufferFree(b);
        }
    }
    dom_xml_free(&x);
    return true;
}

/* Detach (or print) a device found in the domain's XML. */
static enum lvsh_status detach_found(virDomainPtr d, const struct lvsh_args *a,
                                     struct lvsh_result *r, const char *xml, unsigned flags,
                                     const char *what)
{
    if (args_has(a, "print-xml")) {
        out_xml(r, xml);
        out_bare(r);   /* virsh's blank line ends the XML, which has no newline */
        return LVSH_OK;
    }
    if (virDomainDetachDeviceFlags(d, xml, flags) < 0)
        return err_virt(r, "Failed to detach %s", what);
    char *msg = xasprintf("%c%s detached successfully", what[0] - 'a' + 'A', what + 1);
    act_done(r, LVSH_KIND_DOMAIN, d, "detached", "%s", msg);
    out_json_set(r, "device", json_str(what));
    free(msg);
    return LVSH_OK;
}

/* detach-disk, detach-interface: find the <elem> device in the target's XML
 * and detach (or print) it.  The first match wins unless unique; with none,
 * or several under unique, missing() words the error (n: how many matched). */
static enum lvsh_status detach_matching(const struct lvsh_args *a, struct lvsh_result *r,
                                        const char *elem, dev_match match, bool unique,
                                        enum lvsh_status (*missing)(const struct lvsh_args *a,
                                                                    struct lvsh_result *r,
                                                                    int n))
{
    virDomainPtr d = args_target(a);
    unsigned flags = affect_flags(a, d);
    int n;
    char *xml;
    enum lvsh_status st;
    if (!find_device(d, flags, elem, match, a, r, &xml, &n))
        st = LVSH_FAILED;
    else if (xml && (n == 1 || !unique))
        st = detach_found(d, a, r, xml, flags, elem);
    else
        st = missing(a, r, n);
    free(xml);
    return st;
}

static enum lvsh_status disk_missing(const struct lvsh_args *a, struct lvsh_result *r, int n)
{
    (void)n;
    return err_fail(r, "No disk found whose source path or target is %s", args_str(a, "target"));
}

static enum lvsh_status run_detach_disk(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    (void)s;
    return detach_matching(a, r, "disk", match_disk, false, disk_missing);
}

static const struct lvsh_opt opts_domain_detach_disk[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "target", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "target",
      .help = "the disk's target (vdb) or source path", .complete = LVSH_COMP_DOMAIN_DISK },
    OPT_AFFECT,
    { .name = "print-xml", .type = LVSH_OPT_BOOL,
      .help = "print the disk's XML instead of detaching it" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_detach_disk = {
    .name = "detach-disk",
    .group = "domain",
    .summary = "detach a disk",
    .description = "Find the disk by target or source path in the domain's XML (the "
                   "persistent XML with --config alone) and detach it.",
    .opts = opts_domain_detach_disk,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_detach_disk,
    .target = LVSH_KIND_DOMAIN,
};

/* virsh's words, and its failure line after them unless only printing. */
static enum lvsh_status iface_missing(const struct lvsh_args *a, struct lvsh_result *r, int n)
{
    const char *type = args_str(a, "type");
    int typed = n;
    if (n <= 1 && args_has(a, "mac")) {
        /* is it the type or the address that matched nothing? */
        virDomainPtr d = args_target(a);
        char *xml = NULL;
        if (!find_device(d, affect_flags(a, d), "interface", match_iface_type, a, r, &xml,
                         &typed))
            return LVSH_FAILED;
        free(xml);
    }
    if (n > 1 && args_has(a, "mac"))
        err_fail(r, "Domain has multiple interfaces matching MAC address %s. You must use "
                 "detach-device and specify the device pci address to remove it.",
                 args_str(a, "mac"));
    else if (n > 1)
        err_fail(r, "Domain has %d interfaces. Please specify which one to detach using --mac",
                 n);
    else if (typed)
        err_fail(r, "No interface with MAC address %s was found", args_str(a, "mac"));
    else
        err_fail(r, "No interface found whose type is %s", type);
    if (!args_has(a, "print-xml"))
        err_add_detail(r, "Failed to detach interface");
    return LVSH_FAILED;
}

static enum lvsh_status run_detach_interface(struct lvsh_session *s, const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    (void)s;
    return detach_matching(a, r, "interface", match_iface, true, iface_missing);
}

static const struct lvsh_opt opts_domain_detach_interface[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "type", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "type",
      .help = "the interface type (network, bridge, ...)" },
    { .name = "mac", .type = LVSH_OPT_STRING, .help = "the MAC address, when several match",
      .complete = LVSH_COMP_DOMAIN_IFACE },
    OPT_AFFECT,
    { .name = "print-xml", .type = LVSH_OPT_BOOL,
      .help = "print the interface's XML instead of detaching it" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_detach_interface = {
    .name = "detach-interface",
    .group = "domain",
    .summary = "detach a network interface",
    .description = "Find the interface by type (and --mac) in the domain's XML and detach "
                   "it.",
    .opts = opts_domain_detach_interface,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_detach_interface,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_devices) = {
    &cmd_attach_device, &cmd_detach_device, &cmd_update_device, &cmd_detach_device_alias,
    &cmd_attach_disk, &cmd_attach_interface, &cmd_detach_disk, &cmd_detach_interface, NULL
};
