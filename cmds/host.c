/* host.c: the connection itself: identity, versions, capabilities documents,
 * keepalive and conn-info. */
#include "host_common.h"
#include "lvsh.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const struct lvsh_opt opts_none[] = { LVSH_OPT_END };

static enum lvsh_status run_uri(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    (void)a;
    char *uri = virConnectGetURI(s->conn);
    if (!uri)
        return err_virt(r, "failed to get the connection URI");
    out_text(r, "%s\n", uri);
    out_json(r, json_pack("{s:o}", "uri", json_str(uri)));
    free(uri);
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_uri = {
    .name = "uri",
    .group = "host",
    .summary = "print the hypervisor connection URI",
    .description = "Print the canonical URI of the current connection.",
    .opts = opts_none,
    .flags = LVSH_CMD_CONN,
    .handler = run_uri,
};

static enum lvsh_status run_hostname(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    (void)a;
    char *name = virConnectGetHostname(s->conn);
    if (!name)
        return err_virt(r, "failed to get the hypervisor's hostname");
    out_text(r, "%s\n", name);
    out_json(r, json_pack("{s:o}", "hostname", json_str(name)));
    free(name);
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_hostname = {
    .name = "hostname",
    .group = "host",
    .summary = "print the hypervisor's hostname",
    .description = "Print the hostname of the host the connection reaches.",
    .opts = opts_none,
    .flags = LVSH_CMD_CONN,
    .handler = run_hostname,
};

static json_t *version_json(unsigned long v)
{
    return json_pack("{s:i,s:i,s:i,s:o}", "major", (json_int_t)(v / 1000000),
                     "minor", (json_int_t)((v / 1000) % 1000), "micro",
                     (json_int_t)(v % 1000), "text",
                     json_strf("%lu.%lu.%lu", v / 1000000, (v / 1000) % 1000, v % 1000));
}

static void version_line(struct lvsh_result *r, const char *what, const char *prefix,
                         unsigned long v)
{
    out_text(r, "%s: %s%s%lu.%lu.%lu\n", what, prefix, *prefix ? " " : "", v / 1000000,
             (v / 1000) % 1000, v % 1000);
}

static enum lvsh_status run_version(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    unsigned long lib = 0, hv = 0, daemon = 0;
    const char *type = virConnectGetType(s->conn);
    json_t *j = json_object();

    if (!type)
        return err_virt(r, "failed to get the hypervisor type");
    virGetVersion(&lib, NULL, NULL);
    version_line(r, "Compiled against library", "libvirt", LIBVIR_VERSION_NUMBER);
    version_line(r, "Using library", "libvirt", lib);
    version_line(r, "Using API", type, lib);
    json_object_set_new(j, "compiled", version_json(LIBVIR_VERSION_NUMBER));
    json_object_set_new(j, "library", version_json(lib));
    json_object_set_new(j, "type", json_str(type));
    if (virConnectGetVersion(s->conn, &hv) < 0) {
        json_decref(j);
        return err_virt(r, "failed to get the hypervisor version");
    }
    if (hv) {
        version_line(r, "Running hypervisor", type, hv);
        json_object_set_new(j, "hypervisor", version_json(hv));
    } else {
        json_object_set_new(j, "hypervisor", json_null());
    }
    if (args_has(a, "daemon")) {
        if (virConnectGetLibVersion(s->conn, &daemon) < 0) {
            json_decref(j);
            return err_virt(r, "failed to get the daemon's library version");
        }
        version_line(r, "Running against daemon", "", daemon);
        json_object_set_new(j, "daemon", version_json(daemon));
    }
    out_json(r, j);
    return LVSH_OK;
}

static const struct lvsh_opt opts_host_version[] = {
    { .name = "daemon", .type = LVSH_OPT_BOOL, .help = "also report the daemon's version" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_version = {
    .name = "version",
    .group = "host",
    .summary = "show library, daemon and hypervisor versions",
    .description = "Print the libvirt library lvsh was built against and runs with, the "
                   "driver type and the hypervisor's version; --daemon adds the version of "
                   "the libvirt daemon at the other end.",
    .opts = opts_host_version,
    .flags = LVSH_CMD_CONN,
    .handler = run_version,
};

/* ---- XML documents about the host ------------------------------------- */

static const struct lvsh_opt opts_xml_only[] = { LVSH_XPATH_OPTS, LVSH_OPT_END };

static enum lvsh_status run_sysinfo(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    (void)a;
    char *xml = virConnectGetSysinfo(s->conn, 0);
    if (!xml)
        return err_virt(r, "failed to get sysinfo");
    out_xml(r, xml);
    free(xml);
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_sysinfo = {
    .name = "sysinfo",
    .group = "host",
    .summary = "print the hypervisor's sysinfo (SMBIOS) as XML",
    .description = "Print the host's system information (BIOS, system, board, memory "
                   "devices) as libvirt's <sysinfo> XML.",
    .opts = opts_xml_only,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_sysinfo,
};

static enum lvsh_status run_capabilities(struct lvsh_session *s,
                                              const struct lvsh_args *a,
                                              struct lvsh_result *r)
{
    (void)a;
    char *xml = virConnectGetCapabilities(s->conn);
    if (!xml)
        return err_virt(r, "failed to get capabilities");
    host_out_xml(r, xml);
    free(xml);
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_capabilities = {
    .name = "capabilities",
    .group = "host",
    .summary = "print the host and hypervisor capabilities as XML",
    .description = "Print the capabilities document of the connection: host CPU, NUMA "
                   "topology, security models and the guest types it can run.",
    .opts = opts_xml_only,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_capabilities,
};

static enum lvsh_status run_domcapabilities(struct lvsh_session *s,
                                                 const struct lvsh_args *a,
                                                 struct lvsh_result *r)
{
    char *xml = virConnectGetDomainCapabilities(s->conn, args_str(a, "emulatorbin"),
                                                args_str(a, "arch"), args_str(a, "machine"),
                                                args_str(a, "virttype"), 0);
    if (!xml)
        return err_virt(r, "failed to get emulator capabilities");
    host_out_xml(r, xml);
    free(xml);
    return LVSH_OK;
}

static const struct lvsh_opt opts_domcapabilities[] = {
    { .name = "virttype", .type = LVSH_OPT_STRING,
      .help = "virtualization type (kvm, qemu, ...)", .metavar = "type" },
    { .name = "emulatorbin", .type = LVSH_OPT_STRING, .help = "path to the emulator binary",
      .complete = LVSH_COMP_FILE, .metavar = "path" },
    { .name = "arch", .type = LVSH_OPT_STRING, .help = "guest architecture (x86_64, ...)",
      .metavar = "arch" },
    { .name = "machine", .type = LVSH_OPT_STRING, .help = "machine type (pc, q35, ...)",
      .metavar = "machine" },
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domcapabilities = {
    .name = "domcapabilities",
    .group = "host",
    .summary = "print what a domain of a given type, arch and machine can use",
    .description = "Print the domain capabilities document: the devices, features and CPU "
                   "models an emulator offers for one virtualization type, architecture "
                   "and machine type (each defaults to the hypervisor's choice).",
    .opts = opts_domcapabilities,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_domcapabilities,
};

/* maxvcpus: the domain capabilities know the real limit; older drivers
 * only answer virConnectGetMaxVcpus. */
static enum lvsh_status run_maxvcpus(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    const char *type = args_str(a, "type");
    long long max = -1;
    char *caps = virConnectGetDomainCapabilities(s->conn, NULL, NULL, NULL, type, 0);
    if (caps) {
        char *v = xml_xpath_string(r, caps, "string(/domainCapabilities/vcpu/@max)");
        if (v && *v)
            max = strtoll(v, NULL, 10);
        free(v);
        free(caps);
    }
    virResetLastError();
    if (max < 0 && (max = virConnectGetMaxVcpus(s->conn, type)) < 0)
        return err_virt(r, "failed to get the maximum number of vCPUs");
    out_text(r, "%lld\n", max);
    out_json(r, json_pack("{s:I}", "maxvcpus", (json_int_t)max));
    return LVSH_OK;
}

static const struct lvsh_opt opts_maxvcpus[] = {
    { .name = "type", .type = LVSH_OPT_STRING,
      .help = "domain type (kvm, qemu, xen, test, ...)", .metavar = "type" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_maxvcpus = {
    .name = "maxvcpus",
    .group = "host",
    .summary = "print the maximum number of vCPUs a guest may have",
    .description = "Print the largest vCPU count the hypervisor allows for a guest of the "
                   "given domain type.",
    .opts = opts_maxvcpus,
    .flags = LVSH_CMD_CONN,
    .handler = run_maxvcpus,
};

/* ---- keepalive and conn-info ------------------------------------------ */

static enum lvsh_status run_keepalive(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    long long interval = s->keepalive_interval, count = s->keepalive_count;
    bool has_interval = args_int(a, "interval", &interval);   /* both read: no || */
    bool change = args_int(a, "count", &count) || has_interval;
    if (change) {
        /* 0 or less turns keepalive off, as libvirt defines it */
        if (virConnectSetKeepAlive(s->conn, (int)interval, (unsigned)count) < 0)
            return err_virt(r, "failed to set keepalive on '%s'", session_host_label(s));
        s->keepalive_interval = (int)interval;
        s->keepalive_count = (unsigned)count;
        if (interval > 0)
            out_info(r, "Keepalive set: interval %lld s, count %lld", interval, count);
        else
            out_info(r, "Keepalive disabled");
        out_json(r, json_pack("{s:s,s:I,s:I,s:b}", "action", interval > 0 ? "set" : "disabled",
                              "interval", (json_int_t)interval, "count", (json_int_t)count,
                              "enabled", interval > 0));
    }
    if (!change) {
        out_field_int(r, "Interval", "interval", interval);
        out_field_int(r, "Count", "count", count);
        out_field(r, "Enabled", "enabled", json_boolean(interval > 0), yes_no(interval > 0));
    }
    return LVSH_OK;
}

static const struct lvsh_opt opts_keepalive[] = {
    { .name = "interval", .type = LVSH_OPT_INT, .flags = LVSH_OPTF_NAMED, .min = -1, .max = 3600,
      .help = "seconds between keepalive messages (0 disables)", .metavar = "seconds" },
    { .name = "count", .type = LVSH_OPT_INT, .flags = LVSH_OPTF_NAMED, .min = 0, .max = 1000,
      .help = "unanswered messages before the connection is closed", .metavar = "n" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_keepalive = {
    .name = "keepalive",
    .group = "host",
    .summary = "show or set the connection's keepalive",
    .description = "Without options, print the keepalive interval and count of the "
                   "connection.  With --interval or --count, ask libvirt to send keepalive "
                   "messages that often and close the connection after that many go "
                   "unanswered (virConnectSetKeepAlive); drivers that are not remote "
                   "refuse it.",
    .opts = opts_keepalive,
    .flags = LVSH_CMD_CONN,
    .handler = run_keepalive,
};

/* A yes/no/unknown field from a libvirt tri-state (1, 0, -1). */
static void conn_flag(struct lvsh_result *r, const char *label, const char *key, int v)
{
    if (v < 0) {
        virResetLastError();
        out_field(r, label, key, json_null(), "unknown");
    } else {
        out_field(r, label, key, json_boolean(v), yes_no(v));
    }
}

static void conn_version(struct lvsh_result *r, const char *label, const char *key,
                         int rc, unsigned long v)
{
    if (rc < 0 || v == 0) {
        virResetLastError();
        out_field(r, label, key, json_null(), "-");
        return;
    }
    out_field_fmt(r, label, key, json_strf("%lu.%lu.%lu", v / 1000000, (v / 1000) % 1000,
                                           v % 1000),
                  "%lu.%lu.%lu", v / 1000000, (v / 1000) % 1000, v % 1000);
}

/* The host's security model (virNodeGetSecurityModel): "none" if unset. */
static void conn_secmodel(struct lvsh_session *s, struct lvsh_result *r)
{
    virSecurityModel m;
    memset(&m, 0, sizeof(m));
    if (virNodeGetSecurityModel(s->conn, &m) < 0) {
        virResetLastError();
        out_field(r, "Security model", "security_model", json_null(), "unknown");
        return;
    }
    out_field_str(r, "Security model", "security_model", m.model[0] ? m.model : "none");
    out_field_str(r, "Security DOI", "security_doi", m.doi[0] ? m.doi : "0");
}

static enum lvsh_status run_conn_info(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    (void)a;
    unsigned long lib = 0, daemon = 0, hv = 0;
    char *uri = virConnectGetURI(s->conn);
    char *host = virConnectGetHostname(s->conn);
    const char *type = virConnectGetType(s->conn);

    out_record_width(r, 19);
    out_field_str(r, "URI", "uri", uri ? uri : session_uri_label(s));
    if (!host)
        virResetLastError();
    out_field_str(r, "Hostname", "hostname", host);
    out_field_str(r, "Driver", "driver", type);
    virGetVersion(&lib, NULL, NULL);
    conn_version(r, "Library version", "library_version", 0, lib);
    int rc = virConnectGetLibVersion(s->conn, &daemon);
    conn_version(r, "Daemon version", "daemon_version", rc, daemon);
    rc = virConnectGetVersion(s->conn, &hv);
    conn_version(r, "Hypervisor version", "hypervisor_version", rc, hv);
    conn_flag(r, "Secure", "secure", virConnectIsSecure(s->conn));
    conn_flag(r, "Encrypted", "encrypted", virConnectIsEncrypted(s->conn));
    conn_flag(r, "Alive", "alive", virConnectIsAlive(s->conn));
    out_field(r, "Read-only", "readonly", json_boolean(s->readonly), yes_no(s->readonly));
    conn_secmodel(s, r);
    out_field_int(r, "Keepalive interval", "keepalive_interval", s->keepalive_interval);
    out_field_int(r, "Keepalive count", "keepalive_count", s->keepalive_count);
    free(uri);
    free(host);
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_conn_info = {
    .name = "conn-info",
    .group = "host",
    .summary = "show everything about the current connection",
    .description = "Print the connection's URI, hostname, driver, library, daemon and "
                   "hypervisor versions, whether it is secure, encrypted, alive and "
                   "read-only, the host's security model and its keepalive settings.  Versions a driver does not "
                   "report show as '-' (null in JSON).",
    .opts = opts_none,
    .flags = LVSH_CMD_CONN,
    .handler = run_conn_info,
};

LVSH_FAMILY(host) = { &cmd_uri, &cmd_hostname, &cmd_version, &cmd_sysinfo, &cmd_capabilities,
                      &cmd_domcapabilities, &cmd_maxvcpus,
                      &cmd_keepalive, &cmd_conn_info, NULL };
