/* host.c: connection identity commands (uri, hostname, version). */
#include "lvsh.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const struct lvsh_opt opts_none[] = { LVSH_OPT_END };

static enum lvsh_status cmd_host_uri(struct lvsh_session *s, const struct lvsh_args *a,
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
    .handler = cmd_host_uri,
};

static enum lvsh_status cmd_host_hostname(struct lvsh_session *s, const struct lvsh_args *a,
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
    .handler = cmd_host_hostname,
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

static enum lvsh_status cmd_host_version(struct lvsh_session *s, const struct lvsh_args *a,
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
    .handler = cmd_host_version,
};

LVSH_FAMILY(host) = { &cmd_uri, &cmd_hostname, &cmd_version, NULL };
