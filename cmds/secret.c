/* secret.c: secrets (passwords and keys libvirt keeps for volumes, ceph,
 * iSCSI, TLS and vTPM).  A value only ever lives in buffers this file
 * wipes; it never reaches an error message, a log or the history. */
#include "lvsh.h"
#include "result.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* More than any key or passphrase libvirt stores; guards against reading
 * a wrong, huge file into memory. */
#define SECRET_MAX (1024 * 1024)

/* Wipe then free a value buffer. */
static void value_free(void *p, size_t n)
{
    if (!p)
        return;
    wipe(p, n);
    free(p);
}

/* ---- base64, done here so no copy of a value escapes into a library ---- */

static const char b64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static char *b64_encode(const unsigned char *in, size_t n)
{
    char *out = xmalloc((n + 2) / 3 * 4 + 1), *o = out;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)in[i] << 16;
        if (i + 1 < n)
            v |= (unsigned)in[i + 1] << 8;
        if (i + 2 < n)
            v |= in[i + 2];
        *o++ = b64_alphabet[(v >> 18) & 63];
        *o++ = b64_alphabet[(v >> 12) & 63];
        *o++ = i + 1 < n ? b64_alphabet[(v >> 6) & 63] : '=';
        *o++ = i + 2 < n ? b64_alphabet[v & 63] : '=';
    }
    *o = '\0';
    return out;
}

static int b64_digit(char c)
{
    const char *p = c ? strchr(b64_alphabet, c) : NULL;
    return p ? (int)(p - b64_alphabet) : -1;
}

/* Decode base64, ignoring white space (files end in a newline).  Returns
 * false on anything else that is not base64; *out is then NULL. */
static bool b64_decode(const char *in, size_t len, unsigned char **out, size_t *outlen)
{
    unsigned char *buf = xmalloc(len / 4 * 3 + 3);
    size_t n = 0, pad = 0, digits = 0;
    unsigned acc = 0;
    bool ok = true;

    for (size_t i = 0; i < len && ok; i++) {
        char c = in[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        int d = c == '=' ? 0 : b64_digit(c);
        if (d < 0 || (pad && c != '=') || (c == '=' && digits % 4 < 2)) {
            ok = false;
            break;
        }
        if (c == '=')
            pad++;
        acc = acc << 6 | (unsigned)d;
        if (++digits % 4 == 0) {
            buf[n++] = (unsigned char)(acc >> 16);
            buf[n++] = (unsigned char)(acc >> 8);
            buf[n++] = (unsigned char)acc;
            acc = 0;
        }
    }
    acc = 0;
    if (!ok || digits % 4 != 0 || pad > 2) {
        value_free(buf, len / 4 * 3 + 3);
        *out = NULL;
        return false;
    }
    wipe(buf + n - pad, pad);   /* bits of the last group past the value */
    *out = buf;
    *outlen = n - pad;
    return true;
}

/* ---- reading a value from a file, wiping every intermediate copy ------- */

static unsigned char *value_read_fd(int fd, size_t *len, bool *too_big)
{
    size_t cap = 4096, n = 0;
    unsigned char *buf = xmalloc(cap);
    ssize_t got;

    *too_big = false;
    while ((got = read(fd, buf + n, cap - n)) != 0) {
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            value_free(buf, cap);
            return NULL;
        }
        n += (size_t)got;
        if (n == cap) {
            if (cap >= SECRET_MAX) {
                *too_big = true;
                value_free(buf, cap);
                return NULL;
            }
            unsigned char *bigger = xmalloc(cap * 2);
            memcpy(bigger, buf, n);
            value_free(buf, cap);
            buf = bigger;
            cap *= 2;
        }
    }
    *len = n;
    return buf;
}

/* The whole of FILE ("-" = stdin); NULL with r filled on failure.  Bytes
 * past *len were never written, so wiping *len bytes is enough. */
static unsigned char *value_read_file(struct lvsh_result *r, const char *path,
                                      size_t *len)
{
    bool std = strcmp(path, "-") == 0, too_big;
    int fd = std ? 0 : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        err_fail(r, "Failed to open file '%s': %s", path, strerror(errno));
        return NULL;
    }
    unsigned char *v = value_read_fd(fd, len, &too_big);
    int saved = errno;
    if (!std)
        close(fd);
    if (!v && too_big)
        err_fail(r, "file '%s' is too large for a secret value", path);
    else if (!v)
        err_fail(r, "Failed to read file '%s': %s", path, strerror(saved));
    return v;
}

/* ---- shared option shapes ---------------------------------------------- */

#define SECRET_OPT_ARG \
    { .name = "secret", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, \
      .help = "secret UUID or usage id (volume path, ceph/iscsi/tls/vtpm name)", \
      .metavar = "secret", .complete = LVSH_COMP_SECRET }

/* ---- secret-list --------------------------------------------------------- */

struct secret_row {
    virSecretPtr sec;
    char uuid[VIR_UUID_STRING_BUFLEN];   /* once: libvirt's formatting is slow */
};

static int secret_cmp(const void *pa, const void *pb)
{
    return strcasecmp(((const struct secret_row *)pa)->uuid,
                      ((const struct secret_row *)pb)->uuid);
}

static enum lvsh_status run_secret_list(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    static const struct { const char *opt; unsigned flag; } map[] = {
        { "ephemeral", VIR_CONNECT_LIST_SECRETS_EPHEMERAL },
        { "no-ephemeral", VIR_CONNECT_LIST_SECRETS_NO_EPHEMERAL },
        { "private", VIR_CONNECT_LIST_SECRETS_PRIVATE },
        { "no-private", VIR_CONNECT_LIST_SECRETS_NO_PRIVATE },
    };
    unsigned flags = 0;
    virSecretPtr *secs = NULL;
    bool json = lvsh_wants_json(s, a);

    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (args_has(a, map[i].opt))
            flags |= map[i].flag;
    int n = virConnectListAllSecrets(s->conn, &secs, flags);
    virErrorPtr e = n < 0 ? virGetLastError() : NULL;
    /* virsh then tries the old calls: a driver without secrets fails there */
    if (e && e->code == VIR_ERR_NO_SUPPORT && !flags && virConnectNumOfSecrets(s->conn) < 0)
        return err_virt(r, "Failed to count secrets");
    if (n < 0)
        return err_virt(r, "Failed to list secrets");
    struct secret_row *rows = xcalloc((size_t)n + 1, sizeof(*rows));
    for (int i = 0; i < n; i++) {
        rows[i].sec = secs[i];
        virSecretGetUUIDString(secs[i], rows[i].uuid);
    }
    free(secs);
    qsort(rows, (size_t)n, sizeof(*rows), secret_cmp);

    static const struct out_col cols[] = {
        { "UUID", "uuid", 0 },
        { "Usage", "usage", 0 },
        { NULL, NULL, 0 },
    };
    struct out_table *t = out_table_cols(r, cols);
    json_t *arr = json_array();
    for (int i = 0; i < n; i++) {
        int type = virSecretGetUsageType(rows[i].sec);
        out_table_row(t);
        out_cell_str(t, rows[i].uuid);
        if (type > 0)
            out_cell_fmt(t, json_null(), "%s %s", secret_usage_name(type),
                         virSecretGetUsageID(rows[i].sec));
        else
            out_cell(t, json_null(), "Unused");
        if (json)
            json_array_append_new(arr, kind_json_ref(LVSH_KIND_SECRET, rows[i].sec));
        virSecretFree(rows[i].sec);
    }
    free(rows);
    out_json(r, arr);
    return LVSH_OK;
}

static const struct lvsh_opt opts_secret_list[] = {
    { .name = "ephemeral", .type = LVSH_OPT_BOOL, .help = "list ephemeral secrets" },
    { .name = "no-ephemeral", .type = LVSH_OPT_BOOL, .help = "list non-ephemeral secrets" },
    { .name = "private", .type = LVSH_OPT_BOOL, .help = "list private secrets" },
    { .name = "no-private", .type = LVSH_OPT_BOOL, .help = "list non-private secrets" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_secret_list = {
    .name = "secret-list",
    .group = "secret",
    .summary = "list secrets",
    .description = "List every secret with its UUID and what it is used for (usage type "
                   "and id), sorted by UUID.  The filters select ephemeral (memory only) or "
                   "private (value never revealed) secrets, or their opposites; giving both "
                   "of a pair lists both kinds.",
    .opts = opts_secret_list,
    .flags = LVSH_CMD_CONN,
    .handler = run_secret_list,
};

/* ---- secret-define, secret-dumpxml, secret-undefine ---------------------- */

static enum lvsh_status run_secret_define(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    const char *file = args_str(a, "file");
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    char *xml = xml_read_file(r, file);
    if (!xml)
        return LVSH_FAILED;
    virSecretPtr sec = virSecretDefineXML(s->conn, xml, args_flags(a));
    free(xml);
    if (!sec)
        return err_virt(r, "failed to define a secret from '%s'", file);
    virSecretGetUUIDString(sec, uuid);
    out_info(r, "Secret %s created", uuid);
    act_json(r, LVSH_KIND_SECRET, sec, "defined");
    virSecretFree(sec);
    return LVSH_OK;
}

static const struct lvsh_opt opts_secret_define[] = {
    { .name = "file", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "file with the secret's XML description (- for stdin)", .metavar = "file",
      .complete = LVSH_COMP_FILE },
    { .name = "validate", .type = LVSH_OPT_BOOL, .flag = VIR_SECRET_DEFINE_VALIDATE,
      .help = "validate the XML against the schema" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_secret_define = {
    .name = "secret-define",
    .group = "secret",
    .summary = "define or modify a secret from an XML file",
    .description = "Define a secret, or change the attributes of the secret with the same "
                   "UUID.  The XML carries no value: set it with secret-set-value.",
    .opts = opts_secret_define,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_secret_define,
};

static enum lvsh_status run_secret_dumpxml(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    (void)s;
    return target_xml(r, a, virSecretGetXMLDesc(args_target(a), 0),
                      "failed to get the XML of secret '%s'", 0);
}

static const struct lvsh_opt opts_secret_dumpxml[] = {
    SECRET_OPT_ARG,
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_secret_dumpxml = {
    .name = "secret-dumpxml",
    .group = "secret",
    .summary = "print a secret's attributes as XML",
    .description = "Print the XML description of a secret (never its value).",
    .opts = opts_secret_dumpxml,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_secret_dumpxml,
    .target = LVSH_KIND_SECRET,
};

static enum lvsh_status run_secret_undefine(struct lvsh_session *s, const struct lvsh_args *a,
                                            struct lvsh_result *r)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    virSecretPtr sec = args_target(a);
    (void)s;
    virSecretGetUUIDString(sec, uuid);
    if (virSecretUndefine(sec) < 0)
        return err_virt(r, "failed to undefine secret '%s'", args_target_key(a));
    /* the object keeps its uuid and usage after the secret is gone */
    act_done(r, LVSH_KIND_SECRET, sec, "undefined", "Secret %s deleted", uuid);
    return LVSH_OK;
}

static const struct lvsh_opt opts_secret_only[] = {
    SECRET_OPT_ARG,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_secret_undefine = {
    .name = "secret-undefine",
    .group = "secret",
    .summary = "undefine a secret",
    .description = "Delete a secret and its value.",
    .opts = opts_secret_only,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_secret_undefine,
    .target = LVSH_KIND_SECRET,
};

/* ---- secret-set-value ---------------------------------------------------- */

/* The value to set, from --file, --interactive or --base64, into *val
 * (*cap bytes to wipe).  Fills r on failure. */
static enum lvsh_status value_from_args(const struct lvsh_args *a, struct lvsh_result *r,
                                        unsigned char **val, size_t *len, size_t *cap)
{
    const char *file = args_str(a, "file"), *b64 = args_str(a, "base64");
    unsigned char *raw = NULL;
    size_t rawlen = 0;

    if (args_has(a, "interactive")) {
        char *line = tty_prompt("Enter new value for secret:", false);
        if (!line)
            return err_fail(r, "cannot read the secret value: there is no terminal");
        *len = *cap = strlen(line);
        *val = (unsigned char *)line;
        return LVSH_OK;
    }
    if (file) {
        raw = value_read_file(r, file, &rawlen);
        if (!raw)
            return LVSH_FAILED;
        if (args_has(a, "plain")) {
            *len = *cap = rawlen;
            *val = raw;
            return LVSH_OK;
        }
    } else if (b64) {
        out_warn(r, "a secret value on the command line is visible to other users of "
                    "this host; prefer --file or --interactive");
        rawlen = strlen(b64);
        raw = (unsigned char *)xstrndup(b64, rawlen);
        wipe((char *)b64, rawlen);   /* the parsed argument is ours to scrub */
    } else {
        return err_usage(r, "secret-set-value needs the value: give --file, "
                            "--interactive or --base64");
    }
    bool ok = b64_decode((const char *)raw, rawlen, val, len);
    value_free(raw, rawlen);
    if (!ok)
        return err_fail(r, "the secret value is not valid base64%s",
                        file ? " (use --plain for a file holding the raw value)" : "");
    *cap = *len;
    return LVSH_OK;
}

static enum lvsh_status run_secret_set_value(struct lvsh_session *s,
                                             const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    unsigned char *val = NULL;
    size_t len = 0, cap = 0;
    /* looked up here, not as a .target: a secret not found still scrubs --base64 */
    virSecretPtr sec = lookup_secret(s, r, args_str(a, "secret"));
    if (!sec) {
        const char *b64 = args_str(a, "base64");
        if (b64)   /* no secret to give it to: scrub the argument anyway */
            wipe((char *)b64, strlen(b64));
        return LVSH_FAILED;
    }
    enum lvsh_status st = value_from_args(a, r, &val, &len, &cap);
    if (st != LVSH_OK) {
        virSecretFree(sec);
        return st;
    }
    int rc = virSecretSetValue(sec, val, len, 0);
    value_free(val, cap);
    if (rc < 0) {
        st = err_virt(r, "failed to set the value of secret '%s'", args_str(a, "secret"));
    } else {
        out_info(r, "Secret value set");
        act_json(r, LVSH_KIND_SECRET, sec, "value set");
    }
    virSecretFree(sec);
    return st;
}

static const struct lvsh_opt opts_secret_set_value[] = {
    SECRET_OPT_ARG,
    { .name = "file", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_NAMED,
      .metavar = "file", .complete = LVSH_COMP_FILE,
      .help = "read the value from this file (- for stdin), base64 unless --plain" },
    { .name = "plain", .type = LVSH_OPT_BOOL,
      .help = "the file holds the raw value, not base64" },
    { .name = "interactive", .type = LVSH_OPT_BOOL,
      .help = "read the value from the terminal, without echo" },
    { .name = "base64", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_SECRET,
      .metavar = "value",
      .help = "the value in base64 on the command line (insecure: others can see it)" },
    LVSH_OPT_END,
};

static const char *const excl_secret_set_value[] = {
    "file base64", "plain base64", "interactive base64", "interactive plain",
    "interactive file", NULL,
};

static const struct lvsh_cmd cmd_secret_set_value = {
    .name = "secret-set-value",
    .group = "secret",
    .summary = "set a secret's value",
    .description = "Set the value of a secret.  Give it in a file (base64, or the raw bytes "
                   "with --plain), type it at a prompt that does not echo (--interactive), "
                   "or, insecurely and with a warning, in base64 on the command line "
                   "(--base64).  The line never enters the history and the value is wiped "
                   "from memory once sent.",
    .opts = opts_secret_set_value,
    .exclusive = excl_secret_set_value,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES | LVSH_CMD_NO_HISTORY,
    .handler = run_secret_set_value,
};

/* ---- secret-get-value ---------------------------------------------------- */

/* The JSON form: base64, or the raw value when it is text. */
static enum lvsh_status get_value_json(virSecretPtr sec, const struct lvsh_args *a,
                                       struct lvsh_result *r, const unsigned char *v,
                                       size_t n, const char *b64)
{
    bool plain = args_has(a, "plain");
    json_t *jv = !plain ? json_string(b64)
               : memchr(v, '\0', n) ? NULL : json_stringn((const char *)v, n);
    if (!jv)
        return err_fail(r, "the value of secret '%s' is binary: JSON carries it only in "
                           "base64 (drop --plain)", args_str(a, "secret"));
    json_t *j = kind_json_ref(LVSH_KIND_SECRET, sec);
    json_object_set_new(j, "value", jv);
    json_object_set_new(j, "encoding", json_string(plain ? "plain" : "base64"));
    out_json(r, j);
    return LVSH_OK;
}

static enum lvsh_status run_secret_get_value(struct lvsh_session *s,
                                             const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    size_t len = 0;
    virSecretPtr sec = args_target(a);
    unsigned char *val = virSecretGetValue(sec, &len, 0);
    if (!val) {   /* report before freeing: any call resets libvirt's last error */
        enum lvsh_status st = err_virt(r, "failed to get the value of secret '%s'",
                                       args_str(a, "secret"));
        return st;
    }
    char *b64 = b64_encode(val, len);
    enum lvsh_status st = LVSH_OK;
    if (lvsh_wants_json(s, a)) {
        st = get_value_json(sec, a, r, val, len, b64);
    } else {
        /* virsh prints the bare value; its one-shot blank line ends it */
        if (args_has(a, "plain"))
            buf_add(&r->text, (const char *)val, len);
        else
            buf_adds(&r->text, b64);
        if (!s->trailer)
            buf_addc(&r->text, '\n');
    }
    value_free(b64, strlen(b64));
    value_free(val, len);
    return st;
}

static const struct lvsh_opt opts_secret_get_value[] = {
    SECRET_OPT_ARG,
    { .name = "plain", .type = LVSH_OPT_BOOL, .help = "print the raw bytes, not base64" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_secret_get_value = {
    .name = "secret-get-value",
    .group = "secret",
    .summary = "print a secret's value",
    .description = "Print the value of a secret in base64, or as raw bytes with --plain.  "
                   "Private secrets never reveal their value.",
    .opts = opts_secret_get_value,
    .flags = LVSH_CMD_CONN,
    .handler = run_secret_get_value,
    .target = LVSH_KIND_SECRET,
};

LVSH_FAMILY(secret) = {
    &cmd_secret_list, &cmd_secret_define, &cmd_secret_dumpxml,
    &cmd_secret_undefine, &cmd_secret_set_value, &cmd_secret_get_value, NULL,
};
